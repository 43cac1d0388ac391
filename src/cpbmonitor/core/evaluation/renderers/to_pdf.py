"""The document as PDF: the Word file converted by LibreOffice (``soffice --headless
--convert-to pdf``) in a temporary directory, with a profile of its own so that a
LibreOffice already running for the same user does not get in the way."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from cpbmonitor.core.evaluation.model import Document
from cpbmonitor.core.evaluation.renderers import RendererError, renderer
from cpbmonitor.core.evaluation.renderers.to_docx import to_docx

PROGRAMS = ("soffice", "libreoffice")
TIMEOUT = 180
MISSING = (
    "PDF output needs LibreOffice, and neither 'soffice' nor 'libreoffice' is on PATH "
    "(on Debian: apt-get install libreoffice-writer-nogui); write .docx, .html or .xlsx "
    "instead"
)


def office_program() -> str | None:
    for name in PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    return None


def missing_office() -> str | None:
    return None if office_program() else MISSING


def docx_to_pdf(docx: bytes) -> bytes:
    """Convert the bytes of a Word file to the bytes of a PDF with LibreOffice."""
    program = office_program()
    if program is None:
        raise RendererError(MISSING)
    with tempfile.TemporaryDirectory(prefix="cpb-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "report.docx"
        source.write_bytes(docx)
        profile = (folder / "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise RendererError(f"LibreOffice took more than {TIMEOUT} s to convert") from None
        target = folder / "report.pdf"
        if done.returncode != 0 or not target.exists():
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise RendererError(
                "LibreOffice could not convert the report to PDF"
                + (f": {detail[-1]}" if detail else "")
            )
        return target.read_bytes()


@renderer("pdf", ".pdf", "application/pdf", missing=missing_office)
def to_pdf(document: Document) -> bytes:
    return docx_to_pdf(to_docx(document))
