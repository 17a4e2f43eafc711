"""A course as it is packed and imported: its folder plus the files `make courses` builds (the tools)."""
import shutil
from pathlib import Path

from course_content.tools.build import build_all

COURSES = Path(__file__).resolve().parent


def stage(language, workdir):
    """Copy course_content/<language> into `workdir` and add the working tools to its static/ folder."""
    staged = Path(workdir) / language
    shutil.copytree(COURSES / language, staged)
    for name, content in build_all(language).items():
        (staged / "static" / name).write_bytes(content)
    return staged
