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
def test_archive_has_one_top_folder_with_course_xml(build_courses, tmp_path, language):
    target = tmp_path / f"puentes-course-{language}.tar.gz"
    build_courses.pack(REPO / "course_content" / language, target)
    with tarfile.open(target) as archive:
        names = archive.getnames()
    assert {name.split("/")[0] for name in names} == {f"puentes-course-{language}"}
    assert f"puentes-course-{language}/course.xml" in names
    assert f"puentes-course-{language}/static/course_image.jpg" in names
    (tmp_path / "again").mkdir()
    again = tmp_path / "again" / target.name
    build_courses.pack(REPO / "course_content" / language, again)
    assert hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(again.read_bytes()).digest()
