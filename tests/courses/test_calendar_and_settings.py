"""The three courses run on one calendar (the rulebook's) with the same settings: modules open on the same
days, graded work and the proposal have due dates, and each course has an Updates page Studio imports."""
import json
import re
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from lxml import etree, html

from course_content import checks
from puentes_core import rulebook

COURSES = Path(__file__).resolve().parents[2] / "course_content"
LANGUAGES = ("en", "es", "pt")
# Settings a course says in its own language; everything else must be equal in the three.
WORDED = {"display_name", "language", "short_description", "discussion_topics", "tabs", "teams_configuration",
          "user_partitions"}


def policy(language):
    return json.loads((COURSES / language / "policies" / "2027" / "policy.json").read_text(encoding="utf-8"))[
        "course/2027"]


def moment(value):
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def teamsets_unworded(settings):
    """The teams configuration without the words each language writes (team-set names and descriptions)."""
    configuration = dict(settings["teams_configuration"])
    configuration["team_sets"] = [{k: v for k, v in teamset.items() if k not in ("name", "description")}
                                  for teamset in configuration["team_sets"]]
    return configuration


def test_the_three_courses_have_the_same_settings():
    english = policy("en")
    for language in ("es", "pt"):
        other = policy(language)
        assert set(other) == set(english), language
        assert {k: v for k, v in other.items() if k not in WORDED} == \
            {k: v for k, v in english.items() if k not in WORDED}, language
        assert [tab["type"] for tab in other["tabs"]] == [tab["type"] for tab in english["tabs"]]
        assert len(other["discussion_topics"]) == len(english["discussion_topics"])
        assert teamsets_unworded(other) == teamsets_unworded(english), language  # the block names the ids
        assert [(p["id"], p["scheme"], [g["id"] for g in p["groups"]]) for p in other["user_partitions"]] == \
            [(p["id"], p["scheme"], [g["id"] for g in p["groups"]]) for p in english["user_partitions"]]
    book = rulebook.load()
    assert moment(english["start"]).date() == book.dates.course_opens
    assert moment(english["end"]) == book.calendar.ends
    assert english["self_paced"] is False and "course_info" in [tab["type"] for tab in english["tabs"]]


def test_the_about_pages_state_the_same_duration():
    counts = [Counter(re.findall(r"\d+", (COURSES / language / "about" / "duration.html").read_text(encoding="utf-8")))
              for language in LANGUAGES]
    assert counts[0] == counts[1] == counts[2] and counts[0]["30"] == 2  # 30 weeks, 30 September


@pytest.mark.parametrize("language", LANGUAGES)
def test_modules_open_and_graded_work_is_due_on_the_rulebooks_calendar(language):
    """`start` and `due` are the platform's inherited settings (openedx-platform
    xmodule/modulestore/inheritance.py, InheritanceMixin): a sequential's due date reaches its problems."""
    book = rulebook.load()
    course = COURSES / language
    for path in sorted((course / "chapter").glob("m*.xml")):
        number = int(path.stem[1:3])
        assert moment(etree.parse(str(path)).getroot().get("start")).date() == book.module_opens(number)
    graded = 0
    for path in sorted((course / "sequential").glob("m*.xml")):
        node = etree.parse(str(path)).getroot()
        if node.get("graded") == "true":
            graded += 1
            assert moment(node.get("due")) == book.module_due(int(path.stem[1:3])), path.name
        else:
            assert node.get("due") is None, path.name
    assert graded == 23  # 11 case studies, 11 knowledge checks, the final project
    proposal = etree.parse(str(course / "vertical" / "m11_proposal_unit.xml")).getroot().find("puentes_proposal")
    assert moment(proposal.get("due")) == book.dates.submissions_close


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_course_has_an_updates_page_in_the_format_studio_reads(language):
    """Studio exports and imports course updates as info/updates.html (xml_exporter: 'course_info', 'info',
    '.html'), in the shape <ol><li><h2>date</h2>content</li></ol> that cms/djangoapps/contentstore/
    course_info_model.py documents; handouts as info/handouts.html."""
    page = html.fromstring((COURSES / language / "info" / "updates.html").read_text(encoding="utf-8"))
    assert page.tag == "ol"
    updates = page.findall("li")
    assert len(updates) >= 2 and all(update[0].tag == "h2" and update[0].text_content().strip() for update in updates)
    assert "2027" in updates[0].findtext("h2")
    handouts = (COURSES / language / "info" / "handouts.html").read_text(encoding="utf-8")
    assert handouts.count('href="/static/') == 5
    assert checks.missing_references(COURSES / language) == []
