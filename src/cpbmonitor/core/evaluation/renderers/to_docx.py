"""The document as a Word file (python-docx), following the conventions of United Nations
documents: a title page; a table of contents (a TOC field, filled in with the headings
and updated by Word on opening); chapters numbered I, II... and sections A, B... in
heading styles; body paragraphs numbered 1, 2... throughout; tables and figures captioned
"Table n" and "Figure n" (SEQ fields), each table's caption a bookmark that the key
messages link to; sources and the origin of quotes in footnotes; page numbers in the
footer; the demonstration-data label in the header of every page when it applies. The
annex is set in landscape."""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.document import Document as Docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
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
    Messages,
    Notice,
    Paragraph,
    Quote,
    Section,
    Table,
)
from cpbmonitor.core.evaluation.numbers import in_language
from cpbmonitor.core.evaluation.renderers import renderer
from cpbmonitor.core.evaluation.renderers.word_parts import (
    Footnotes,
    bookmark,
    internal_link,
    seq_field,
    toc_field,
    update_fields_on_open,
)
from cpbmonitor.core.evaluation.words import tr

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SHADES = {
    "improved": "C6EFCE",
    "declined": "FFC7CE",
    "no change": "FFEB9C",
    "demonstration": "FFF2CC",
    "not-available": "EDEDED",
    "info": "DDEBF7",
    "draft": "FCE4D6",
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
        self.paragraphs = 0
        self.width = BODY_WIDTH
        self.numbers = document.table_numbers()
        self.footnotes = Footnotes()
        self.chapters = 0
        self.letters: list[int] = []
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
                self.contents()
                continue
            if section.kind == "annex":
                self.landscape()
            heading = self.doc.add_heading(self.numbered(section, depth), level=min(depth, 3))
            heading.paragraph_format.page_break_before = section.new_page
            for block in section.blocks:
                self.block(block, depth, section.kind == "body")
        self.footnotes.attach(self.doc)
        update_fields_on_open(self.doc)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def numbered(self, section: Section, depth: int) -> str:
        """Chapters I, II...; their sections A, B...; deeper headings as they are."""
        if section.kind == "annex":
            return section.title
        if depth == 1:
            self.chapters += 1
            self.letters = [0]
            return f"{_roman(self.chapters)}. {section.title}"
        if depth == 2 and self.letters:
            self.letters[0] += 1
            return f"{chr(ord('A') + (self.letters[0] - 1) % 26)}. {section.title}"
        return section.title

    def headings(self) -> list[tuple[int, str]]:
        """The headings the table of contents lists (as ``numbered`` will print them)."""
        chapters, letters, found = 0, 0, []
        for depth, section in self.source.walk():
            if section.kind == "title" or depth > 2:
                continue
            if section.kind == "annex":
                found.append((1, section.title))
            elif depth == 1:
                chapters, letters = chapters + 1, 0
                found.append((1, f"{_roman(chapters)}. {section.title}"))
            else:
                letters += 1
                found.append((2, f"{chr(ord('A') + (letters - 1) % 26)}. {section.title}"))
        return found

    def contents(self) -> None:
        self.doc.add_paragraph(tr_in(self.source, "Contents"), style="TOC Heading")
        toc_field(self.doc, self.headings())
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

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
    def block(self, block: Block, depth: int, numbered: bool = False) -> None:
        if isinstance(block, Paragraph):
            self.body_paragraph(block.text, numbered)
        elif isinstance(block, Messages):
            self.messages(block, numbered)
        elif isinstance(block, Quote):
            para = self.add(style="Quote")
            para.add_run(block.text)
            self.footnotes.reference(para, block.source)
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

    def body_paragraph(self, text: str, numbered: bool) -> DocxParagraph:
        """A paragraph of the body, numbered 1, 2... with a hanging indent."""
        if not numbered:
            return self.doc.add_paragraph(text)
        self.paragraphs += 1
        para = self.doc.add_paragraph(f"{self.paragraphs}.\t{text}")
        fmt = para.paragraph_format
        fmt.left_indent, fmt.first_line_indent = Cm(1), Cm(-1)
        fmt.tab_stops.add_tab_stop(Cm(1))
        return para

    def messages(self, block: Messages, numbered: bool) -> None:
        """Each key message, then a link to the table holding its figures."""
        for message in block.items:
            para = self.body_paragraph(message.sentence.text, numbered)
            number = self.numbers.get(message.table)
            if number is None:
                continue
            para.add_run(" (")
            internal_link(
                para, _bookmark(message.table), f"{tr_in(self.source, 'see table')} {number}"
            )
            para.add_run(")")

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
        caption = self.doc.add_paragraph(style="Caption")
        with bookmark(caption, _bookmark(block.key), self.tables):
            caption.add_run(f"{tr_in(self.source, 'Table')} ")
            seq_field(caption, "Table", self.tables)
            caption.add_run(f". {block.caption}")
        if block.source:
            self.footnotes.reference(caption, block.source)
        caption.paragraph_format.keep_with_next = True
        widths = column_widths(block, self.width)
        self.doc.element.body._insert_tbl(parse_xml(table_xml(block, widths)))
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
        caption = self.doc.add_paragraph(style="Caption")
        caption.add_run(f"{tr_in(self.source, 'Figure')} ")
        seq_field(caption, "Figure", self.figures)
        caption.add_run(f". {block.caption}")


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


def table_xml(block: Table, widths: list[int]) -> str:
    """The ``w:tbl`` of ``block``, written as text in one go (python-docx's cell by cell
    interface is slow for hundreds of cells): "Table Grid" style, centred, fixed column
    widths, a header row repeated on each page and shaded, numbers right-aligned, codes
    in bold, status cells shaded, and equal first cells merged when asked."""
    twips = [max(int(w / 635), 100) for w in widths]  # EMU -> twentieths of a point
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    rows = [_row_xml(block.columns, twips, header=True)]
    previous: str | None = None
    for row in block.rows:
        first = row[0].text
        merge = None
        if block.span_first_column:
            merge = "continue" if first == previous else "restart"
        rows.append(_row_xml(row, twips, merge=merge))
        previous = first
    return (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        '<w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def _row_xml(
    cells: Sequence[Cell | str],
    twips: list[int],
    header: bool = False,
    merge: str | None = None,
) -> str:
    parts = []
    for column, (cell, width) in enumerate(zip(cells, twips, strict=True)):
        text, kind = (cell, "text") if isinstance(cell, str) else (cell.text, cell.kind)
        properties = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        if column == 0 and merge is not None:
            properties += f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>"
        fill = SHADES["header"] if header else (SHADES.get(text) if kind == "status" else None)
        if fill:
            properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
        shown = "" if merge == "continue" and column == 0 else text
        align = '<w:pPr><w:jc w:val="right"/></w:pPr>' if kind in NUMERIC and not header else ""
        bold = "<w:b/>" if header or (column == 0 and kind == "code") else ""
        run = (
            f'<w:r><w:rPr>{bold}<w:sz w:val="16"/></w:rPr><w:t xml:space="preserve">'
            f"{escape(shown)}</w:t></w:r>"
            if shown
            else ""
        )
        parts.append(f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p>{align}{run}</w:p></w:tc>")
    head = '<w:trPr><w:tblHeader w:val="true"/></w:trPr>' if header else ""
    return f"<w:tr>{head}{''.join(parts)}</w:tr>"


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


def _roman(number: int) -> str:
    numerals = (
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = ""
    for value, letters in numerals:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _bookmark(key: str) -> str:
    """A Word bookmark name for a table key (letters, digits and underscores)."""
    cleaned = "".join(c if c.isalnum() else "_" for c in key)
    return f"T_{cleaned}"[:40]


def tr_in(document: Document, text: str) -> str:
    with in_language(document.language):
        return tr(text)


@renderer("docx", ".docx", MEDIA_TYPE)
def to_docx(document: Document) -> bytes:
    return _Writer(document).write()
