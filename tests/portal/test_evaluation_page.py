"""The evaluation report page and its downloads, on the tiny capacity world of
``tests/core/capacity/world.py`` (cycles 4 and 5 with reports, capacity-building
activities, no milestone): only valid choices, formats and their headers, the document's
capacity section, the cache (a second request builds nothing; new data build again),
PDF hidden without LibreOffice, bad parameters, French.

Worked out for the tiny world (fifth cycle against the fourth, draft-2020): needs area
(a) is named by 2 of the 6 reporting Parties (33.33%), key areas A.1 (2) and A.10 (4),
one activity of the period, 1 Party in need not reached; (h), (l), (m), (q) have no key
area.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest

from cpbmonitor.core.evaluation.renderers import to_pdf
from cpbmonitor.portal.conf import DEFAULT_CSP
from cpbmonitor.services import evaluation_documents as view
from cpbmonitor.services.milestones import checked, save_milestones
from tests.core.capacity import world
from tests.national_reports.factories import make_party

pytestmark = pytest.mark.django_db
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LINK = re.compile(
    r'href="(/(?:fr/)?evaluation/download/)\?plan=([\w-]+)&amp;cycle=(\d+)&amp;'
    r'baseline=(\w+)&amp;format=(\w+)"'
)


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    return tmp_path


@pytest.fixture
def tiny(db) -> None:
    world.store_in_database()


@pytest.fixture
def builds(monkeypatch) -> list[tuple[view.Choice, str]]:
    """Stand in for the document builder, recording each build."""
    made: list[tuple[view.Choice, str]] = []

    def build(choice: view.Choice, fmt: str) -> bytes:
        made.append((choice, fmt))
        return f"document {len(made)}".encode()

    monkeypatch.setattr(view, "build", build)
    return made


def download(client, query: str, prefix: str = ""):
    return client.get(f"{prefix}/evaluation/download/?{query}")


FIVE = "plan=draft-2020&cycle=5&baseline=4"


def test_page_lists_every_valid_choice_with_a_link_per_format(client, tiny) -> None:
    response = client.get("/evaluation/")
    assert response.status_code == 200
    html = response.content.decode()
    links = LINK.findall(html)
    formats = ["docx", "html", "xlsx"] + (["pdf"] if to_pdf.office_program() else [])
    choices = [
        ("draft-2020", "5", "4"),
        ("draft-2020", "4", "none"),
        ("draft-2019", "5", "4"),
        ("draft-2019", "4", "none"),
    ]
    assert links == [("/evaluation/download/", *c, f) for c in choices for f in formats]
    assert '<a href="/evaluation/" aria-current="page">Evaluation report</a>' in html


def test_pdf_is_hidden_without_libreoffice(client, tiny, monkeypatch, builds) -> None:
    monkeypatch.setattr(to_pdf, "office_program", lambda: None)
    html = client.get("/evaluation/").content.decode()
    assert "format=pdf" not in html
    assert "PDF is not offered: LibreOffice is not installed on this server." in html
    assert download(client, FIVE + "&format=pdf").status_code == 404
    assert builds == []


def test_without_reports_there_is_nothing_to_choose(client, db) -> None:
    html = client.get("/evaluation/").content.decode()
    assert LINK.findall(html) == []
    assert "No national report is loaded yet" in html
    assert download(client, FIVE + "&format=docx").status_code == 404


def test_word_download_holds_the_capacity_section(client, tiny) -> None:
    response = download(client, FIVE + "&format=docx")
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == (
        'attachment; filename="cpb-evaluation-draft-2020-cycle-5-baseline-4.docx"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert int(response["Content-Length"]) == len(response.content)
    word = docx.Document(io.BytesIO(response.content))
    needs = next(t for t in word.tables if t.rows[0].cells[0].text == "Area")
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in needs.rows[1:]}
    assert rows["(a)"][2:] == ["2", "33.33%", "A.1 (2), A.10 (4)", "1", "1"]
    assert [code for code, row in rows.items() if row[4] == "none (gap)"] == [
        "(h)",
        "(l)",
        "(m)",
        "(q)",
    ]


def test_html_download_is_an_attachment_under_the_site_policy(client, tiny) -> None:
    response = download(client, "plan=draft-2019&cycle=4&baseline=none&format=html")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="cpb-evaluation-draft-2019-cycle-4.html"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == DEFAULT_CSP  # not weakened
    page = response.content.decode()
    assert "<style>" in page and "<script" not in page
    assert "Plan version draft-2019 has no Capacity-Building Action Plan" in page


def test_a_second_request_is_served_from_the_cache(client, tiny, builds, data_dir) -> None:
    first = download(client, FIVE + "&format=xlsx")
    second = download(client, FIVE + "&format=xlsx")
    assert first.content == second.content == b"document 1"
    assert builds == [(view.Choice("draft-2020", 5, 4), "xlsx")]
    assert second["Content-Disposition"].endswith('-baseline-4.xlsx"')
    assert len(list((data_dir / "cache" / "evaluation").iterdir())) == 1
    download(client, FIVE + "&format=docx")  # another format: another document
    assert len(builds) == 2


def test_new_data_build_the_document_again(client, tiny, builds, data_dir) -> None:
    assert download(client, FIVE + "&format=xlsx").content == b"document 1"
    make_party("zz")  # a new Party: a new data version
    assert download(client, FIVE + "&format=xlsx").content == b"document 2"
    milestone = {
        "plan": "draft-2020",
        "indicator": "A.1(a)",
        "target_value": 80,
        "target_date": "2030-12-31",
    }
    save_milestones([checked(milestone)])
    assert download(client, FIVE + "&format=xlsx").content == b"document 3"
    assert download(client, FIVE + "&format=xlsx").content == b"document 3"
    assert len(builds) == 3
    kept = list((data_dir / "cache" / "evaluation").iterdir())
    assert len(kept) == 1 and kept[0].read_bytes() == b"document 3"  # older ones removed


def test_an_unwritable_cache_still_serves_the_document(client, tiny, builds, settings) -> None:
    blocked = Path(settings.DATA_DIR) / "blocked"
    blocked.write_text("a file where the cache folder would be")
    settings.DATA_DIR = blocked
    assert download(client, FIVE + "&format=docx").content == b"document 1"
    assert download(client, FIVE + "&format=docx").content == b"document 2"


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("plan=draft-2020&cycle=five&baseline=4&format=docx", 400),
        ("plan=draft-2020&baseline=4&format=docx", 400),
        ("plan=draft-2020&cycle=5&baseline=x4&format=docx", 400),
        ("plan=draft-1999&cycle=5&baseline=4&format=docx", 404),
        ("plan=draft-2020&cycle=5&baseline=3&format=docx", 404),
        ("plan=draft-2020&cycle=4&baseline=5&format=docx", 404),
        ("plan=draft-2020&cycle=5&baseline=none&format=docx", 404),
        ("plan=draft-2020&cycle=5&baseline=4&format=txt", 404),
        ("plan=draft-2020&cycle=5&baseline=4", 404),
    ],
)
def test_bad_parameters(client, tiny, builds, query: str, status: int) -> None:
    assert download(client, query).status_code == status
    assert builds == []


def test_downloads_answer_get_only(client, tiny, builds) -> None:
    assert client.post("/evaluation/download/?" + FIVE + "&format=docx").status_code == 405


def test_french_page_links_to_french_downloads(client, tiny, builds) -> None:
    response = client.get("/fr/evaluation/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    links = LINK.findall(html)
    assert links and all(link[0] == "/fr/evaluation/download/" for link in links)
    assert download(client, FIVE + "&format=docx", prefix="/fr").status_code == 200


def test_demonstration_milestones_alone_label_the_document(client, tiny) -> None:
    """Real-looking reports and records, but demonstration milestones: still labelled."""
    from cpbmonitor.services.milestones import load_demo_milestones

    load_demo_milestones()
    response = download(client, FIVE + "&format=html")
    page = response.content.decode()
    label = "Demonstration data: made-up milestones, not real ones"
    assert f'<p class="notice demonstration">{label}</p>' in page
    assert (
        f"{label}. The milestones this document uses are made up to show how CPB Monitor "
        "works; none of them is real."
    ) in page
    milestones = page.split('<section id="milestones">')[1]
    assert "A.1(a) (demo)" in milestones
