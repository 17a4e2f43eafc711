"""No answer by its form: the right option is not systematically first, longest or in one pattern (issue 15).

The courses once had the best option first in every case-study decision, the right single choice the
longest in 33 of 33 and one checkbox key per language; these checks fail on that again.
`.venv/bin/python -m course_content.giveaways` prints the numbers.
"""
from pathlib import Path

import pytest
from lxml import etree

from course_content import giveaways
from course_content.giveaways import Choice

COURSES = Path(__file__).resolve().parents[2] / "course_content"
LANGUAGES = ("en", "es", "pt")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_question_gives_its_answer_away_by_form(language):
    assert giveaways.course_findings(COURSES / language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_capa_single_choice_group_shuffles(language):
    """openedx-platform xmodule/capa/responsetypes.py: MultipleChoiceResponse.do_shuffle shuffles a
    <choicegroup shuffle="true"> per learner (seeded); ChoiceResponse (checkbox groups) has no shuffle, so
    checkbox groups are written in varied orders instead (test above)."""
    for path in sorted((COURSES / language / "problem").glob("*.xml")):
        for group in etree.parse(str(path)).getroot().iter("choicegroup"):
            assert group.get("shuffle") == "true", path.name


def test_the_check_catches_the_old_courses_patterns():
    """What the courses looked like before: right first and longest, one key everywhere, nothing shuffled."""
    old = ([Choice(f"s{n}", "single", (120, 60, 50), (True, False, False), True) for n in range(11)]
           + [Choice(f"d{n}", "decision", (100, 40), (True, False), True) for n in range(40)]
           + [Choice(f"k{n}", "capa_checkbox", (80, 70, 30, 60), (True, True, False, True), False) for n in range(11)]
           + [Choice(f"c{n}", "capa_single", (90, 40, 50, 45), (False, True, False, False), False)
              for n in range(11)])
    found = "\n".join(giveaways.findings(old))
    assert "single: the right option is the longest in 11 of 11" in found
    assert "decision: the right option is the longest in 40 of 40" in found
    assert "capa_checkbox: 11 of 11 groups shown as written share the key 1101" in found
    assert "capa_single: 11 groups are shown in file order" in found


def test_length_and_position_are_read_as_a_learner_sees_them():
    tie = Choice("t", "single", (50, 50, 20), (True, False, False), True)
    assert not tie.right_is_longest  # a tie gives nothing away
    assert Choice("m", "multiple", (80, 70, 30), (True, True, False), True).right_are_longer
    assert not Choice("m", "multiple", (80, 20, 30), (True, True, False), True).right_are_longer
