"""The goal page shows the goal's linkages and its indicators' milestones; the indicator
page shows its milestones (latest, needed, projected, status), from cached results."""

from __future__ import annotations

import pytest

from cpbmonitor.milestones.models import Milestone
from cpbmonitor.services import milestones as services
from cpbmonitor.services.milestones import import_milestones, load_demo_milestones
from tests.milestones.conftest import FILES

pytestmark = pytest.mark.django_db


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def milestones_section(page: str) -> str:
    start = page.index('aria-labelledby="milestones-heading"')
    return page[start : page.index("</section>", start)]


def test_goal_page_shows_linkages(client) -> None:
    page = text(client.get("/goals/B.2/"))
    start = page.index('id="linkages-heading"')
    section = page[start : page.index("</section>", start)]
    assert "Kunming-Montreal Global Biodiversity Framework, Target 17" in section
    assert "Kunming-Montreal Global Biodiversity Framework, Target 19" in section
    assert "the project&#x27;s reading" in section  # escaped
    assert "stated in the plan for the plan as a whole, paragraph 4" in section
    assert "Sustainable Development Goals, Goal 3" in section  # the plan as a whole
    assert "No milestone has been set for these indicators." in page


@pytest.mark.usefixtures("reports")
def test_goal_page_lists_the_milestones_of_its_indicators(client) -> None:
    import_milestones(FILES / "milestones-tiny.yaml")
    section = milestones_section(text(client.get("/goals/A.1/")))
    assert section.count("<tr>") == 4  # header and three milestones
    assert 'href="/indicators/A.1(a)/"' in section
    assert "CP-11/99" in section
    # world, 80 % by 2030-12-31: latest 60 %, needed 20 points, projected 75.09 %
    row = section[section.index("CP-11/99") : section.index("</tr>", section.index("CP-11/99"))]
    for expected in ("80.0\u00a0%", "2030-12-31", "60.0\u00a0%", "+20.0\u00a0pts", "75.1\u00a0%"):
        assert expected in row
    assert "badge-bad" in row and "off track" in row
    assert "on track" in section and "reached" in section
    assert "demonstration" not in section


@pytest.mark.usefixtures("reports")
def test_indicator_page_shows_its_milestones(client) -> None:
    import_milestones(FILES / "milestones-tiny.yaml")
    section = milestones_section(text(client.get("/indicators/A.1(a)/")))
    assert "Latest" in section and "Needed" in section and "Projected" in section
    assert "68.9\u00a0%" in section  # 65 % by 2028-12-31: projected 68.86 %
    assert "Latin American and Caribbean States" in section and "reached" in section
    other = milestones_section(text(client.get("/indicators/A.3(a)/")))
    assert "No milestone has been set for these indicators." in other


@pytest.mark.usefixtures("reports")
def test_demonstration_milestones_say_so(client) -> None:
    load_demo_milestones()
    section = milestones_section(text(client.get("/indicators/A.1(a)/")))
    assert "badge-neutral" in section and "demonstration" in section
    assert "the meeting of the Parties did not set them" in section


@pytest.mark.usefixtures("reports")
def test_assessments_are_cached_until_milestones_or_data_change(client, monkeypatch) -> None:
    import_milestones(FILES / "milestones-tiny.yaml")
    calls = []
    real = services.assess_milestones
    monkeypatch.setattr(services, "assess_milestones", lambda *a: calls.append(1) or real(*a))
    client.get("/goals/A.1/")
    client.get("/indicators/A.1(a)/")
    assert len(calls) == 1
    Milestone.objects.filter(group="GRULAC").update(target_value=90)  # no updated_at change
    Milestone.objects.create(
        plan="draft-2020",
        indicator="A.1(a)",
        group="AFR",
        target_value=100,
        target_date="2030-12-31",
    )
    section = milestones_section(text(client.get("/indicators/A.1(a)/")))
    assert len(calls) == 2 and "African States" in section


@pytest.mark.usefixtures("reports")
def test_french_goal_page(client) -> None:
    import_milestones(FILES / "milestones-tiny.yaml")
    page = text(client.get("/fr/goals/A.1/"))
    assert "en retard" in milestones_section(page)  # off track
