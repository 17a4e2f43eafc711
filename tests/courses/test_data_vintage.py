"""One data vintage for the headline figures, in every language: the forcibly displaced at the end of 2024
(UNHCR Global Trends 2024: 123.2 million) and close to 8 million Venezuelans abroad as of 2024 (R4V).
An older vintage (end of 2023: 117.3 million) left in one language fails here."""
import re
from pathlib import Path

import pytest

COURSES = Path(__file__).resolve().parents[2] / "course_content"
DISPLACED = {"en": "123.2 million", "es": "123,2 millones", "pt": "123,2 milhões"}
VENEZUELANS = {"en": "close to 8 million", "es": "cerca de 8 millones", "pt": "cerca de 8 milhões"}


def texts(language):
    for path in [*(COURSES / language / "html").glob("*.html"), *(COURSES / language / "vertical").glob("*.xml")]:
        yield path.name, re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", ["en", "es", "pt"])
def test_the_headline_figures_have_one_vintage(language):
    everything = dict(texts(language))
    assert DISPLACED[language] in everything["m01_reading_1.html"]
    assert VENEZUELANS[language] in everything["m01_reading_1.html"]
    stale = [name for name, text in everything.items() if re.search(r"117[.,]3", text)]
    assert stale == []
