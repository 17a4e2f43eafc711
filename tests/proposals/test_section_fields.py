"""The proposal form's fieldsets built in Python (puentes_proposal/section_fields.py) are the markup the page's
template loop wrote before (issue 19), byte for byte, escaping included, in every language the block ships; and
a team's hostile text reaches the rendered page as text.
"""
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from puentes_core.i18n import shipped_catalogue, shipped_locale
from puentes_core.rendering import _engine
from puentes_proposal.section_fields import empty_rows, section_fieldsets
from puentes_proposals.data import AttachmentRecord
from tests.helpers import post_json

# The template the page rendered the sections with until section_fields replaced them, kept as the reference.
REFERENCE = Path(__file__).with_name("reference_sections.html")


def reference(**context):
    return Template(REFERENCE.read_text(), engine=_engine()).render(Context(context)).split("\n", 1)[1]


HOSTILE = "Casa </script><script>alert(1)</script> & \"quoted\" 'single' <!-- --> %(n)s {{ x }}"


def views():
    """One section of each kind, with hostile text wherever a learner, a tutor or a course author writes."""
    files = [AttachmentRecord(attachment_id=7, name=HOSTILE + ".pdf", content_type="application/pdf", size=123456,
                              storage_path="x"),
             AttachmentRecord(attachment_id=1234, name="plan.pdf", content_type="application/pdf", size=12,
                              storage_path="y")]
    return [
        {"id": "title", "type": "short_text", "title": HOSTILE, "help": HOSTILE, "required": True, "value": HOSTILE,
         "comments": [HOSTILE + "\nsecond line"]},
        {"id": "empty", "type": "short_text", "title": "Empty", "value": None, "comments": []},
        {"id": "problem", "type": "long_text", "title": HOSTILE, "help": "", "required": True, "min_words": 80,
         "max_words": 1600, "value": "<p>Families <strong>arrive</strong></p>", "words": 1, "comments": []},
        {"id": "more", "type": "long_text", "title": "More", "max_words": 300, "value": None, "words": 0,
         "comments": []},
        {"id": "least", "type": "long_text", "title": "Least", "min_words": 20, "value": "", "words": 21,
         "comments": ["a", "b"]},
        {"id": "people", "type": "number", "title": HOSTILE, "value": 1500, "text": "1.500", "comments": []},
        {"id": "cost", "type": "money", "title": "Cost", "value": None, "text": "", "comments": []},
        {"id": "dates", "type": "date_range", "title": "Dates", "start": "2027-01-01", "end": "", "comments": []},
        {"id": "area", "type": "choice", "title": HOSTILE, "value": "b\"",
         "choices": [{"value": "a", "label": HOSTILE}, {"value": "b\"", "label": "B"}], "comments": []},
        {"id": "budget", "type": "budget", "title": "Budget", "comments": [], "total": 3000.5,
         "total_text": "US$ 3.000,50",
         "rows": [{"item": HOSTILE, "quantity": 2, "unit_cost": 1500.25, "quantity_text": "2",
                   "unit_cost_text": "1.500,25"},
                  {"item": "", "quantity": None, "unit_cost": None, "quantity_text": "", "unit_cost_text": ""}]},
        {"id": "indicators", "type": "indicators", "title": "Indicators", "comments": [],
         "rows": [{"name": HOSTILE, "baseline": "0", "target": "12", "source": "Registro"}, {"name": "half"}]},
        {"id": "documents", "type": "attachments", "title": "Documents", "comments": [], "files": files},
        {"id": "odd", "type": "something_else", "title": "Unknown kind", "comments": []},
    ]


@pytest.mark.parametrize("language", ["en", "es-419", "pt-br", "es-mx"])
@pytest.mark.parametrize("editable", [True, False])
@pytest.mark.parametrize("currency", ["USD", "R$<&>"])
def test_fieldsets_are_the_markup_the_template_wrote(language, editable, currency):
    with translation.override(language):
        catalogue = shipped_catalogue("puentes_proposal", shipped_locale(language))
        context = {"sections": views(), "editable": editable, "currency": currency, "_i18n_service": catalogue}
        assert "    " + section_fieldsets(views(), catalogue, editable, currency) == reference(**context)
        assert "  " + empty_rows(catalogue, currency) == reference(rows=True, **context)


def test_fieldsets_escape_what_people_write():
    with translation.override("es-419"):
        html = str(section_fieldsets(views(), shipped_catalogue("puentes_proposal", "es_419"), True, "USD"))
    assert "<script>" not in html and "</script>" not in html and "<!--" not in html
    assert 'value="Casa &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; ' \
        "&#x27;single&#x27; &lt;!-- --&gt; %(n)s {{ x }}" in html
    assert "<strong>arrive</strong>" in html          # rich text, cleaned when saved, stays markup
    assert "Agregar una línea al presupuesto" in html   # the block's words in the learner's language
    assert "1 palabra" in html and "mínimo 80" in html


def test_a_teams_hostile_answers_reach_the_page_as_text(people, load_block, proposal_block):
    block = load_block.block(proposal_block, people["ana"])
    assert post_json(block, "start")[0] == 200
    changes = [{"section": "title", "value": HOSTILE, "base_revision": 0},
               {"section": "budget", "value": [{"item": HOSTILE, "quantity": "2", "unit_cost": "3"}],
                "base_revision": 0},
               {"section": "indicators", "value": [{"name": HOSTILE, "baseline": "\"0\"", "target": "'1'",
                                                    "source": "<b>x</b>"}], "base_revision": 0}]
    status, body = post_json(block, "save_draft", {"changes": changes})
    assert status == 200, body
    with translation.override("pt-br"):
        block = load_block.block(proposal_block, people["ana"])
        html = block.runtime.render(block, "student_view").body_html()
    assert "<script>alert(1)" not in html and "<b>x</b>" not in html
    escaped = ("Casa &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; "
               "&#x27;single&#x27; &lt;!-- --&gt; %(n)s {{ x }}")
    assert html.count(f'value="{escaped}"') == 3        # the title, the budget line and the indicator
    assert 'value="&quot;0&quot;"' in html and 'value="&#x27;1&#x27;"' in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "Adicionar uma linha ao orçamento" in html
