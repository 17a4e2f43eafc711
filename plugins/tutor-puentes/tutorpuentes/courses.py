"""`tutor local do importpuentescourses`: import the three OLX courses into Studio."""
from __future__ import annotations

import shlex
import typing as t
from importlib import resources

import click

LANGUAGES = ("en", "es", "pt")
# In `tutor local`, the cms job's /openedx/data is $(tutor config printroot)/data/cms-job.
DEFAULT_SOURCE = "/openedx/data/puentes-courses"


def import_script(source_dir: str, languages: t.Iterable[str]) -> str:
    body = resources.files("tutorpuentes").joinpath("templates/puentes/jobs/importcourses.sh").read_text()
    return (
        f"source_dir={shlex.quote(source_dir)}\n"
        f"languages={shlex.quote(' '.join(languages))}\n"
        f"{body}"
    )


@click.command(name="importpuentescourses", help="Import the Puentes OLX courses (en, es, pt) into Studio")
@click.option(
    "-s", "--source", default=DEFAULT_SOURCE, show_default=True,
    help="Folder, inside the cms container, holding puentes-course-<lang>.tar.gz files or <lang>/course.xml folders",
)
@click.option(
    "-l", "--language", "languages", multiple=True, type=click.Choice(LANGUAGES),
    help="Import only this language (repeatable). Default: all three",
)
def importpuentescourses(source: str, languages: tuple[str, ...]) -> t.Iterator[tuple[str, str]]:
    yield ("cms", import_script(source, languages or LANGUAGES))
