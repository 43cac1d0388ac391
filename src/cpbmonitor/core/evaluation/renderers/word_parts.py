"""Pieces of WordprocessingML that python-docx does not write itself: footnotes (their
own part of the package), bookmarks, internal hyperlinks, SEQ and TOC fields, and the
setting that has Word update fields on opening."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any
from xml.sax.saxutils import escape

from docx.document import Document as Docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
)


class Footnotes:
    """Footnotes referenced from the body, written as ``word/footnotes.xml`` at the end."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def reference(self, para: Paragraph, text: str) -> None:
        """A superscript footnote mark at the end of ``para``; the note says ``text``."""
        self.texts.append(text)
        run = para.add_run()
        properties = OxmlElement("w:rPr")
        align = OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        properties.append(align)
        run._r.append(properties)
        mark = OxmlElement("w:footnoteReference")
        mark.set(qn("w:id"), str(len(self.texts)))
        run._r.append(mark)

    def xml(self) -> bytes:
        notes = "".join(
            f'<w:footnote w:id="{index}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="16"/></w:rPr>'
            "<w:footnoteRef/></w:r>"
            f'<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve"> {escape(text)}'
            "</w:t></w:r></w:p></w:footnote>"
            for index, text in enumerate(self.texts, start=1)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:footnotes {nsdecls('w')}>{SEPARATORS}{notes}</w:footnotes>"
        ).encode()

    def attach(self, doc: Docx) -> None:
        if not self.texts:
            return
        document_part = doc.part
        part = Part(
            PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, self.xml(), document_part.package
        )
        document_part.relate_to(part, RT.FOOTNOTES)


@contextlib.contextmanager
def bookmark(para: Paragraph, name: str, ident: int) -> Iterator[None]:
    """The runs added to ``para`` inside the block are bookmarked as ``name``."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    para._p.append(start)
    yield
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    para._p.append(end)


def internal_link(para: Paragraph, anchor: str, text: str) -> None:
    """A hyperlink to the bookmark ``anchor`` of the same document."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "1F5F99")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(colour)
    properties.append(underline)
    run.append(properties)
    body = OxmlElement("w:t")
    body.text = text
    body.set(qn("xml:space"), "preserve")
    run.append(body)
    link.append(run)
    para._p.append(link)


def seq_field(para: Paragraph, name: str, value: int) -> None:
    """A ``SEQ`` field numbering tables or figures, showing ``value`` until updated."""
    field = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" SEQ {name} \\* ARABIC ">'
        f"<w:r><w:t>{value}</w:t></w:r></w:fldSimple>"
    )
    para._p.append(field)


def _field_char(kind: str) -> Any:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        char.set(qn("w:dirty"), "true")
    run.append(char)
    return run


def toc_field(doc: Docx, headings: list[tuple[int, str]]) -> None:
    """A table of contents field (headings 1-3), showing ``headings`` until Word updates
    it with page numbers."""
    entries = headings or [(1, "")]
    for index, (level, text) in enumerate(entries):
        para = doc.add_paragraph()
        para.paragraph_format.left_indent = None if level == 1 else 228600 * (level - 1)
        if index == 0:
            para._p.append(_field_char("begin"))
            instruction = OxmlElement("w:r")
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = ' TOC \\o "1-3" \\h \\z \\u '
            instruction.append(code)
            para._p.append(instruction)
            para._p.append(_field_char("separate"))
        para.add_run(text)
        if index == len(entries) - 1:
            para._p.append(_field_char("end"))


def update_fields_on_open(doc: Docx) -> None:
    """Ask Word to update the fields (contents, numbering) when it opens the file."""
    settings = doc.settings.element
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    settings.append(flag)
