"""The document as one self-contained HTML file: inline CSS, charts as ``data:`` URIs,
every text escaped, no script and nothing fetched from elsewhere. Key messages link to
the table holding their figures (``#key``); sources are notes under the captions."""

from __future__ import annotations

import base64
from html import escape

from cpbmonitor.core.evaluation.model import (
    Block,
    Document,
    Figure,
    ItemList,
    Messages,
    Paragraph,
    Quote,
    Section,
    Table,
)
from cpbmonitor.core.evaluation.numbers import in_language
from cpbmonitor.core.evaluation.renderers import renderer
from cpbmonitor.core.evaluation.words import tr

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:60rem;
margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem;border-bottom:2px solid #1f5f99;padding-bottom:.2rem}
h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.1rem}h4{font-size:1rem}
header.title{margin-bottom:2rem}header.title h1{font-size:2rem;border:0}
.subtitle{font-size:1.15rem;color:#444}
table{border-collapse:collapse;margin:.5rem 0 1.2rem;font-size:.85rem;width:100%}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #bbb;padding:.2rem .4rem;vertical-align:top;text-align:left}
th{background:#d9e2f3}td.number,td.percent,td.points,td.fraction,td.date{text-align:right;
white-space:nowrap}td.code{font-family:ui-monospace,monospace;font-size:.8rem}
td.improved{background:#c6efce}td.declined{background:#ffc7ce}td.no-change{background:#ffeb9c}
blockquote{margin:.6rem 1.5rem;color:#333;font-style:italic}blockquote cite{font-size:.8rem}
.notice{padding:.5rem .8rem;margin:.8rem 0;border-left:4px solid #999;background:#ededed}
.notice.demonstration{background:#fff2cc;border-color:#bf8f00;font-weight:600}
.notice.draft{background:#fce4d6;border-color:#c55a11}ol.messages li{margin:.3rem 0}
p.source{font-size:.8rem;color:#555;margin:-.8rem 0 1rem}
figure{margin:1rem 0}figure img{max-width:100%;height:auto}
figcaption{font-size:.85rem;color:#444}
"""


def _status_class(text: str) -> str:
    return text.replace(" ", "-") if text in ("improved", "declined", "no change") else ""


def _table(block: Table, number: int, word: str = "Table") -> str:
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in block.columns)
    rows = []
    for row in block.rows:
        cells = []
        for cell in row:
            classes = " ".join(c for c in (cell.kind, _status_class(cell.text)) if c)
            cells.append(f'<td class="{classes}">{escape(cell.text)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    source = f'<p class="source">{escape(block.source)}</p>' if block.source else ""
    return (
        f'<table id="{escape(block.key)}"><caption>{word} {number}. {escape(block.caption)}'
        f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"{source}"
    )


def _figure(block: Figure, number: int) -> str:
    data = base64.b64encode(block.png).decode("ascii")
    return (
        f'<figure id="{escape(block.key)}"><img src="data:image/png;base64,{data}" '
        f'alt="{escape(block.alt)}"><figcaption>Figure {number}. {escape(block.caption)}'
        "</figcaption></figure>"
    )


def _items(block: ItemList, depth: int) -> str:
    title = (
        f"<h{min(depth + 1, 4)}>{escape(block.title)}</h{min(depth + 1, 4)}>" if block.title else ""
    )
    items = "".join(
        f"<li>{f'<strong>{escape(i.label)}</strong> ' if i.label else ''}{escape(i.text)}</li>"
        for i in block.items
    )
    return f"{title}<ul>{items}</ul>"


class _Counter:
    def __init__(self, document: Document | None = None) -> None:
        self.tables = 0
        self.figures = 0
        self.numbers = document.table_numbers() if document else {}
        with in_language(document.language if document else "en"):
            self.words = {w: tr(w) for w in ("Table", "Figure", "see table")}

    def messages(self, block: Messages) -> str:
        items = []
        for message in block.items:
            number = self.numbers.get(message.table)
            link = (
                f' (<a href="#{escape(message.table)}">{escape(self.words["see table"])} '
                f"{number}</a>)"
                if number
                else ""
            )
            items.append(f"<li>{escape(message.sentence.text)}{link}</li>")
        return f'<ol class="messages">{"".join(items)}</ol>'

    def block(self, block: Block, depth: int) -> str:
        if isinstance(block, Paragraph):
            return f"<p>{escape(block.text)}</p>"
        if isinstance(block, Messages):
            return self.messages(block)
        if isinstance(block, Quote):
            cite = f"<cite>({escape(block.source)})</cite>"
            lang = f' lang="{escape(block.language)}"' if block.language else ""
            return f"<blockquote{lang}>{escape(block.text)} {cite}</blockquote>"
        if isinstance(block, ItemList):
            return _items(block, depth)
        if isinstance(block, Table):
            self.tables += 1
            return _table(block, self.tables, self.words["Table"])
        if isinstance(block, Figure):
            self.figures += 1
            return _figure(block, self.figures)
        return f'<p class="notice {escape(block.kind)}">{escape(block.text)}</p>'


def _section(section: Section, depth: int, counter: _Counter, title: str, subtitle: str) -> str:
    body = "".join(counter.block(b, depth) for b in section.blocks)
    if section.kind == "title":
        return (
            f'<header class="title"><h1>{escape(title)}</h1><p class="subtitle">'
            f"{escape(subtitle)}</p>{body}</header>"
        )
    level = min(depth, 4)
    return f'<section id="{escape(section.key)}"><h{level}>{escape(section.title)}</h{level}>{body}'


@renderer("html", ".html", "text/html; charset=utf-8")
def to_html(document: Document) -> bytes:
    counter = _Counter(document)
    parts = []
    closing: list[int] = []
    for depth, section in document.walk():
        while closing and closing[-1] >= depth:
            parts.append("</section>")
            closing.pop()
        parts.append(_section(section, depth, counter, document.title, document.subtitle))
        if section.kind != "title":
            closing.append(depth)
    parts += ["</section>"] * len(closing)
    banner = (
        f'<p class="notice demonstration">{escape(document.demonstration)}</p>'
        if document.demonstration
        else ""
    )
    html = (
        f'<!DOCTYPE html><html lang="{escape(document.language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(document.title)}</title><style>{CSS}</style></head><body>"
        f"{banner}{''.join(parts)}</body></html>\n"
    )
    return html.encode("utf-8")
