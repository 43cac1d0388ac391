"""The renderers: Word read back with python-docx, HTML escaped and self-contained, the
workbook opened with openpyxl, and the errors for an unknown suffix or a missing
LibreOffice. (The PDF conversion itself runs in tests/cli/test_report_cli.py.)"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from cpbmonitor.core.evaluation import (
    Document,
    RendererError,
    build_document,
    render,
    renderer_for_path,
)
from cpbmonitor.core.evaluation.renderers import to_pdf
from cpbmonitor.core.indicators import Evaluation
from tests.core.evaluation.conftest import make_inputs

LABEL = "Demonstration data: generated, not real national reports"


@pytest.fixture(scope="module")
def demo_document(evaluation: Evaluation) -> Document:
    return build_document(make_inputs(evaluation, demonstration=LABEL))


def test_docx_holds_every_goal_table_and_chart(demo_document: Document) -> None:
    word = docx.Document(io.BytesIO(render(demo_document, "docx")))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    # United Nations conventions: chapters I, II...; their sections A, B...
    assert headings[:3] == ["I. Executive summary", "II. Introduction", "A. Linkages"]
    assert "A. Goal A.1: Parties have in place functional national biosafety frameworks" in headings
    assert sum(". Goal " in h for h in headings) == 14
    assert len(word.inline_shapes) == 14
    assert len(word.tables) == len(demo_document.tables())
    assert word.paragraphs[0].style.name == "Title"
    assert word.sections[0].header.paragraphs[0].text == LABEL
    assert word.core_properties.title == demo_document.title
    assert word.sections[-1].page_width > word.sections[-1].page_height  # landscape annex


def test_docx_goal_table_reads_back(demo_document: Document) -> None:
    word = docx.Document(io.BytesIO(render(demo_document, "docx")))
    index = [t.key for t in demo_document.tables()].index("goal-A.1")
    table = word.tables[index]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == [
        "Indicator",
        "Group",
        "Baseline",
        "Current",
        "Parties counted",
        "Change",
        "Status",
    ]
    assert rows[1] == ["A.1(a)", "World", "60%", "57.14%", "4/7", "-2.86", "declined"]
    assert rows[2] == ["A.1(a)", "African States", "0%", "50%", "1/2", "+50", "improved"]


def test_html_is_self_contained_and_escaped(evaluation: Evaluation) -> None:
    inputs = make_inputs(evaluation, demonstration=LABEL)
    section = inputs.plan.sections[0]
    goal = section.goals[0].model_copy(update={"title": '<script>alert("x")</script> & co'})
    tampered = section.model_copy(update={"goals": [goal, *section.goals[1:]]})
    plan = inputs.plan.model_copy(update={"sections": [tampered, *inputs.plan.sections[1:]]})
    html = render(build_document(make_inputs(evaluation, plan=plan)), "html").decode("utf-8")
    assert "<script" not in html
    assert "Goal A.1: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in html
    assert len(re.findall(r'<img src="data:image/png;base64,', html)) == 14
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert html.count("<section") == html.count("</section>")


def test_html_labels_demonstration_data(demo_document: Document) -> None:
    html = render(demo_document, "html").decode("utf-8")
    assert f'<p class="notice demonstration">{LABEL}</p>' in html
    assert '<td class="status declined">declined</td>' in html


def test_xlsx_has_summary_goal_sheets_and_methodology(demo_document: Document) -> None:
    book = load_workbook(io.BytesIO(render(demo_document, "xlsx")))
    goals = [
        f"Goal {g}"
        for g in (
            "A.1",
            "A.2",
            "A.3",
            "A.4",
            "A.5",
            "A.6",
            "A.7",
            "A.8",
            "A.9",
            "A.10",
            "B.1",
            "B.2",
            "B.3",
            "B.4",
        )
    ]
    assert book.sheetnames == ["Summary", *goals, "Methodology"]
    sheet = book["Goal A.1"]
    assert sheet["A2"].value == LABEL
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    world = next(r for r in rows if r[:2] == ["A.1(a)", "World"])
    assert world[2:7] == [60.0, 57.14, "4/7", -2.86, "declined"]
    methodology = [r[0].value for r in book["Methodology"].iter_rows()]
    assert "A.1(a)" in methodology and "B.4(d)" in methodology


def test_unknown_suffix_names_the_file_and_the_known_ones() -> None:
    with pytest.raises(RendererError) as caught:
        renderer_for_path(Path("out/report.txt"))
    assert str(caught.value) == (
        "cannot tell the format of out/report.txt from its suffix (.txt): use .docx, .html, "
        ".pdf, .xlsx"
    )
    assert renderer_for_path(Path("REPORT.DOCX")).name == "docx"


def test_pdf_without_libreoffice_is_one_clear_error(
    demo_document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(to_pdf.shutil, "which", lambda name: None)
    with pytest.raises(RendererError, match="PDF output needs LibreOffice") as caught:
        render(demo_document, "pdf")
    assert "libreoffice-writer-nogui" in str(caught.value)


def test_docx_follows_un_document_conventions(demo_document: Document) -> None:
    """A table of contents field, numbered body paragraphs, captions numbered by SEQ
    fields and bookmarked, key messages linking to their tables, sources in footnotes."""
    content = render(demo_document, "docx")
    word = docx.Document(io.BytesIO(content))
    xml = word.element.xml
    assert 'TOC \\o "1-3"' in xml
    assert "SEQ Table" in xml and "SEQ Figure" in xml
    numbers = demo_document.table_numbers()
    anchor = "T_status"
    assert f'w:name="{anchor}"' in xml and f'w:anchor="{anchor}"' in xml
    bodies = [p.text for p in word.paragraphs if re.match(r"^\d+\.\t", p.text)]
    assert bodies[0].startswith("1.\t") and bodies[1].startswith("2.\t")
    message = next(p.text for p in word.paragraphs if "(see table" in p.text)
    assert f"(see table {numbers['status']})" in message
    package = zipfile.ZipFile(io.BytesIO(content))
    notes = package.read("word/footnotes.xml").decode("utf-8")
    assert "paragraph 23" in notes  # the plan quoted in the introduction
    assert word.settings.element.xml.count("updateFields") == 1
