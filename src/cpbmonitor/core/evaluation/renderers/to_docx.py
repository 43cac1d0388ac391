"""The document as a Word file (python-docx): a title page, headings 1-3, tables in the
"Table Grid" style with a repeated header row, the charts, page numbers in the footer,
and the demonstration-data label in the header of every page when it applies. The
annex is set in landscape."""

from __future__ import annotations

import io

from docx import Document as new_docx
from docx.document import Document as Docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Length, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from cpbmonitor.core.evaluation.model import (
    Block,
    Cell,
    Document,
    Figure,
    ItemList,
    Notice,
    Paragraph,
    Quote,
    Section,
    Table,
)
from cpbmonitor.core.evaluation.renderers import renderer

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SHADES = {
    "improved": "C6EFCE",
    "declined": "FFC7CE",
    "no change": "FFEB9C",
    "demonstration": "FFF2CC",
    "not-available": "EDEDED",
    "info": "DDEBF7",
    "header": "D9E2F3",
}
NUMERIC = frozenset({"number", "percent", "points", "fraction"})
BODY_WIDTH = Cm(17)
LANDSCAPE_WIDTH = Cm(25.7)


class _Writer:
    def __init__(self, document: Document) -> None:
        self.source = document
        self.doc: Docx = new_docx()
        self.tables = 0
        self.figures = 0
        self.width = BODY_WIDTH
        self._style_ids: dict[str, str | None] = {}

    def add(self, text: str = "", style: str | None = None) -> DocxParagraph:
        """A new paragraph, as ``add_paragraph`` makes it; each style's id is looked up
        once (python-docx scans every style for each lookup)."""
        para = self.doc.add_paragraph(text)
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.doc.part.get_style_id(  # type: ignore[no-untyped-call]
                    self.doc.styles[style], WD_STYLE_TYPE.PARAGRAPH
                )
            para._p.style = self._style_ids[style]
        return para

    def heading(self, text: str, level: int) -> DocxParagraph:
        """As ``add_heading``."""
        return self.add(text, "Title" if level == 0 else f"Heading {level}")

    # -- page set-up ------------------------------------------------------------------
    def setup(self) -> None:
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(10)
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2))
        section.top_margin = section.bottom_margin = Cm(2)
        props = self.doc.core_properties
        props.title = self.source.title
        props.subject = self.source.subtitle
        props.author = "CPB Monitor"
        props.keywords = "; ".join(f"{k}: {v}" for k, v in self.source.meta.items() if v)
        self._header_footer(section)

    def _header_footer(self, section: object) -> None:
        from docx.section import Section as DocxSection

        assert isinstance(section, DocxSection)
        if self.source.demonstration:
            header = section.header.paragraphs[0]
            run = header.add_run(self.source.demonstration)
            run.bold = True
            run.font.size = Pt(8)
            run.font.color.rgb = RGBColor(0x9C, 0x57, 0x00)
            header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        small = footer.add_run(f"{self.source.title} · page ")
        small.font.size = Pt(8)
        _page_field(footer)

    # -- sections ---------------------------------------------------------------------
    def write(self) -> bytes:
        self.setup()
        for depth, section in self.source.walk():
            if section.kind == "title":
                self.title_page(section)
                continue
            if section.kind == "annex":
                self.landscape()
            heading = self.heading(section.title, min(depth, 3))
            heading.paragraph_format.page_break_before = section.new_page
            for block in section.blocks:
                self.block(block, depth)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def title_page(self, section: Section) -> None:
        self.add(self.source.title, "Title")
        self.add(self.source.subtitle, "Subtitle")
        for block in section.blocks:
            self.block(block, 1)
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def landscape(self) -> None:
        new = self.doc.add_section(WD_SECTION.NEW_PAGE)
        new.orientation = WD_ORIENT.LANDSCAPE
        new.page_width, new.page_height = Cm(29.7), Cm(21)
        self.width = LANDSCAPE_WIDTH

    # -- blocks -----------------------------------------------------------------------
    def block(self, block: Block, depth: int) -> None:
        if isinstance(block, Paragraph):
            self.doc.add_paragraph(block.text)
        elif isinstance(block, Quote):
            para = self.add(style="Quote")
            para.add_run(block.text)
            source = para.add_run(f" ({block.source})")
            source.font.size = Pt(8)
        elif isinstance(block, ItemList):
            self.item_list(block, depth)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Figure):
            self.figure(block)
        elif isinstance(block, Notice):
            para = self.doc.add_paragraph()
            run = para.add_run(block.text)
            run.bold = block.kind == "demonstration"
            _shade_paragraph(para, SHADES[block.kind])

    def item_list(self, block: ItemList, depth: int) -> None:
        if block.title:
            self.heading(block.title, min(depth + 1, 3))
        for item in block.items:
            para = self.add(style="List Bullet")
            if item.label:
                para.add_run(item.label + " ").bold = True
            para.add_run(item.text)

    def table(self, block: Table) -> None:
        self.tables += 1
        caption = self.add(f"Table {self.tables}. {block.caption}", "Caption")
        caption.paragraph_format.keep_with_next = True
        table = self.doc.add_table(rows=1 + len(block.rows), cols=len(block.columns))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        rows = table.rows
        header = rows[0]
        _repeat_header(header)
        for cell, title in zip(header.cells, block.columns, strict=True):
            _cell_text(cell, title, bold=True)
            _shade_cell(cell, SHADES["header"])
        previous: str | None = None
        for index, row in enumerate(block.rows, start=1):
            cells = rows[index].cells
            for column, (target, source) in enumerate(zip(cells, row, strict=True)):
                repeated = block.span_first_column and column == 0 and source.text == previous
                if not repeated:
                    _cell_text(target, source.text, bold=column == 0 and source.kind == "code")
                    if source.kind in NUMERIC:
                        target.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
                self.shade(target, source)
            previous = row[0].text
        _set_widths(table, column_widths(block, self.width))
        if block.span_first_column:
            _merge_first_column(table, block)
        gap = self.doc.add_paragraph().paragraph_format
        gap.space_after, gap.space_before = Pt(0), Pt(0)

    def shade(self, target: _Cell, source: Cell) -> None:
        if source.kind == "status" and source.text in SHADES:
            _shade_cell(target, SHADES[source.text])

    def figure(self, block: Figure) -> None:
        self.figures += 1
        self.doc.add_picture(io.BytesIO(block.png), width=min(self.width, Cm(15)))
        picture = self.doc.paragraphs[-1]
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        self.add(f"Figure {self.figures}. {block.caption}", "Caption")


# -- low-level helpers ---------------------------------------------------------------------


CHAR = Pt(4.6)
"""About the width of one character of the 8-point table text (a wide serif font)."""
PADDING = 2.4
"""Cell margins, in characters."""
LONG_WORD = 16
"""Longer words (rules, identifiers) are left to break rather than widen their column."""


def column_widths(block: Table, total: Length) -> list[int]:
    """Widths (EMU): each column first gets room for its longest word (header words
    count a little wider: bold), so that no word is broken; what is left goes to the
    columns with longer texts, in proportion to how much more they would like."""
    needs: list[float] = []
    wants: list[float] = []
    for index, title in enumerate(block.columns):
        texts = [row[index].text for row in block.rows]
        words = [len(w) * 1.3 for w in title.split()] + [len(w) for t in texts for w in t.split()]
        need = min(max(words, default=1), LONG_WORD) + PADDING
        longest = max((len(t) for t in texts), default=0)
        needs.append(need)
        wants.append(max(need, min(longest, 30) * 1.1 + PADDING))
    room = total / CHAR - sum(needs)
    extra = [want - need for want, need in zip(wants, needs, strict=True)]
    if room <= 0 or not sum(extra):
        whole = sum(needs) + max(room, 0)
        return [int(total * need / whole) for need in needs]
    share = room / sum(extra)
    return [int((need + e * share) * CHAR) for need, e in zip(needs, extra, strict=True)]


def _set_widths(table: DocxTable, widths: list[int]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Emu(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Emu(width)


def _cell_text(cell: _Cell, text: str, bold: bool = False) -> None:
    para = cell.paragraphs[0]
    run = para.add_run(text)
    run.font.size = Pt(8)
    run.bold = bold or None


def _shade_cell(cell: _Cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _shade_paragraph(para: DocxParagraph, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    para._p.get_or_add_pPr().append(shading)


def _repeat_header(row: object) -> None:
    from docx.table import _Row

    assert isinstance(row, _Row)
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _merge_first_column(table: DocxTable, block: Table) -> None:
    start = 0
    for index in range(1, len(block.rows) + 1):
        last = index == len(block.rows)
        if last or block.rows[index][0].text != block.rows[start][0].text:
            if index - 1 > start:  # the rows' own first cells (``table.cell`` maps the grid)
                rows = table._tbl.tr_lst
                top = _Cell(rows[start + 1].tc_lst[0], table)
                top.merge(_Cell(rows[index].tc_lst[0], table))
            start = index


def _page_field(para: DocxParagraph) -> None:
    run = para.add_run()
    run.font.size = Pt(8)
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = " PAGE "
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, code, end):
        run._r.append(element)


@renderer("docx", ".docx", MEDIA_TYPE)
def to_docx(document: Document) -> bytes:
    return _Writer(document).write()
