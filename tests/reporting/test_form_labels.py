"""Questions are shown by the numbers people know them by, never by internal keys: a
follow-up question without a number (``Q008_a``) is indented under its question, a
sub-question of a sub-section reads ``102(a)``."""

from __future__ import annotations

import re

from django.urls import reverse

from cpbmonitor.core.formats.shipped import shipped_format
from cpbmonitor.reporting.forms import follows, question_code
from tests.reporting.test_pages import login


def _legend(page: str, key: str) -> str:
    found = re.search(rf'id="q-{key}".*?<legend>(.*?)</legend>', page, re.S)
    assert found, key
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def test_section_page_shows_no_internal_key(client, people, draft):
    login(client, "fp-br")
    page = client.get(reverse("reporting:section", args=[draft.pk, 1])).content.decode()
    assert _legend(page, "Q007").startswith("7 Full title: are national measures")
    assert _legend(page, "Q008_a") == "Full title: more about the instruments"
    assert re.search(r'class="question level-1[^"]*" id="q-Q008_a"', page)


def test_codes_of_the_fifth_report_questions():
    questionnaire = shipped_format("cpbNationalReport5")
    code = {q.key: question_code(questionnaire, q) for q in questionnaire.all_questions()}
    assert (code["Q007"], code["Q102_a"], code["Q102_q"], code["Q010_adq"]) == (
        "7",
        "102(a)",
        "102(q)",
        "",
    )
    assert follows(questionnaire, questionnaire.question("Q010_adq"))
    assert not follows(questionnaire, questionnaire.question("Q102_a"))
    assert not any(re.fullmatch(r"Q\d+\w*", shown) for shown in code.values())
