"""`cpb report evaluation` on the demonstration data: the Word file read back against
`cpb evaluate --format json` (every goal with its table and chart), `cpb capacity needs`,
`cpb capacity coverage` and `cpb milestones status`; the PDF made by LibreOffice; the
draft-2019 version (no Action Plan, no linkages); and the errors for a bad output file.
(HTML and XLSX: tests/core/evaluation.)"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from cpbmonitor.core.demo import LABEL
from cpbmonitor.core.indicators.comparability import LABELS
from cpbmonitor.core.plan import load_plan

runner = CliRunner()
GROUPS = {
    "World": "global",
    "African States": "AFR",
    "Asia-Pacific States": "ASP",
    "Central and Eastern European States": "CEE",
    "Latin American and Caribbean States": "GRULAC",
    "Western European and other States": "WEOG",
}
DEMO_CYCLES = ("--plan", "draft-2020", "--cycle", "5", "--baseline", "4")
"""The fifth reports of the demonstration data against the fourth."""
HAS_OFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def goal_parts(word: Any) -> dict[str, dict[str, list[Any]]]:
    """For each goal heading of the Word file: the tables and pictures under it."""
    parts: dict[str, dict[str, list[Any]]] = {}
    current: str | None = None
    for child in word.element.body.iterchildren():
        if child.tag.endswith("}p"):
            para = DocxParagraph(child, word)
            style = para.style.name if para.style is not None else ""
            if style in ("Heading 1", "Heading 2"):
                match = re.match(r"(?:[A-Z]\. )?Goal ([AB]\.\d+):", para.text)
                current = match.group(1) if match and style == "Heading 2" else None
                if current:
                    parts[current] = {"tables": [], "pictures": []}
            elif current and child.findall(".//{*}drawing"):
                parts[current]["pictures"].append(child)
        elif child.tag.endswith("}tbl") and current:
            parts[current]["tables"].append(DocxTable(child, word))
    return parts


def section_parts(word: Any, title: str) -> tuple[list[str], list[Any]]:
    """The paragraphs' texts and the tables under the top-level heading ``title``."""
    texts: list[str] = []
    tables: list[Any] = []
    inside = False
    for child in word.element.body.iterchildren():
        if child.tag.endswith("}p"):
            para = DocxParagraph(child, word)
            style = para.style.name if para.style is not None else ""
            if style == "Heading 1":  # numbered I, II... as in United Nations documents
                inside = re.sub(r"^[IVXLC]+\. ", "", para.text) == title
            elif inside:
                texts.append(para.text)
        elif child.tag.endswith("}tbl") and inside:
            tables.append(DocxTable(child, word))
    return texts, tables


def cells(table: Any) -> list[list[str]]:
    """The rows of ``table`` below its header, as texts."""
    return [[c.text for c in row.cells] for row in table.rows[1:]]


def json_of(tmp_path: Path, name: str, *args: str) -> Any:
    out = tmp_path / f"{name}.json"
    result = run(*args, "-o", str(out))
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text())


def check_capacity_section(word: Any, tmp_path: Path) -> None:
    """The needs table against `cpb capacity needs` and `cpb capacity coverage` (world)."""
    needs = json_of(tmp_path, "needs", "capacity", "needs", "--cycle", "5", "-f", "json")
    coverage = json_of(tmp_path, "coverage", "capacity", "coverage", "--cycle", "5", "-f", "json")
    gaps = json_of(tmp_path, "gaps", "capacity", "gaps", "--cycle", "5", "-f", "json")
    world = {row["code"]: row for row in coverage if row["group"] == "global"}
    texts, tables = section_parts(word, "Capacity-building needs and coverage gaps")
    assert len(tables) == 2  # the needs, and the needs by region
    rows = cells(tables[0])
    *areas, total = rows
    assert len(areas) == len(needs) == 17
    reporting = world["(a)"]["reporting"]
    assert total[1:3] == ["Parties with a national report of the cycle", str(reporting)]
    for row, expected in zip(areas, needs, strict=True):
        code, area, parties, share, _key_areas, activities, unreached = row
        assert (area, int(parties)) == (expected["area"], expected["global"]), code
        assert float(share.rstrip("%")) == round(100 * expected["global"] / reporting, 2), code
        assert int(activities) == world[code]["activities"], code
        assert int(unreached) == world[code]["uncovered"], code
    no_key_area = [row[0] for row in areas if row[4] == "none (gap)"]
    assert no_key_area == [item["code"] for item in gaps["not_in_plan"]]
    assert no_key_area == ["(h)", "(l)", "(m)", "(q)"]
    prose = " ".join(texts)
    assert (
        "No key area of the Capacity-Building Action Plan is linked to these areas of need: "
        "(h) Technology transfer, (l) Confidential information, (m) Unintentional and illegal "
        "movements and (q) Other."
    ) in prose
    top = max(needs, key=lambda item: item["global"])
    assert f"Of the {reporting} Parties with a fifth national report, {top['global']} (" in prose


def check_milestones_section(word: Any, tmp_path: Path) -> None:
    """The milestones table against `cpb milestones status --format json`."""
    status = json_of(tmp_path, "milestones", "milestones", "status", "-f", "json")["rows"]
    texts, tables = section_parts(word, "Milestones")
    assert len(tables) == 1
    rows = cells(tables[0])
    assert len(rows) == len(status) == 8
    for row, expected in zip(rows, status, strict=True):
        code, group, target, _due, _baseline, latest, needed, projected, state = row
        assert code == f"{expected['indicator']} (demo)"
        assert GROUPS[group] == expected["group"]
        assert state == expected["status"], code
        assert number(target) == expected["target_value"], code
        assert number(latest) == expected["latest_value"], code
        assert number(needed) == expected["needed"], code
        assert number(projected) == expected["projected_value"], code
    counts = {s: sum(e["status"] == s for e in status) for s in ("on track", "off track")}
    prose = " ".join(texts)
    assert prose.count(" is on track: ") == counts["on track"] == 1
    assert prose.count(" is off track: ") == counts["off track"] == 4


def number(text: str) -> float | None:
    return None if text == "—" else float(text.rstrip("%").replace(",", ""))


def check_goal_table(table: Any, rows: dict[tuple[str, str], dict[str, Any]]) -> int:
    """Every row of a goal table against the JSON rows of `cpb evaluate`; returns how
    many rows with a value were checked."""
    checked = 0
    for row in table.rows[1:]:
        code, group, baseline, current, counted, change, status = (c.text for c in row.cells)
        if group == "World and regions":
            assert all(rows[(code, g)]["value"] is None for g in GROUPS.values())
            continue
        data = rows[(code, GROUPS[group])]
        assert number(current) == data["value"], (code, group)
        assert number(baseline) == data["baseline_value"], (code, group)
        assert number(change) == data["change"], (code, group)
        expected = data["status"] or "—"
        if expected == "not comparable":  # the table names the kind of comparability
            expected = f"not comparable ({LABELS[data['comparability']]})"
        assert status == expected, (code, group)
        if data["denominator"] is not None:
            assert counted == f"{data['numerator']}/{data['denominator']}", (code, group)
        checked += data["value"] is not None
    return checked


@pytest.mark.django_db
def test_evaluation_report_of_the_demonstration_data(tmp_path: Path) -> None:
    assert run("demo", "load").exit_code == 0
    evaluated = run("evaluate", *DEMO_CYCLES, "-f", "json", "-o", str(tmp_path / "rows.json"))
    assert evaluated.exit_code == 0, evaluated.output
    rows = {
        (r["indicator"], r["group"]): r
        for r in json.loads((tmp_path / "rows.json").read_text())["rows"]
    }

    out = tmp_path / "evaluation.docx"
    result = run("report", "evaluation", *DEMO_CYCLES, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert LABEL in result.output
    word = docx.Document(str(out))
    parts = goal_parts(word)
    assert list(parts) == [g.code for g in load_plan("draft-2020").goals()]
    checked = 0
    for code, found in parts.items():
        indicators = [t for t in found["tables"] if t.rows[0].cells[0].text == "Indicator"]
        indicators = [t for t in indicators if t.rows[0].cells[1].text == "Group"]
        assert len(indicators) == 1, code
        assert len(found["pictures"]) == 1, code
        checked += check_goal_table(indicators[0], rows)
    measured = [r for r in rows.values() if r["value"] is not None]
    assert checked == len(measured)
    assert word.sections[0].header.paragraphs[0].text == LABEL
    check_capacity_section(word, tmp_path)
    check_milestones_section(word, tmp_path)
    notice = next(p.text for p in word.paragraphs if p.text.startswith(LABEL + "."))
    assert notice.endswith(
        "The BCH and capacity-building records and milestones it uses are made up as well."
    )
    _texts, linkages = section_parts(word, "Introduction")
    assert cells(linkages[-1])[0][:2] == [
        "plan as a whole",
        "Kunming-Montreal Global Biodiversity Framework",
    ]

    if not HAS_OFFICE:
        pytest.skip("LibreOffice is not installed: apt-get install libreoffice-writer-nogui")
    pdf = tmp_path / "evaluation.pdf"
    made = run("report", "evaluation", "-o", str(pdf))
    assert made.exit_code == 0, made.output
    assert pdf.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]
        assert pages >= 20


@pytest.mark.django_db
def test_draft_2019_has_needs_without_key_areas_and_no_linkages(tmp_path: Path) -> None:
    assert run("demo", "load").exit_code == 0
    out = tmp_path / "evaluation.html"
    result = run("report", "evaluation", "--plan", "draft-2019", "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    capacity = page.split('<section id="capacity-building">')[1].split("<section")[0]
    assert "Plan version draft-2019 has no Capacity-Building Action Plan" in capacity
    assert "none (gap)" not in capacity and "Key areas linked" not in capacity
    assert "Plan version draft-2019 records no linkage of its goals" in page
    milestones = page.split('<section id="milestones">')[1].split("<section")[0]
    assert "No milestone has been set." in milestones  # the demonstration ones are draft-2020's


def test_an_unknown_suffix_is_refused_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "evaluation.txt"
    result = run("report", "evaluation", "-o", str(out))
    assert result.exit_code == 1
    assert (
        "cannot tell the format of" in result.output
        and ".docx, .html, .pdf, .xlsx" in result.output
    )
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "evaluation.docx"
    result = run("report", "evaluation", "-o", str(out))
    assert result.exit_code == 1
    assert "does not exist" in result.output
    assert not out.parent.exists()


@pytest.mark.django_db
def test_an_unknown_cycle_is_one_clear_error(world: None, tmp_path: Path) -> None:
    out = tmp_path / "evaluation.docx"
    result = run("report", "evaluation", "--cycle", "9", "-o", str(out))
    assert result.exit_code == 1
    assert "9" in result.output, result.output
    assert "Traceback" not in result.output
    assert not out.exists() and not list(tmp_path.iterdir())


@pytest.mark.django_db
def test_french_document_and_an_unknown_language(world: None, tmp_path: Path) -> None:
    out = tmp_path / "evaluation.html"
    result = run("report", "evaluation", "--language", "fr", "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<html lang="fr">' in page
    assert "<h1>Résumé</h1>" in page or ">Résumé</h" in page
    assert "Projet de recommandations" in page
    refused = run("report", "evaluation", "--language", "de", "-o", str(tmp_path / "x.html"))
    assert refused.exit_code == 1
    assert "no document language 'de': use en or fr" in refused.output
    assert not (tmp_path / "x.html").exists()
