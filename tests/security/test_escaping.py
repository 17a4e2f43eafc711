"""H3 and L3: text goes into a page escaped for where it goes. A proposal title or a course-authored
rubric label with "</script>" stays text: stored as typed, and the init arguments in the page are JSON
that cannot end their <script> element (the LMS renders them through js_utils.dump_js_escaped_json,
openedx/core/lib/xblock_utils/__init__.py wrap_xblock → xblock_wrapper.html; the demo does the same)."""
import json
import re
from xml.sax.saxutils import quoteattr

import pytest

from tests.helpers import post_json

pytestmark = pytest.mark.django_db

ATTACK = "Casa </script><script>alert(1)</script> & <!-- \u2028 -->"
ESCAPED_ATTACK = "Casa &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"


def init_args(html):
    """The JSON init arguments in a wrapped view, as the page's JavaScript would read them."""
    scripts = re.findall(r'<script type="json/xblock-args" class="xblock_json_init_args">(.*?)</script>', html,
                         re.S)
    assert len(scripts) == 1, "exactly one init-args element, not cut short"
    return json.loads(scripts[0])


def test_script_json_escapes_what_ends_a_script():
    from puentes_core.safe_json import script_json
    text = script_json({"t": ATTACK})
    assert not set("<>&") & set(text) and "\u2028" not in text
    assert json.loads(text) == {"t": ATTACK}


@pytest.mark.parametrize("title", [ATTACK, ESCAPED_ATTACK])
def test_a_hostile_title_stays_text_in_the_review_page(people, submit, review_as, proposal_block, title):
    submit("ana", title=title)
    block = review_as("carla")
    html = block.runtime.render(block, "student_view").body_html()
    assert "<script>alert(1)" not in html
    args = init_args(html)
    assert args["queue"]["items"][0]["title"] == title   # stored and sent exactly as typed


def test_course_authored_rubric_labels_stay_text(people, load_block, review_block):
    from puentes_review.rubric import clean_rubric
    rubric = clean_rubric([{"label": "A </script><script>alert(2)</script>", "levels": [
        {"label": "Low", "description": "&lt;/script&gt;", "points": 0},
        {"label": "High", "description": "ok", "points": 1}]}])
    assert rubric[0]["label"] == "A </script><script>alert(2)</script>"
    assert rubric[0]["levels"][0]["description"] == "&lt;/script&gt;"   # not unescaped into markup
    usage = load_block.parse(f"<puentes_tutor_review url_name='review2' rubric={quoteattr(json.dumps(rubric))}/>")
    block = load_block.block(usage, people["diego"])
    html = block.runtime.render(block, "student_view").body_html()
    assert "<script>alert(2)" not in html
    assert init_args(html)["rubric"][0]["label"] == rubric[0]["label"]


def test_the_hostile_title_reaches_the_proposal_block_escaped(people, load_block, proposal_block):
    block = load_block.block(proposal_block, people["ana"])
    assert post_json(block, "start")[0] == 200
    status, _ = post_json(block, "save_draft", {"changes": [{"section": "title", "value": ATTACK,
                                                              "base_revision": 0}]})
    assert status == 200
    html = load_block.block(proposal_block, people["ana"]).runtime.render(
        load_block.block(proposal_block, people["ana"]), "student_view").body_html()
    assert "<script>alert(1)" not in html
