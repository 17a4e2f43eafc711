"""The working tools a team downloads from the course: built by `make courses`, never kept as binaries.

Five tools, each in the three languages (words in text_<language>.py, written in that language):
problem tree and contingency plan as Word documents (python-docx), logical framework, budget and
referral pathway as spreadsheets (openpyxl). The budget's totals are formulas, so they compute in
any spreadsheet program as the team types. Files are byte-stable: fixed document dates and zip
entry times, so an unchanged tool gives an identical file and an identical course archive.
"""
import io
import re
import zipfile

from docx import Document
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from . import texts

FIXED_MOMENT = "2027-01-01T00:00:00Z"
ZIP_TIME = (2027, 1, 1, 0, 0, 0)
HEADER = PatternFill("solid", fgColor="DDE7F0")
INPUT = PatternFill("solid", fgColor="FFF8DC")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def build_all(language):
    """{file name: bytes} of every tool in `language`."""
    words = texts.for_language(language)
    return {words[tool]["file"]: BUILDERS[tool](words[tool]) for tool in texts.TOOLS}


def file_names(language):
    words = texts.for_language(language)
    return [words[tool]["file"] for tool in texts.TOOLS]


# ---- documents ------------------------------------------------------------------------------------

def _document(words):
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    document.core_properties.title = words["title"]
    document.core_properties.author = "Puentes"
    document.add_heading(words["title"], level=1)
    for paragraph in words["intro"]:
        document.add_paragraph(paragraph)
    return document


def _table(document, headers, rows, empty_rows=0):
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = header
        cell.paragraphs[0].runs[0].bold = True
    for row in list(rows) + [[""] * len(headers)] * empty_rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    return table


def problem_tree(words):
    """Effects above, the core problem in the middle, causes below: the tree drawn as a table."""
    document = _document(words)
    for level in words["levels"]:
        document.add_heading(level["name"], level=2)
        document.add_paragraph(level["question"])
        _table(document, words["columns"], [level["example"]], empty_rows=level["blank_rows"])
    document.add_heading(words["checks_title"], level=2)
    for check in words["checks"]:
        document.add_paragraph(check, style="List Bullet")
    return _docx_bytes(document)


def contingency_plan(words):
    document = _document(words)
    for number, section in enumerate(words["sections"], 1):
        document.add_heading(f"{number}. {section['name']}", level=2)
        document.add_paragraph(section["guidance"])
        if section.get("columns"):
            _table(document, section["columns"], section.get("rows", []), empty_rows=section.get("blank_rows", 3))
        else:
            for _ in range(3):
                document.add_paragraph("…")
    return _docx_bytes(document)


def _docx_bytes(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable_zip(buffer.getvalue())


# ---- spreadsheets ---------------------------------------------------------------------------------

def _sheet(workbook, words, headers, widths):
    sheet = workbook.active
    sheet.title = words["sheet"]
    sheet["A1"] = words["title"]
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = words["intro"]
    sheet["A2"].alignment = WRAP
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(headers))
    sheet.row_dimensions[2].height = 60
    for column, (header, width) in enumerate(zip(headers, widths, strict=True), 1):
        cell = sheet.cell(row=4, column=column, value=header)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER, WRAP
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A5"
    return sheet


def logical_framework(words):
    workbook = Workbook()
    sheet = _sheet(workbook, words, words["columns"], [22, 40, 30, 30, 30])
    for offset, level in enumerate(words["levels"]):
        row = 5 + offset
        sheet.cell(row=row, column=1, value=level["name"]).font = BOLD
        for column, value in enumerate(level["example"], 2):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.alignment, cell.fill = WRAP, INPUT
        sheet.row_dimensions[row].height = 75
    return _xlsx_bytes(workbook)


BUDGET_FIRST, BUDGET_LINES = 5, 30  # rows 5..34 are budget lines


def budget(words):
    """Lines (quantity × unit cost = total, split by who pays), totals by category and by source.

    Every total is a formula: the team types quantities and costs, the spreadsheet adds up.
    """
    workbook = Workbook()
    columns = words["columns"]  # item, category, unit, quantity, unit cost, total, prize, municipality, partners
    sheet = _sheet(workbook, words, columns, [36, 22, 12, 10, 12, 14, 14, 14, 14])
    last = BUDGET_FIRST + BUDGET_LINES - 1
    categories = words["categories"]
    pick = DataValidation(type="list", formula1='"' + ",".join(categories) + '"', allow_blank=True)
    pick.error, pick.errorTitle = words["category_error"], columns[1]
    sheet.add_data_validation(pick)
    amounts = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    amounts.error, amounts.errorTitle = words["amount_error"], columns[4]
    sheet.add_data_validation(amounts)
    for offset in range(BUDGET_LINES):
        row = BUDGET_FIRST + offset
        example = words["lines"][offset] if offset < len(words["lines"]) else ()
        # item, category, unit, quantity, unit cost, paid by the prize, paid by partners (the rest: the municipality)
        for column, value in zip((1, 2, 3, 4, 5, 7, 9)[:len(example)], example, strict=True):
            sheet.cell(row=row, column=column, value=value)
        sheet.cell(row=row, column=8, value=f'=IF(F{row}="","",F{row}-G{row}-I{row})')
        sheet.cell(row=row, column=6, value=f'=IF(OR(D{row}="",E{row}=""),"",D{row}*E{row})')
        for column in (1, 2, 3, 4, 5, 7, 9):
            sheet.cell(row=row, column=column).fill = INPUT
        for column in (4, 5, 6, 7, 8, 9):
            sheet.cell(row=row, column=column).number_format = "#,##0.00"
        pick.add(f"B{row}")
        amounts.add(f"D{row}:E{row}")
    total_row = last + 2
    sheet.cell(row=total_row, column=1, value=words["total"]).font = BOLD
    for column in (6, 7, 8, 9):
        letter = get_column_letter(column)
        cell = sheet.cell(row=total_row, column=column, value=f"=SUM({letter}{BUDGET_FIRST}:{letter}{last})")
        cell.font, cell.number_format = BOLD, "#,##0.00"
    share_row = total_row + 1
    sheet.cell(row=share_row, column=1, value=words["prize_share"])
    share = sheet.cell(row=share_row, column=7, value=f"=IF(F{total_row}=0,0,G{total_row}/F{total_row})")
    share.number_format = "0%"
    by_category = share_row + 2
    sheet.cell(row=by_category, column=1, value=words["by_category"]).font = BOLD
    for offset, category in enumerate(categories, 1):
        row = by_category + offset
        sheet.cell(row=row, column=1, value=category)
        cell = sheet.cell(row=row, column=6,
                          value=f'=SUMIF($B${BUDGET_FIRST}:$B${last},A{row},$F${BUDGET_FIRST}:$F${last})')
        cell.number_format = "#,##0.00"
    note_row = by_category + len(categories) + 2
    sheet.cell(row=note_row, column=1, value=words["note"]).alignment = WRAP
    sheet.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=len(columns))
    sheet.row_dimensions[note_row].height = 45
    return _xlsx_bytes(workbook)


def referral_pathway(words):
    workbook = Workbook()
    sheet = _sheet(workbook, words, words["columns"], [30, 28, 24, 18, 30, 30])
    for offset, situation in enumerate(words["situations"]):
        row = 5 + offset
        sheet.cell(row=row, column=1, value=situation).font = BOLD
        for column in range(2, len(words["columns"]) + 1):
            cell = sheet.cell(row=row, column=column, value=words["hints"][column - 2] if offset == 0 else None)
            cell.alignment, cell.fill = WRAP, INPUT
        sheet.row_dimensions[row].height = 45
    return _xlsx_bytes(workbook)


def _xlsx_bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _stable_zip(buffer.getvalue())


# ---- byte stability -------------------------------------------------------------------------------

CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _stable_zip(data):
    """The same package with fixed entry times and document dates (libraries stamp 'now')."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = CORE_DATES.sub(rb"\g<1>" + FIXED_MOMENT.encode() + rb"\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()


BUILDERS = {"problem_tree": problem_tree, "logical_framework": logical_framework, "budget": budget,
            "referral_pathway": referral_pathway, "contingency_plan": contingency_plan}
