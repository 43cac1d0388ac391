"""The document as a workbook (openpyxl): a summary sheet (the tables of the sections
without a sheet of their own), one sheet per goal (its table, then its findings), and
the methodology. Numbers are written as numbers; the demonstration-data label heads
every sheet when it applies."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cpbmonitor.core.evaluation.model import (
    Cell,
    Document,
    Messages,
    Notice,
    Paragraph,
    Section,
    Table,
)
from cpbmonitor.core.evaluation.renderers import renderer

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", start_color="D9E2F3", end_color="D9E2F3")
FILLS = {
    "improved": PatternFill("solid", start_color="C6EFCE", end_color="C6EFCE"),
    "declined": PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE"),
    "no change": PatternFill("solid", start_color="FFEB9C", end_color="FFEB9C"),
}
NUMBER_FORMATS = {"percent": '0.00"%"', "points": "+0.00;-0.00;0", "date": "yyyy-mm-dd"}
SUMMARY = "Summary"


def _sheet_title(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "-", name)[:31]


class _Book:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.book = Workbook()
        first = self.book.active
        assert first is not None
        first.title = SUMMARY
        self.sheets: dict[str, Worksheet] = {SUMMARY: first}
        self.head(first, document.title)

    def head(self, sheet: Worksheet, title: str) -> None:
        sheet.append([title])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=13)
        if self.document.demonstration:
            sheet.append([self.document.demonstration])
            sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, color="9C5700")
        sheet.append([])

    def sheet_for(self, section: Section, inherited: str) -> str:
        name = _sheet_title(section.sheet) if section.sheet else inherited
        if name not in self.sheets:
            sheet = self.book.create_sheet(name)
            self.sheets[name] = sheet
            self.head(sheet, section.title)
        return name

    def write_section(self, section: Section, inherited: str = SUMMARY) -> None:
        name = self.sheet_for(section, inherited)
        sheet = self.sheets[name]
        for block in section.blocks:
            if isinstance(block, Table):
                self.table(sheet, block)
            elif isinstance(block, Paragraph) and block.sentences() and name != SUMMARY:
                sheet.append([block.text])
            elif isinstance(block, Messages):
                sheet.append([self.document.title])
                for message in block.items:
                    sheet.append([message.sentence.text])
                sheet.append([])
            elif isinstance(block, Notice) and block.kind in ("not-available", "draft"):
                sheet.append([f"{section.title}: {block.text}"])
        for child in section.subsections:
            self.write_section(child, name)

    def table(self, sheet: Worksheet, block: Table) -> None:
        sheet.append([block.caption])
        sheet.cell(row=sheet.max_row, column=1).font = BOLD
        sheet.append(list(block.columns))
        for cell in sheet[sheet.max_row]:
            cell.font = BOLD
            cell.fill = HEADER_FILL
        for row in block.rows:
            sheet.append([_value(c) for c in row])
            for index, source in enumerate(row, start=1):
                self.style(sheet.cell(row=sheet.max_row, column=index), source)
        sheet.append([])
        for index, title in enumerate(block.columns, start=1):
            letter = get_column_letter(index)
            width = max(len(title), *(min(len(r[index - 1].text), 60) for r in block.rows), 8)
            current = sheet.column_dimensions[letter].width or 0
            sheet.column_dimensions[letter].width = max(current, min(width + 2, 62))

    def style(self, target: object, source: Cell) -> None:
        from openpyxl.cell.cell import Cell as XlCell

        assert isinstance(target, XlCell)
        if source.kind in NUMBER_FORMATS and source.value is not None:
            target.number_format = NUMBER_FORMATS[source.kind]
        if source.kind == "status" and source.text in FILLS:
            target.fill = FILLS[source.text]
        if source.kind == "text" and len(source.text) > 60:
            target.alignment = Alignment(wrap_text=True, vertical="top")

    def bytes(self) -> bytes:
        for _depth, section in ((1, s) for s in self.document.sections):
            if section.kind != "title":
                self.write_section(section)
        out = io.BytesIO()
        self.book.save(out)
        return out.getvalue()


def _value(cell: Cell) -> object:
    value = cell.value
    return "" if value == "—" else value


@renderer("xlsx", ".xlsx", MEDIA_TYPE)
def to_xlsx(document: Document) -> bytes:
    return _Book(document).bytes()
