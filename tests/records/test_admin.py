"""The admin of records: lists with filters; the type's fields edited as JSON, validated
through the core model with the error on its field; records are ended, not deleted."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from cpbmonitor.records.models import Record
from cpbmonitor.services import records as services
from tests.records.factories import decision, lmo
from tests.reporting.conftest import people  # noqa: F401


@pytest.fixture
def admin_client(client, people):  # noqa: F811
    client.force_login(people["admin"])
    return client


@pytest.fixture
def row(world):
    services.store_records([lmo("LMO-1"), decision("DEC-BR-1")], source="setup")
    return Record.objects.get(identifier="DEC-BR-1")


def form_data(row: Record, **changes) -> dict[str, str]:
    data = {
        "government": str(row.government_id),
        "valid_from": "2019-06-01",
        "valid_to": "",
        "data": json.dumps(row.data),
    }
    return data | changes


def test_changelist_with_filters(admin_client, row):
    url = reverse("admin:records_record_changelist")
    response = admin_client.get(url, {"record_type": "decision", "demonstration__exact": "0"})
    text = response.content.decode()
    assert response.status_code == 200 and "DEC-BR-1" in text and "LMO-1" not in text
    assert admin_client.get(url, {"q": "DEC-BR"}).status_code == 200
    assert admin_client.get(url, {"valid_from__year": "2019"}).status_code == 200


def test_change_form_shows_field_errors_from_the_core_model(admin_client, row):
    url = reverse("admin:records_record_change", args=[row.pk])
    assert admin_client.get(url).status_code == 200
    bad = dict(row.data, decision_type="no-such-type", lmos=["LMO-1", "LMO-404"])
    response = admin_client.post(url, form_data(row, data=json.dumps(bad)))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["data"][0].startswith("decision_type: must be one of 'intentional-introduction'")
    late = admin_client.post(url, form_data(row, valid_to="2000-01-01"))
    assert late.context["adminform"].form.errors["valid_to"] == [
        "valid_to 2000-01-01 is before valid_from 2019-06-01"
    ]
    links = admin_client.post(url, form_data(row, data=json.dumps(dict(row.data, lmos=["X"]))))
    assert links.context["adminform"].form.errors["data"] == ["lmos: names no lmo record ('X')"]
    row.refresh_from_db()
    assert row.data["lmos"] == ["LMO-1"]


def test_change_form_saves_through_the_services(admin_client, row, people):  # noqa: F811
    url = reverse("admin:records_record_change", args=[row.pk])
    data = dict(row.data, title="Renamed in the admin")
    response = admin_client.post(url, form_data(row, data=json.dumps(data)))
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.title, row.source, row.updated_by) == (
        "Renamed in the admin",
        "admin",
        people["admin"],
    )
    assert list(row.governments.values_list("iso2", flat=True)) == ["br"]
    assert (
        admin_client.get(reverse("admin:records_record_delete", args=[row.pk])).status_code == 403
    )
