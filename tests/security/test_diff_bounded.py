"""H2: comparing two versions costs bounded work whatever the text. Before, two versions of '- . - . …'
(0 words, so no word limit stopped them) made difflib work quadratically: 6,000 characters took 3.6–6.4 s
per view, 60,000 about 11 minutes per section. The bound is on work counted, not on wall time
(docs/benchmarks.md has the times)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from puentes_review import diff

HOSTILE = [
    ("- . " * 15000, ". - " * 15000 + "x"),               # one paragraph of 60,000 characters
    ("-\n.\n" * 15000, ".\n-\n" * 15000),                 # 30,000 one-character paragraphs
    ("a " * 30000, "b " * 30000),                         # everything rewritten
    ("- . " * 1500, ("- - . . " * 750)),                  # the finding's 6,000 characters
]


def rebuilt(changes):
    """(before, after) put back together from the changes: nothing is lost, whatever the budget."""
    return ("".join(text for op, text in changes if op != "insert"),
            "".join(text for op, text in changes if op != "delete"))


@pytest.mark.parametrize(("before", "after"), HOSTILE)
def test_hostile_versions_cost_bounded_work(before, after):
    budget = diff.Budget()
    changes = diff.word_changes(before, after, budget)
    # Reading the text once (tokenising, trimming) plus at most the budget's steps of comparison.
    assert budget.spent <= diff.MAX_STEPS + len(before) + len(after)
    assert rebuilt(changes) == (before, after)


def test_a_view_shares_one_budget_across_its_sections():
    template = [{"id": f"s{n}", "type": "long_text", "title": f"S{n}"} for n in range(9)]
    before = {f"s{n}": "<p>" + "- . " * 15000 + "</p>" for n in range(9)}
    after = {f"s{n}": "<p>" + ". - " * 15000 + "</p>" for n in range(9)}
    budget = diff.Budget()
    sections = diff.section_changes(template, before, after, budget=budget)
    text = sum(len(value) for value in [*before.values(), *after.values()])   # the text is shorter than its HTML
    assert budget.spent <= diff.MAX_STEPS + 2 * text
    assert all(section["changed"] for section in sections)


def test_ordinary_edits_are_marked_word_by_word():
    before = "Families arrive without documents.\nThey wait weeks for help."
    after = "Families arrive without papers.\nThey wait weeks for help from the city."
    assert diff.word_changes(before, after) == [
        ("equal", "Families arrive without "), ("delete", "documents."), ("insert", "papers."),
        ("equal", "\nThey wait weeks for "), ("delete", "help."), ("insert", "help from the city."),
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .-\n", max_size=60), st.text(alphabet="ab .-\n", max_size=60))
def test_the_changes_always_rebuild_both_versions(before, after):
    assert rebuilt(diff.word_changes(before, after)) == (before, after)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["a ", "b ", "c ", "d "]), max_size=40),
       st.lists(st.sampled_from(["a ", "b ", "c ", "d "]), max_size=40))
def test_the_edit_script_is_as_short_as_a_longest_common_subsequence_allows(old, new):
    script = diff.edit_script(old, new, diff.Budget())
    edits = sum(1 for op, _ in script if op != "equal")
    assert edits == len(old) + len(new) - 2 * lcs_length(old, new)


def lcs_length(old, new):
    row = [0] * (len(new) + 1)
    for token in old:
        previous = 0
        for j, other in enumerate(new):
            previous, row[j + 1] = row[j + 1], previous + 1 if token == other else max(row[j + 1], row[j])
    return row[-1]


def test_a_word_limit_counts_what_a_reader_sees():
    """Punctuation standing alone counts as words now, so '- . - .' cannot dodge max_words (H2)."""
    from puentes_proposals import sections
    assert sections.word_count("<p>" + "- . " * 1500 + "</p>") == 3000
    assert sections.word_count("<p>São&nbsp;Paulo <em>y</em> Ciudad-de-México</p>") == 4
    section = {"id": "p", "type": "long_text", "title": "P", "required": True, "max_words": 500}
    assert sections.answer_problems(section, "<p>" + "- . " * 1500 + "</p>")
