"""Testimonies in the readings: the same voices on the same pages in the three languages, each one
labelled for what it is. No quote is attributed to a real person: every testimony is a composite voice
that says so and links the published document whose situations it was built from."""
import re
from pathlib import Path

import pytest

COURSES = Path(__file__).resolve().parents[2] / "course_content"
LANGUAGES = ("en", "es", "pt")
COMPOSITE = {"en": "A composite voice, not a real person", "es": "Voz compuesta, no una persona real",
             "pt": "Voz composta, não uma pessoa real"}


def voices(language):
    found = {}
    for path in sorted((COURSES / language / "html").glob("m*_reading_*.html")):
        blocks = re.findall(r'<div class="testimony">(.*?)</div>', path.read_text(encoding="utf-8"), re.S)
        if blocks:
            found[path.name] = blocks
    return found


def test_the_three_languages_have_the_same_testimonies_on_the_same_pages():
    placed = {language: {page: len(blocks) for page, blocks in voices(language).items()} for language in LANGUAGES}
    assert placed["en"] == placed["es"] == placed["pt"]
    assert sum(placed["en"].values()) >= 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_testimony_is_labelled_and_sourced(language):
    for page, blocks in voices(language).items():
        for block in blocks:
            assert "<blockquote>" in block, page
            note = re.search(r'<p class="testimony-note">(.*?)</p>', block, re.S)
            assert note and COMPOSITE[language] in note.group(1), page
            assert re.search(r'<a href="https://[^"]+/[^"]+">', note.group(1)), page
            assert re.search(r"\b(?:19|20)\d\d\b", note.group(1)), f"{page}: the source's date"
