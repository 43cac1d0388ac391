"""The French catalogue is complete and its compiled form is up to date."""

from __future__ import annotations

import re
from pathlib import Path

from django.utils import translation

import cpbmonitor.portal

LOCALE = Path(cpbmonitor.portal.__file__).parent / "locale" / "fr" / "LC_MESSAGES"
STRING = r'((?:"(?:[^"\\]|\\.)*"\s*)+)'


def _join(body: str) -> str:
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', body))


def catalogue() -> dict[str, str]:
    entries = {}
    for block in (LOCALE / "django.po").read_text(encoding="utf-8").split("\n\n"):
        msgid = re.search(r"^msgid " + STRING, block, re.M)
        msgstr = re.search(r"^msgstr " + STRING, block, re.M)
        if msgid and _join(msgid.group(1)):
            assert "#, fuzzy" not in block, block
            entries[_join(msgid.group(1))] = _join(msgstr.group(1)) if msgstr else ""
    return entries


def test_every_message_has_a_french_translation():
    entries = catalogue()
    assert len(entries) > 100
    assert [msgid for msgid, msgstr in entries.items() if not msgstr.strip()] == []


def test_placeholders_are_kept():
    for msgid, msgstr in catalogue().items():
        assert sorted(re.findall(r"%\(\w+\)s", msgid)) == sorted(
            re.findall(r"%\(\w+\)s", msgstr)
        ), msgid


def test_compiled_catalogue_is_shipped_and_current():
    assert (LOCALE / "django.mo").stat().st_mtime >= (LOCALE / "django.po").stat().st_mtime - 1
    with translation.override("fr"):
        for msgid, msgstr in catalogue().items():
            assert translation.gettext(msgid) == msgstr.replace('\\"', '"'), msgid
