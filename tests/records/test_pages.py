"""The record pages: lists with filters and pages, details, forms with errors by field,
the demonstration label, French, escaping and CSRF."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from cpbmonitor.records import views
from cpbmonitor.records.models import Record
from cpbmonitor.services import records as services
from tests.records.factories import activity, decision, lmo
from tests.reporting.conftest import people  # noqa: F401


@pytest.fixture(autouse=True)
def english():
    """A request to a French page leaves French active: start every test in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def stored(world):
    services.store_records(
        [
            lmo("LMO-1"),
            decision("DEC-BR-1", title="Maize <script>alert(1)</script>"),
            decision("DEC-BR-2", valid_from=dt.date(2020, 6, 1)),
            decision("DEC-NG-1", "ng", valid_to=dt.date(2020, 1, 1), demonstration=True),
            activity("CBA-1"),
        ],
        source="setup",
    )
    return {row.identifier: row for row in Record.objects.all()}


def listed(response) -> list[str]:
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_index_counts_every_type(client, stored):
    text = client.get(reverse("records:index")).content.decode()
    assert text.count('<td class="num">') == 28  # 14 types, two counts each
    decisions = reverse("records:list", args=["decision"])
    assert re.search(
        rf'<a href="{decisions}">Decisions on LMOs</a></th>\s*'
        r'<td class="num">3</td><td class="num">1</td>',
        text,
    )


def test_list_filters(client, stored):
    url = reverse("records:list", args=["decision"])
    assert listed(client.get(url)) == ["DEC-BR-2", "DEC-BR-1", "DEC-NG-1"]
    assert listed(client.get(url, {"government": "br"})) == ["DEC-BR-2", "DEC-BR-1"]
    assert listed(client.get(url, {"region": "AFR"})) == ["DEC-NG-1"]
    assert listed(client.get(url, {"on": "2019-12-31"})) == ["DEC-BR-1", "DEC-NG-1"]
    assert listed(client.get(url, {"q": "maize"})) == ["DEC-BR-1"]
    bad = client.get(url, {"on": "someday"})
    assert bad.status_code == 200 and "Enter a valid date." in bad.content.decode()
    activities = reverse("records:list", args=["cb-activity"])
    assert listed(client.get(activities, {"government": "ng"})) == ["CBA-1"]


def test_list_pages_keep_the_filters(client, stored, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    url = reverse("records:list", args=["decision"])
    first = client.get(url, {"government": "br"})
    assert listed(first) == ["DEC-BR-2"]
    assert 'href="?government=br&amp;page=2"' in first.content.decode()
    assert listed(client.get(url, {"government": "br", "page": 2})) == ["DEC-BR-1"]


def test_demonstration_records_are_labelled(client, stored):
    text = client.get(reverse("records:list", args=["decision"])).content.decode()
    assert text.count("badge-demo") == 2  # the notice, and DEC-NG-1 (not the others)
    detail = client.get(reverse("records:detail", args=["decision", stored["DEC-NG-1"].pk]))
    assert "Demonstration data" in detail.content.decode()
    real = client.get(reverse("records:detail", args=["decision", stored["DEC-BR-2"].pk]))
    assert "Demonstration data" not in real.content.decode()


def test_detail_escapes_and_links(client, stored):
    response = client.get(reverse("records:detail", args=["decision", stored["DEC-BR-1"].pk]))
    text = response.content.decode()
    assert "<script>alert(1)</script>" not in text
    assert "Maize &lt;script&gt;alert(1)&lt;/script&gt;" in text
    lmo_link = reverse("records:find", args=["lmo", "LMO-1"])
    assert f'<a href="{lmo_link}">LMO-1</a>' in text
    assert '<a href="/parties/br/">Brazil</a>' in text
    found = client.get(lmo_link)
    assert found["Location"] == reverse("records:detail", args=["lmo", stored["LMO-1"].pk])


def test_french_pages(client, stored):
    response = client.get("/fr/records/decision/")
    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()
    assert listed(response) == ["DEC-BR-2", "DEC-BR-1", "DEC-NG-1"]


def test_create_shows_errors_by_field_and_saves_nothing(client, people, stored):  # noqa: F811
    client.force_login(people["fp-br"])
    url = reverse("records:create", args=["decision"])
    form = client.get(url).content.decode()
    assert '<option value="br" selected>Brazil</option>' in form  # its only choice
    assert '<option value="ng">' not in form  # a focal point registers its own records
    values = {
        "identifier": "has spaces",
        "government": "br",
        "valid_from": "2021-01-01",
        "title": "A decision",
        "decision_type": "transit",
        "lmos": "LMO-1",
    }
    response = client.post(url, values)
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "identifier": ["must not contain spaces ('has spaces')"]
    }
    text = response.content.decode()
    assert re.search(r'name="identifier"[^>]*value="has spaces"', text)
    assert '<p class="error" role="alert">must not contain spaces (&#x27;has spaces&#x27;)' in text
    dates = client.post(url, values | {"identifier": "DEC-BR-9", "valid_to": "2020-01-01"})
    assert dates.context["form"].errors == {
        "valid_to": ["valid_to 2020-01-01 is before valid_from 2021-01-01"]
    }
    missing = client.post(url, values | {"identifier": "DEC-BR-9", "title": ""})
    assert missing.context["form"].errors == {"title": ["This field is required."]}
    assert Record.objects.count() == 5


def test_create_reports_broken_links_on_the_field(client, people, stored):  # noqa: F811
    client.force_login(people["secretariat"])
    response = client.post(
        reverse("records:create", args=["decision"]),
        {
            "identifier": "DEC-NG-2",
            "government": "ng",
            "valid_from": "2021-01-01",
            "title": "A decision",
            "decision_type": "transit",
            "lmos": "LMO-1\nLMO-404",
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["lmos"] == ["names no lmo record ('LMO-404')"]
    assert not Record.objects.filter(identifier="DEC-NG-2").exists()


def test_create_and_end_a_record(client, people, stored):  # noqa: F811
    user = people["fp-br"]
    client.force_login(user)
    response = client.post(
        reverse("records:create", args=["decision"]),
        {
            "identifier": "DEC-BR-3",
            "government": "br",
            "valid_from": "2021-01-01",
            "title": "Third",
            "decision_type": "contained-use",
            "lmos": "LMO-1",
        },
    )
    row = Record.objects.get(identifier="DEC-BR-3")
    assert response["Location"] == reverse("records:detail", args=["decision", row.pk])
    assert (row.updated_by, row.source, row.government.iso2) == (user, "web", "br")
    assert row.data["decision_type"] == "contained-use" and not row.demonstration
    end = reverse("records:end", args=["decision", row.pk])
    too_early = client.post(end, {"valid_to": "2020-01-01"})
    assert too_early.status_code == 400
    assert "is before valid_from" in too_early.context["form"].errors["valid_to"][0]
    client.post(end, {"valid_to": "2022-01-01"})
    row.refresh_from_db()
    assert row.valid_to == dt.date(2022, 1, 1)


def test_edit_keeps_identifier_and_demonstration_flag(client, people, stored):  # noqa: F811
    client.force_login(people["admin"])
    row = stored["DEC-NG-1"]
    url = reverse("records:edit", args=["decision", row.pk])
    form = client.get(url).content.decode()
    assert re.search(r'name="lmos"[^>]*>\s*LMO-1</textarea>', form)
    client.post(
        url,
        {
            "identifier": "SOMETHING-ELSE",
            "government": "ng",
            "valid_from": "2019-06-01",
            "valid_to": "2020-01-01",
            "title": "Edited",
            "decision_type": "transit",
            "lmos": "",
        },
    )
    row.refresh_from_db()
    assert (row.identifier, row.title, row.data["lmos"], row.demonstration) == (
        "DEC-NG-1",
        "Edited",
        [],
        True,
    )


def test_forms_need_the_csrf_token(people, stored):  # noqa: F811
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["admin"])
    row = stored["DEC-BR-1"]
    response = client.post(
        reverse("records:end", args=["decision", row.pk]), {"valid_to": "2024-01-01"}
    )
    assert response.status_code == 403
    form = client.get(reverse("records:edit", args=["decision", row.pk])).content.decode()
    assert 'name="csrfmiddlewaretoken"' in form
