"""`make courses`: render the rules pages and the calendar from the rulebook, build the working tools, validate each OLX
course with olxcleaner and pack it for Studio's Import page.

Writes dist/puentes-course-<lang>.tar.gz with one top folder holding course.xml, the layout
Studio's importer and `./manage.py cms import` expect. Packing is deterministic (sorted entries,
fixed times and owners) so an unchanged course gives an identical file.
"""
import gzip
import io
import shutil
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from course_content import schedule  # noqa: E402
from course_content.checks import validate_course  # noqa: E402
from course_content.rules_pages import write_pages  # noqa: E402
from course_content.staging import stage  # noqa: E402

LANGUAGES = ("en", "es", "pt")


def pack(course_dir, target):
    top = target.name.removesuffix(".tar.gz")
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for path in sorted(course_dir.rglob("*")):
            info = archive.gettarinfo(str(path), arcname=f"{top}/{path.relative_to(course_dir)}")
            info.mtime, info.uid, info.gid, info.uname, info.gname = 0, 0, 0, "", ""
            if path.is_file():
                with open(path, "rb") as handle:
                    archive.addfile(info, handle)
            else:
                archive.addfile(info)
    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as zipped:
        zipped.write(buffer.getvalue())


def main():
    dist = REPO / "dist"
    dist.mkdir(exist_ok=True)
    for page in [*write_pages(), *schedule.apply()]:
        print(f"{page.relative_to(REPO)}: rewritten from the rulebook")
    failed = False
    workdir = tempfile.mkdtemp(prefix="puentes-courses-")
    for language in LANGUAGES:
        course_dir = stage(language, workdir)
        errors = validate_course(course_dir)
        if errors:
            failed = True
            print(f"{language}: {len(errors)} OLX errors", file=sys.stderr)
            for error in errors:
                print(f"  {error}", file=sys.stderr)
            continue
        target = dist / f"puentes-course-{language}.tar.gz"
        pack(course_dir, target)
        print(f"{target.relative_to(REPO)}: {target.stat().st_size // 1024} KB")
    shutil.rmtree(workdir)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
