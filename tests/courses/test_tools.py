"""The working tools: built by `make courses` in each language, linked from the units that use them, and a
budget whose totals a spreadsheet program computes (recomputed here with `formulas`, as LibreOffice would)."""
import io
import re
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from course_content.tools import build, texts

COURSES = Path(__file__).resolve().parents[2] / "course_content"
LANGUAGES = ("en", "es", "pt")


@pytest.fixture(scope="module", params=LANGUAGES)
def built(request):
    return request.param, build.build_all(request.param)


def test_every_tool_opens_and_is_byte_stable(built):
    language, files = built
    assert set(files) == set(build.file_names(language)) and len(files) == len(texts.TOOLS)
    assert files == build.build_all(language)  # the same bytes every time: archives stay byte-stable
    words = texts.for_language(language)
    for tool in texts.TOOLS:
        content = files[words[tool]["file"]]
        if words[tool]["file"].endswith(".docx"):
            text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
        else:
            sheet = load_workbook(io.BytesIO(content)).active
            text = "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value)
        assert words[tool]["title"] in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_tool_is_linked_from_a_unit_of_its_course(language):
    pages = "".join(path.read_text(encoding="utf-8") for path in (COURSES / language / "html").glob("*.html"))
    linked = set(re.findall(r'href="/static/([^"]+)"', pages))
    assert set(build.file_names(language)) <= linked


def test_the_budget_totals_compute(tmp_path):
    """Recompute the Spanish budget's formulas: line totals, the grand total, who pays, the prize's share."""
    import formulas
    path = tmp_path / "presupuesto.xlsx"
    path.write_bytes(build.build_all("es")["puentes_presupuesto.xlsx"])
    solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    values = {key.split("!")[-1]: value.value[0][0] for key, value in solution.items() if "!" in key}
    lines = [(12, 900, 5400, 0), (10, 1500, 9000, 6000), (4, 350, 1400, 0), (2000, 0.25, 0, 0)]
    total = sum(quantity * cost for quantity, cost, _prize, _partners in lines)
    first, total_row = build.BUDGET_FIRST, build.BUDGET_FIRST + build.BUDGET_LINES + 1
    assert [values[f"F{first + n}"] for n in range(len(lines))] == [q * c for q, c, _p, _s in lines]
    assert values[f"F{total_row}"] == total == 27700
    assert values[f"G{total_row}"] == 15800 and values[f"I{total_row}"] == 6000
    assert values[f"H{total_row}"] == total - 15800 - 6000  # the municipality pays the rest
    assert values[f"G{total_row + 1}"] == pytest.approx(15800 / 27700)
    staff = total_row + 4  # "Total by category": the first category is staff
    assert values[f"F{staff}"] == 10800


def test_the_three_budgets_compute_the_same_way():
    """Same formulas in the same cells in every language: only the words differ."""
    def formulas_of(language):
        budget = build.build_all(language)[texts.for_language(language)["budget"]["file"]]
        sheet = load_workbook(io.BytesIO(budget)).active
        return {cell.coordinate: cell.value for row in sheet.iter_rows() for cell in row
                if isinstance(cell.value, str) and cell.value.startswith("=")}
    english = formulas_of("en")
    assert len(english) == 2 * build.BUDGET_LINES + 4 + 1 + 7  # lines, four totals, the share, seven categories
    assert formulas_of("es") == english == formulas_of("pt")
