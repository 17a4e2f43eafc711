"""Rich text and authored text never show entities: what a reader reads is "&" and a space, never "&amp;" or
"&nbsp;" (issue 14). nh3 writes its output as HTML; each page escapes text once where it shows it."""
from types import SimpleNamespace

import pytest

from puentes_core.sanitize import plain_text
from tests.casestudy.conftest import CASE

RICH = "<p>Llegan&nbsp;300 familias &amp; niños &lt;3</p><p>Segundo&nbsp;párrafo</p>"


def test_plain_text_is_text_not_html():
    assert plain_text("Salud &amp; trabajo&nbsp;hoy &lt;3 <b>ya</b>") == "Salud & trabajo\xa0hoy <3 ya"
    assert plain_text("<script>alert(1)</script>Hola") == "Hola"


@pytest.mark.django_db
def test_a_case_studys_authored_text_shows_each_character_once_escaped(load_block, make_user, course_key):
    xml = CASE.replace('label="Crossings"', 'label="Salud &amp; trabajo"').replace(
        ">Health<", ">Salud &amp; escuela &lt;3<")
    html = load_block.block(load_block.parse(xml), make_user("ana", "student", course_key)).render(
        "student_view", {}).body_html()
    assert "Salud &amp; trabajo" in html and "Salud &amp; escuela &lt;3" in html
    assert "&amp;amp;" not in html and "&amp;lt;" not in html


def test_the_results_summary_and_the_reports_practices_are_text():
    from puentes_assessment.reports import _summary_text

    from puentes_awards.jury.results_page import summary as _summary
    entry = SimpleNamespace(title="Casa abierta", snapshot={"sections": [{"section_type": "long_text", "value": RICH}]})
    assert _summary(entry) == "Llegan\xa0300 familias & niños <3 Segundo\xa0párrafo"
    snapshot = SimpleNamespace(sections=[SimpleNamespace(section_id="problem", section_type="long_text", value=RICH)])
    assert _summary_text(snapshot) == "Llegan\xa0300 familias & niños <3 Segundo\xa0párrafo"
