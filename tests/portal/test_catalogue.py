"""The one French catalogue (``portal/locale``, ``LOCALE_PATHS``) is complete: every string
marked for translation anywhere in ``cpbmonitor`` is in it, translated, not fuzzy, with
its placeholders, and its compiled form is shipped and current."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

import cpbmonitor
import cpbmonitor.portal

LOCALE = Path(cpbmonitor.portal.__file__).parent / "locale" / "fr" / "LC_MESSAGES"
STRING = r'((?:"(?:[^"\\]|\\.)*"\s*)+)'
FIELD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) " + STRING, re.M)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


@dataclass
class Entry:
    msgid: str
    plural: str = ""
    translations: list[str] = field(default_factory=list)
    fuzzy: bool = False


def _join(body: str) -> str:
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', body)).replace('\\"', '"')


def read_catalogue(path: Path) -> list[Entry]:
    """The entries of a PO file (the header left out)."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields = {name: _join(body) for name, body in FIELD.findall(block)}
        if not fields.get("msgid"):
            continue
        flags = [line for line in block.splitlines() if line.startswith("#,")]
        entries.append(
            Entry(
                msgid=fields["msgid"],
                plural=fields.get("msgid_plural", ""),
                translations=[v for k, v in sorted(fields.items()) if k.startswith("msgstr")],
                fuzzy=any("fuzzy" in line for line in flags),
            )
        )
    return entries


@pytest.fixture(scope="module")
def catalogue() -> list[Entry]:
    return read_catalogue(LOCALE / "django.po")


def test_no_entry_is_untranslated_or_fuzzy(catalogue):
    assert len(catalogue) > 300
    assert [e.msgid for e in catalogue if e.fuzzy] == []
    assert [e.msgid for e in catalogue if not all(t.strip() for t in e.translations)] == []
    plurals = [e for e in catalogue if e.plural]
    assert plurals and all(len(e.translations) == 2 for e in plurals)


def test_placeholders_are_kept(catalogue):
    for entry in catalogue:
        for text in entry.translations:
            assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(PLACEHOLDER.findall(text)), (
                entry.msgid
            )


def test_compiled_catalogue_is_shipped_and_current(catalogue):
    assert (LOCALE / "django.mo").is_file()
    with translation.override("fr"):
        for entry in catalogue:
            if entry.plural:
                one, many = entry.translations
                assert translation.ngettext(entry.msgid, entry.plural, 1) == one, entry.msgid
                assert translation.ngettext(entry.msgid, entry.plural, 2) == many, entry.msgid
            else:
                assert translation.gettext(entry.msgid) == entry.translations[0], entry.msgid


def _sources_only(directory: str, names: list[str]) -> list[str]:
    """``shutil.copytree`` ignore function: keep Python modules and templates only."""
    skipped = {"locale", "__pycache__", "static", "migrations"}
    return [
        name
        for name in names
        if name in skipped or ("." in name and not name.endswith((".py", ".html", ".txt")))
    ]


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="gettext is not installed (apt-get install gettext)"
)
def test_every_marked_string_is_in_the_catalogue(catalogue, tmp_path, settings, monkeypatch):
    """What ``makemessages`` finds in the whole package today (on a copy, so nothing is
    written next to the sources) is all in the shipped catalogue."""
    tree = tmp_path / "cpbmonitor"
    shutil.copytree(Path(cpbmonitor.__file__).parent, tree, ignore=_sources_only)
    settings.LOCALE_PATHS = [str(tmp_path / "locale")]
    monkeypatch.chdir(tree)
    call_command("makemessages", locale=["fr"], no_location=True, verbosity=0)
    extracted = tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    found = {e.msgid for e in read_catalogue(extracted)}
    shipped = {e.msgid for e in catalogue}
    assert sorted(found - shipped) == [], "run makemessages in src/cpbmonitor and translate"
