"""Section answers (clean on save, check on submit) and attachment checks, as pure functions."""
from decimal import Decimal

import pytest

from puentes_proposals import attachments, sections

from .conftest import PDF, PNG

LONG = {"id": "p", "type": "long_text", "title": "P", "required": True, "min_words": 3, "max_words": 5}


def test_rich_text_is_sanitised_on_the_server():
    cleaned = sections.clean_answer(LONG, '<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:x">'
                                          'link</a> <strong>bold</strong></p>')
    assert "script" not in cleaned and "onclick" not in cleaned and "javascript" not in cleaned
    assert "<strong>bold</strong>" in cleaned


def test_short_text_is_kept_as_typed():
    """Plain text is not HTML: stored as received (H3), escaped wherever it is shown."""
    section = {"id": "t", "type": "short_text", "title": "T"}
    assert sections.clean_answer(section, " Niños & <b>niñas</b> ") == "Niños & <b>niñas</b>"
    assert sections.clean_answer(section, "Casa &lt;/script&gt;") == "Casa &lt;/script&gt;"
    assert sections.clean_answer(section, "a\x00b\x1bc") == "abc"
    with pytest.raises(sections.AnswerError):
        sections.clean_answer(section, "x" * 301)
    with pytest.raises(sections.AnswerError):
        sections.clean_answer(section, {"not": "text"})


def test_word_limits_are_checked_on_submit_not_on_save():
    too_long = "<p>one two three four five six</p>"
    assert sections.clean_answer(LONG, too_long) == too_long
    assert sections.answer_problems(LONG, too_long) == ["Write at most 5 words (now 6)."]
    assert sections.answer_problems(LONG, "<p>one two</p>") == ["Write at least 3 words (now 2)."]
    assert sections.answer_problems(LONG, "<p>  </p>") == ["This section is required."]
    assert sections.answer_problems(LONG, "<p>one two three</p>") == []


def test_word_count_ignores_tags_and_entities():
    assert sections.word_count("<p>São&nbsp;Paulo <em>y</em> Ciudad-de-México</p>") == 4


def test_budget_rows_are_cleaned_and_summed():
    section = {"id": "b", "type": "budget", "title": "B", "required": True}
    rows = sections.clean_answer(section, [{"item": "Rent", "quantity": "12", "unit_cost": "1,250.50"},
                                           {"item": "<b>Staff</b>", "quantity": 2, "unit_cost": 3000}])
    assert rows == [{"item": "Rent", "quantity": 12, "unit_cost": 1250.5},
                    {"item": "<b>Staff</b>", "quantity": 2, "unit_cost": 3000}]
    assert sections.budget_total(rows) == Decimal("21006.0")
    assert sections.answer_problems(section, rows) == []
    incomplete = sections.clean_answer(section, [{"item": "", "quantity": 1, "unit_cost": None}])
    assert sections.answer_problems(section, incomplete)
    with pytest.raises(sections.AnswerError):
        sections.clean_answer(section, [{"item": "x", "quantity": "lots", "unit_cost": 1}])
    with pytest.raises(sections.AnswerError):
        sections.clean_answer(section, "not rows")
    with pytest.raises(sections.AnswerError):
        sections.clean_answer(section, [{}] * 101)


@pytest.mark.parametrize("value", ["NaN", "Infinity", "1e400", True])
def test_numbers_refuse_what_is_not_a_finite_number(value):
    with pytest.raises(sections.AnswerError):
        sections.clean_answer({"id": "n", "type": "money", "title": "N"}, value)


def test_date_range_and_choice():
    dates = {"id": "d", "type": "date_range", "title": "D", "required": True}
    assert sections.clean_answer(dates, {"start": "2027-01-01", "end": "2027-12-31"}) == {
        "start": "2027-01-01", "end": "2027-12-31"}
    assert sections.answer_problems(dates, {"start": "2027-12-31", "end": "2027-01-01"})
    with pytest.raises(sections.AnswerError):
        sections.clean_answer(dates, {"start": "31/12/2027"})
    choice = {"id": "c", "type": "choice", "title": "C", "choices": [{"value": "a", "label": "A"}]}
    assert sections.clean_answer(choice, "a") == "a"
    with pytest.raises(sections.AnswerError):
        sections.clean_answer(choice, "b")


def test_indicators_need_baseline_and_target():
    section = {"id": "i", "type": "indicators", "title": "I", "required": True}
    rows = sections.clean_answer(section, [{"name": "Families housed", "baseline": "0", "target": "120"}])
    assert sections.answer_problems(section, rows) == []
    assert sections.answer_problems(section, sections.clean_answer(section, [{"name": "x", "baseline": "1"}]))


def test_template_checks():
    assert sections.clean_template([{"id": "a", "type": "short_text", "title": "A"}])[0]["required"] is False
    for bad in ([], [{"id": "A b", "type": "short_text", "title": "A"}],
                [{"id": "a", "type": "poem", "title": "A"}],
                [{"id": "a", "type": "short_text", "title": "A"}, {"id": "a", "type": "number", "title": "B"}],
                [{"id": "a", "type": "choice", "title": "A"}],
                [{"id": "a", "type": "long_text", "title": "A", "min_words": 10, "max_words": 5}]):
        with pytest.raises(sections.AnswerError):
            sections.clean_template(bad)


def test_file_names_are_sanitised():
    assert attachments.sanitize_name("../../etc/passwd") == "passwd"
    assert attachments.sanitize_name("C:\\Users\\x\\Presupuesto final.XLSX") == "Presupuesto final.xlsx"
    assert attachments.sanitize_name('a<b>"c|d?.pdf') == "abcd.pdf"
    assert len(attachments.sanitize_name("x" * 500 + ".pdf")) <= attachments.MAX_NAME


ALLOWED = ("pdf", "png", "jpg", "csv", "txt")


def test_files_are_judged_by_their_content():
    assert attachments.check_upload("plan.pdf", PDF, len(PDF), ALLOWED, 1000).content_type == "application/pdf"
    assert attachments.check_upload("map.png", PNG, len(PNG), ALLOWED, 1000).content_type == "image/png"
    assert attachments.check_upload("data.csv", "año;n\n1;2\n".encode(), 12, ALLOWED, 1000).content_type == "text/csv"


@pytest.mark.parametrize("name, content, size, code", [
    ("photo.png", PDF, len(PDF), "mismatch"),          # a PDF pretending to be an image
    ("report.pdf", b"MZ\x90\x00" + b"\x00" * 60, 64, "mismatch"),  # an executable pretending to be a PDF
    ("notes.txt", PNG, len(PNG), "mismatch"),
    ("run.exe", b"MZ", 2, "bad_type"),
    ("plan.pdf", PDF, 5000, "too_big"),
    ("plan.pdf", b"", 0, "empty"),
])
def test_files_that_lie_or_overflow_are_refused(name, content, size, code):
    with pytest.raises(attachments.UploadRefused) as refused:
        attachments.check_upload(name, content, size, ALLOWED, 1000)
    assert refused.value.code == code
