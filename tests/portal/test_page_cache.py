"""The content of the home, goal, indicator and question pages is kept in the shared cache
per data version, language and query parameters; the navigation is rendered for each
visitor. Cached pages equal uncached renders, new data show on the next request, and
nothing of one visitor reaches another."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from cpbmonitor.portal.views import home as home_view
from tests.national_reports.documents import SCHEMA, TINY_FORMAT, document, write
from tests.paths import FIXTURES

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/fr/",
    "/goals/A.1/",
    "/indicators/A.1(a)/",
    "/fr/indicators/A.1(a)/",
    "/indicators/A.1(a)/?map_cycle=4",
    "/indicators/A.1(a)/?map_cycle=x4",
    "/questions/5/Q007/",
    "/fr/questions/5/Q007/",
]


def html(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def main(page: str) -> str:
    return page[page.index('<main id="main"') : page.index("</main>")]


def uncached(client, settings, path: str) -> str:
    settings.PORTAL_PAGE_CACHE = False
    try:
        return html(client, path)
    finally:
        settings.PORTAL_PAGE_CACHE = True


@pytest.mark.parametrize("path", PAGES)
def test_a_cached_page_equals_an_uncached_render(client, settings, world, engine, path):
    expected = uncached(client, settings, path)
    assert html(client, path) == expected  # rendered and stored
    assert html(client, path) == expected  # from the cache


def test_a_cached_page_is_not_computed_again(client, world, engine, monkeypatch):
    first = html(client, "/")
    assert "75.0\u00a0%" in first  # A.1(a) world, from the fake source

    def computed_again(*args: object) -> None:
        raise AssertionError("the cached home page was computed again")

    monkeypatch.setattr(home_view, "current_evaluation", computed_again)
    assert html(client, "/") == first


def test_anonymous_visitors_get_the_whole_page_from_the_cache(client, world, engine):
    first = client.get("/indicators/A.1(a)/")
    assert "portal/_result_table.html" in [t.name for t in first.templates]
    again = client.get("/indicators/A.1(a)/")
    assert again.templates == [] and again.content == first.content  # nothing rendered


def test_signed_in_visitors_get_the_cached_content_in_their_own_navigation(client, world, engine):
    html(client, "/indicators/A.1(a)/")
    client.force_login(get_user_model().objects.create_user("fp-cache-test"))
    names = [t.name for t in client.get("/indicators/A.1(a)/").templates]
    assert "portal/base.html" in names and "portal/_result_table.html" not in names


def test_english_and_french_do_not_mix(client, settings, world, engine):
    english, french = html(client, "/indicators/A.1(a)/"), html(client, "/fr/indicators/A.1(a)/")
    assert '<html lang="en">' in english and '<html lang="fr">' in french
    assert english != french
    assert 'href="/fr/goals/A.1/"' in french and 'href="/fr/goals/A.1/"' not in english
    assert french == uncached(client, settings, "/fr/indicators/A.1(a)/")
    assert html(client, "/indicators/A.1(a)/") == english


def test_query_parameters_the_page_reads_are_part_of_the_key(client, settings, world, engine):
    plain = html(client, "/indicators/A.1(a)/")
    on_cycle_4 = html(client, "/indicators/A.1(a)/?map_cycle=4")
    assert on_cycle_4 == uncached(client, settings, "/indicators/A.1(a)/?map_cycle=4")
    assert plain == uncached(client, settings, "/indicators/A.1(a)/")
    assert main(on_cycle_4) != main(plain)
    # a parameter the page does not read: the same content (the language links keep it)
    other = html(client, "/indicators/A.1(a)/?utm=x")
    assert main(other) == main(plain) and other == uncached(
        client, settings, "/indicators/A.1(a)/?utm=x"
    )


def test_a_search_on_the_question_page_is_rendered_each_time(client, settings, world):
    path = "/questions/5/Q007/?q=biosafety"
    assert html(client, path) == uncached(client, settings, path)


@pytest.mark.parametrize("first", ["signed in", "anonymous"])
def test_a_signed_in_page_never_reaches_anonymous_visitors(client, world, engine, first):
    person = get_user_model().objects.create_user("fp-cache-test", password="not-used-1")
    visits = {}
    order = ["signed in", "anonymous"] if first == "signed in" else ["anonymous", "signed in"]
    for who in order:
        if who == "signed in":
            client.force_login(person)
        else:
            client.logout()
        visits[who] = html(client, "/indicators/A.1(a)/")
    assert 'href="/reporting/tokens/"' in visits["signed in"]
    assert "Sign in" not in visits["signed in"]
    assert 'href="/reporting/tokens/"' not in visits["anonymous"]
    assert 'href="/reporting/login/?next=/indicators/A.1%28a%29/"' in visits["anonymous"]
    assert "fp-cache-test" not in visits["anonymous"]
    assert "csrfmiddlewaretoken" not in visits["anonymous"] + visits["signed in"]


# -- new data on the next request: reports imported through the service -----------------


@pytest.fixture
def registry(db) -> None:
    """The tiny Parties (br, eu, ng, sl are Parties), the cycles and the tiny fifth-report
    format, as the import needs them."""
    from cpbmonitor.services.cycles import sync_cycles
    from cpbmonitor.services.formats import import_format
    from cpbmonitor.services.parties import load_parties, read_parties

    load_parties(read_parties(FIXTURES / "national_reports" / "parties-tiny.csv"))
    sync_cycles()
    import_format(TINY_FORMAT, SCHEMA)


def publish(tmp_path: Path, government: str, answer: str) -> None:
    from cpbmonitor.services.reports import import_reports

    answers = {"Q007": {"value": f"implementation.{answer}"}}
    import_reports([write(tmp_path / f"{government}.json", document(government, answers=answers))])


def world_counts(page: str) -> list[str]:
    """Numerator and denominator of the world row of the indicator page's result table."""
    table = page[page.index("Indicator A.1(a) by region</caption>") :]
    row = table[table.index('<tr class="total">') :].split("</tr>")[0]
    return [cell.split("</td>")[0] for cell in row.split('<td class="num">')[1:3]]


def test_a_report_published_shows_on_the_very_next_request(client, registry, tmp_path):
    publish(tmp_path, "br", "partiallyInPlace")
    publish(tmp_path, "ng", "none")
    before = html(client, "/indicators/A.1(a)/")
    assert before == html(client, "/indicators/A.1(a)/")  # now from the cache
    assert world_counts(before) == ["1", "2"]  # br in place, of br and ng
    home_before = html(client, "/")
    publish(tmp_path, "sl", "fullInPlace")
    assert world_counts(html(client, "/indicators/A.1(a)/")) == ["2", "3"]
    assert html(client, "/") != home_before  # one report more in the reporting status
