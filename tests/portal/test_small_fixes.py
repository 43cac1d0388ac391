"""Smaller defects of the hardening issue (item 20): every number formatted for the page's
language (thousands separated in changes too), the home page's status column says it is
the world's, the heat-map legend says of whom its percentages are."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from cpbmonitor.portal.templatetags.portal import format_change, format_value
from tests.portal.test_capacity_page import page, tiny  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db  # the portal's fixtures clear the (database) cache


def test_changes_of_counts_are_grouped_like_the_values():
    with translation.override("en"):
        assert format_value(412335, "count") == "412,335"
        assert format_change(161440, "count") == "+161,440"
        assert format_change(-2500, "count") == "−2,500"
        assert format_change(12.25, "percent") == "+12.2\u00a0pts"
    with translation.override("fr"):
        grouped = format_value(412335, "count")
        separator = grouped[3]
        assert grouped == f"412{separator}335" and not separator.isdigit()
        assert format_change(161440, "count") == f"+161{separator}440"


def test_home_status_column_is_labelled_as_the_worlds(client, world, engine):
    page = client.get("/").content.decode()
    headers = re.findall(r'<th scope="col">([^<]*)</th>\s*</tr></thead>', page)
    assert headers and set(headers) == {"Status (world)"}
    french = client.get("/fr/").content.decode()
    assert "État (monde)" in french


@pytest.mark.usefixtures("tiny")
def test_heatmap_legend_says_its_percentages_are_of_reporting_parties(client):
    html = page(client)
    svg = html[html.index('class="chart heatmap"') :]
    svg = svg[svg.index("</desc>") :]
    legend = svg[: svg.index('<g class="legend-item">')]  # what comes before the classes
    assert re.sub(r"<[^>]+>", "", legend) == "Share of the group’s reporting Parties:"
