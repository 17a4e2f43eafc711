"""`make courses` packs each course as Studio imports it: one top folder holding course.xml, byte-stable."""
import hashlib
import importlib.util
import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build_courses():
    spec = importlib.util.spec_from_file_location("build_courses", REPO / "scripts" / "build_courses.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("language", ["en", "es", "pt"])
def test_archive_has_one_top_folder_with_course_xml_and_the_tools(build_courses, tmp_path, language):
    from course_content.staging import stage
    from course_content.tools.build import file_names
    target = tmp_path / f"puentes-course-{language}.tar.gz"
    build_courses.pack(stage(language, tmp_path / "one"), target)
    with tarfile.open(target) as archive:
        names = archive.getnames()
    assert {name.split("/")[0] for name in names} == {f"puentes-course-{language}"}
    assert f"puentes-course-{language}/course.xml" in names
    assert f"puentes-course-{language}/static/course_image.jpg" in names
    assert {f"puentes-course-{language}/static/{name}" for name in file_names(language)} <= set(names)
    (tmp_path / "again").mkdir()
    again = tmp_path / "again" / target.name
    build_courses.pack(stage(language, tmp_path / "two"), again)  # tools rebuilt, same bytes
    assert hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(again.read_bytes()).digest()
