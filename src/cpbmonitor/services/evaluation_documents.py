"""The evaluation documents offered for download: every valid choice of plan version,
cycle measured and baseline, in the formats that can run here, built on demand
(``services.evaluation_report``) and kept until the data change.

Valid choices: a cycle with current national reports that the plan version's methodology
covers, against each earlier such cycle (or no baseline when there is none). Formats:
those of ``core.evaluation.renderers`` that can run here (PDF only where LibreOffice is
installed).

**Cache.** Documents are kept as files under ``<CPB_DATA_DIR>/cache/evaluation/``, not in
the shared cache: a few documents of up to a few MB each are better kept on disk, shared
by the workers and surviving restarts. A file's name starts with a fingerprint of the
data (software version, the data version of the reports and Parties, the records' and
the milestones' fingerprints), so new data are never served an old document; writing a
document removes the files of older fingerprints. Files are written whole (temporary
file, then rename); when the folder cannot be written the document is served uncached.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

import cpbmonitor
from cpbmonitor.conf import plan_version
from cpbmonitor.core.evaluation import Renderer, renderers
from cpbmonitor.core.evaluation import render as render_document
from cpbmonitor.core.indicators import load_methodology
from cpbmonitor.core.plan import available_versions
from cpbmonitor.services.cache import data_version
from cpbmonitor.services.evaluation_report import evaluation_document

logger = logging.getLogger(__name__)

FORMATS = ("docx", "html", "xlsx", "pdf")
"""The formats offered, in the order of the links."""
NO_BASELINE = "none"


@dataclass(frozen=True)
class Choice:
    """One valid document: a plan version, the cycle measured and the baseline."""

    plan: str
    cycle: int
    baseline: int | None

    @property
    def baseline_text(self) -> str:
        return NO_BASELINE if self.baseline is None else str(self.baseline)

    def file_name(self, suffix: str, demonstration: bool) -> str:
        against = f"-baseline-{self.baseline}" if self.baseline is not None else ""
        demo = "-demonstration" if demonstration else ""
        return f"cpb-evaluation-{self.plan}-cycle-{self.cycle}{against}{demo}{suffix}"


# -- what can be downloaded ------------------------------------------------------------------


def reported_cycles() -> set[int]:
    """Numbers of the cycles with current national reports."""
    from cpbmonitor.national_reports.models import NationalReport

    numbers = (
        NationalReport.objects.current()
        .exclude(cycle__number=None)
        .values_list("cycle__number", flat=True)
        .distinct()
    )
    return {number for number in numbers if number is not None}


def choices() -> list[Choice]:
    """Every valid choice: the portal's plan version first, the latest cycle first."""
    reported = reported_cycles()
    found: list[Choice] = []
    shown = plan_version()
    for plan in sorted(available_versions(), key=lambda version: version != shown):
        usable = sorted(reported & set(load_methodology(plan).cycles), reverse=True)
        for cycle in usable:
            earlier = [number for number in usable if number < cycle]
            baselines: list[int | None] = list(earlier) or [None]
            found += [Choice(plan, cycle, baseline) for baseline in baselines]
    return found


def available_renderers() -> list[Renderer]:
    """The renderers offered, in ``FORMATS`` order, that can run on this server."""
    known = renderers()
    return [known[name] for name in FORMATS if name in known and known[name].missing() is None]


# -- the cache -------------------------------------------------------------------------------


def data_fingerprint() -> str:
    """Changes whenever the software or any data the document reads change."""
    from cpbmonitor.milestones.models import Milestone
    from cpbmonitor.services.capacity import records_version

    parts = (
        cpbmonitor.__version__,
        data_version(),
        records_version(),
        Milestone.objects.version(),
    )
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def cache_folder() -> Path:
    return Path(settings.DATA_DIR) / "cache" / "evaluation"


def build(choice: Choice, fmt: str) -> bytes:
    """The document of ``choice`` as the bytes of a ``fmt`` file (no cache)."""
    document = evaluation_document(choice.plan, choice.cycle, choice.baseline)
    return render_document(document, fmt)


def keep(folder: Path, path: Path, content: bytes, fingerprint: str) -> None:
    """Write ``content`` to ``path`` whole, then remove documents of other fingerprints."""
    temporary: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".part-", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
        temporary = None
        for old in folder.iterdir():
            if not old.name.startswith((fingerprint, ".part-")):
                old.unlink(missing_ok=True)
    except OSError as error:
        logger.warning("evaluation report not cached in %s: %s", folder, error)
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def document_bytes(choice: Choice, fmt: str) -> bytes:
    """The cached document, built and kept when the data changed since it was."""
    fingerprint = data_fingerprint()
    folder = cache_folder()
    path = folder / f"{fingerprint}-{choice.plan}-{choice.cycle}-{choice.baseline_text}.{fmt}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    content = build(choice, fmt)
    keep(folder, path, content, fingerprint)
    return content
