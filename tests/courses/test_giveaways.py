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
    assert "single: the right option is the longest in 11 of 11, above the 5.2 chance allows" in found
    assert "decision: the right option is the longest in 40 of 40, above the 23.2 chance allows" in found
    assert "capa_checkbox: 11 of 11 groups shown as written share the key 1101" in found
    assert "capa_single: 11 groups are shown in file order" in found


def test_the_limit_is_what_chance_gives_plus_one_deviation():
    """Two options: the right one is the longest in half of the questions by chance; three options, a third.
    Twenty two-option decisions expect 10 (deviation 2.2): 12 pass, 13 fail. Ten three-option decisions
    expect 3.3 (deviation 1.5): 4 pass, 5 fail, where the old flat limit of 1/2 let 5 through."""
    def decisions(options, longest, total):
        right = (True,) + (False,) * (options - 1)
        return ([Choice(f"l{n}", "decision", (100,) + (50,) * (options - 1), right, True) for n in range(longest)]
                + [Choice(f"o{n}", "decision", (50,) + (60,) + (40,) * (options - 2), right, True)
                   for n in range(total - longest)])

    assert giveaways.chance_limit([1 / 2] * 20) == pytest.approx(10 + 5 ** 0.5)
    assert giveaways.findings(decisions(2, 12, 20)) == []
    assert giveaways.findings(decisions(2, 13, 20))
    assert giveaways.findings(decisions(3, 4, 10)) == []
    assert giveaways.findings(decisions(3, 5, 10))


def test_the_opposite_tell_is_caught_too():
    """Padding every distractor makes the right option the shortest: a learner finds it as easily."""
    padded = [Choice(f"d{n}", "decision", (40, 100), (True, False), True) for n in range(20)]
    assert any("the right option is the shortest in 20 of 20" in line for line in giveaways.findings(padded))


def test_checkbox_chance_counts_the_ways_to_pick_the_right_options():
    """Two right of four are the two longest by chance in 1 of C(4, 2) = 6 groups."""
    assert giveaways.chance_longest(Choice("k", "capa_checkbox", (1, 2, 3, 4), (True, True, False, False), False)) \
        == pytest.approx(1 / 6)


def test_length_and_position_are_read_as_a_learner_sees_them():
    tie = Choice("t", "single", (50, 50, 20), (True, False, False), True)
    assert not tie.right_is_longest  # a tie gives nothing away
    assert Choice("m", "multiple", (80, 70, 30), (True, True, False), True).right_are_longer
    assert not Choice("m", "multiple", (80, 20, 30), (True, True, False), True).right_are_longer
