"""Write the built-in fourth and fifth report formats from the BCH's questionnaire files.

Run once (``python scripts/generate_formats.py ../shared/reference/bch-national-report-formats``)
to turn the BCH's files into ``core/formats/data/cpbNationalReport{4,5}.yaml``. Only the
facts are taken from the BCH's files: section and question keys, printed numbers, types,
``multiple``, ``mandatory``, option values with their ``exclusive`` flag and additional
text or number, sub-questions and conditions. No text of the BCH is written: every label
is the project's own, either the short label an earlier version of the data file gave
the same key (or option value), or one made here from the key, number or value.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parents[1] / "src/cpbmonitor/core/formats/data"
SCHEMAS = ("cpbNationalReport4", "cpbNationalReport5")
HEADER = """\
# CPB Monitor's built-in definition of the {ordinal} national report format: every section,
# question and sub-question. Keys, numbers, types, option values, exclusive, mandatory,
# multiple and additional-text flags and conditions are facts of the BCH format; labels
# are the project's own short wording (the BCH's texts arrive with `cpb formats import`).
# `conditions` sit on the controlling question and name the dependent question, as in
# the BCH format. Generated once by scripts/generate_formats.py; kept by hand since.
"""
SECTION_LABELS = {
    "General": "General information",
    "LiabilityRedress": "Liability and redress",
    "Cooperation": "Cooperation",
    "Nagoya": "Supplementary Protocol on liability and redress",
    "AdditionalInformation": "Additional information",
    "OtherInformation": "Other information",
    "Comments": "Comments on the format",
}
VALUE_LABELS = {
    "true": "Yes",
    "false": "No",
    "true.some": "Yes, partly",
    "false.na": "Not applicable",
    "na": "Not applicable",
    "none": "None",
}
GUID = re.compile(r"^[0-9A-Fa-f]{8}-[0-9A-Fa-f-]{27}$")


class Labels:
    """The labels of the earlier data file, by key and by option value."""

    def __init__(self, old: dict[str, Any]) -> None:
        self.sections = {s["key"]: s["label"] for s in old.get("sections", [])}
        self.questions: dict[str, str] = {}
        self.options: dict[tuple[str, str], str] = {}
        self.values: dict[str, str] = {}
        for section in old.get("sections", []):
            for question in _walk_defs(section["questions"]):
                self.questions[question["key"]] = question["label"]
                for option in question.get("options", []):
                    if option.get("label"):
                        self.options[(question["key"], option["value"])] = option["label"]
                        self.values.setdefault(option["value"], option["label"])

    def section(self, key: str) -> str:
        if key in self.sections:
            return self.sections[key]
        if key in SECTION_LABELS:
            return SECTION_LABELS[key]
        match = re.fullmatch(r"Articles?(\d+)[-_](\d+)", key)
        if match:
            return f"Arts. {match[1]}-{match[2]}"
        return re.sub(r"^Article(\d+)$", r"Art. \1", key)

    def question(self, raw: dict[str, Any], parent: dict[str, Any] | None) -> str:
        key = raw["key"]
        if key in self.questions:
            return self.questions[key]
        if raw["type"] == "legend":
            return f"Note before the questions that follow ({key})"
        digits = re.match(r"^Q0*(\d+)", key)
        base = parent["number"] if parent and parent.get("number") else (digits and digits[1])
        number = raw.get("number") or ""
        if parent is not None and number:
            return f"Question {base}({number})"
        if number:
            return f"Question {number}"
        if key.endswith("_adq"):
            return f"Judged adequate ({key})"
        return f"Follow-up to question {base} ({key})"

    def option(self, key: str, value: str, index: int) -> str:
        if (key, value) in self.options:
            return self.options[(key, value)]
        if value in VALUE_LABELS:
            return VALUE_LABELS[value]
        if value in self.values:
            return self.values[value]
        if GUID.match(value):
            return f"Term {index + 1} of {key}"
        words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", value.split(".")[-1]).lower()
        return words[:1].upper() + words[1:]


def _walk_defs(questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for question in questions:
        out.append(question)
        out += _walk_defs(question.get("questions", []))
    return out


def _option(raw: dict[str, Any], key: str, index: int, labels: Labels) -> dict[str, Any]:
    out: dict[str, Any] = {"value": raw["value"], "label": labels.option(key, raw["value"], index)}
    if raw.get("exclusive"):
        out["exclusive"] = True
    if raw.get("type") == "lstring":
        out["takes_text"] = True
    if raw.get("type") == "int":
        out["takes_number"] = True
    return out


def _condition(raw: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"dependent": raw["question"], "kind": raw["type"]}
    if raw.get("values") is not None:
        out["values"] = list(raw["values"])
    out["trigger"] = raw.get("trigger", "enable")
    if raw.get("baseQuestion") is not None:
        out["base_question"] = raw["baseQuestion"]
    return out


def _question(raw: dict[str, Any], parent: dict[str, Any] | None, labels: Labels) -> dict:
    key = raw["key"]
    out: dict[str, Any] = {
        "key": key,
        "number": raw.get("number") or "",
        "type": raw["type"],
        "label": labels.question(raw, parent),
    }
    if raw.get("multiple"):
        out["multiple"] = True
    if raw.get("mandatory"):
        out["mandatory"] = True
    options = raw.get("options") or []
    if options:
        out["options"] = [_option(o, key, i, labels) for i, o in enumerate(options)]
    if raw.get("validations"):
        out["conditions"] = [_condition(v) for v in raw["validations"]]
    if raw.get("questions"):
        out["questions"] = [_question(q, raw, labels) for q in raw["questions"]]
    return out


def generate(reference: Path, schema: str) -> str:
    target = DATA / f"{schema}.yaml"
    old = yaml.safe_load(target.read_text(encoding="utf-8")) if target.exists() else {}
    labels = Labels(old or {})
    sections = json.loads((reference / f"{schema}.json").read_text(encoding="utf-8"))
    data = {
        "schema": schema,
        "sections": [
            {
                "key": s["key"],
                "label": labels.section(s["key"]),
                "questions": [_question(q, None, labels) for q in s["questions"]],
            }
            for s in sections
        ],
    }
    ordinal = "fourth" if schema.endswith("4") else "fifth"
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return HEADER.format(ordinal=ordinal) + body


def main(reference: str) -> None:
    for schema in SCHEMAS:
        text = generate(Path(reference), schema)
        (DATA / f"{schema}.yaml").write_text(text, encoding="utf-8")
        print(f"{schema}: {text.count('- key: Q') + text.count('- key: legend')} questions")


if __name__ == "__main__":
    main(sys.argv[1])
