"""HTML to PDF with the installed Chromium, headless (``--print-to-pdf``), offline.

The same HTML page as ``--format html`` is printed, so the PDF shows the same
numbers. Chromium is found as the browser tests find it: ``WARWIRE_CHROMIUM``,
else ``chromium`` or ``chromium-browser`` or ``google-chrome`` on the PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from warwire.errors import ConfigError

NAMES = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT_S = 120


def find_chromium() -> str:
    configured = os.environ.get("WARWIRE_CHROMIUM")
    if configured:
        if not Path(configured).exists():
            raise ConfigError(f"WARWIRE_CHROMIUM={configured} does not exist")
        return configured
    for name in NAMES:
        if found := shutil.which(name):
            return found
    raise ConfigError("PDF reports need Chromium: install it (scripts/setup.sh) or set "
                      "WARWIRE_CHROMIUM")  # fmt: skip


def html_to_pdf(html: str) -> bytes:
    """Print ``html`` to PDF bytes; no network is touched (the page is self-contained)."""
    chromium = find_chromium()
    with tempfile.TemporaryDirectory(prefix="warwire-report-") as tmp:
        page, out = Path(tmp, "report.html"), Path(tmp, "report.pdf")
        page.write_text(html, encoding="utf-8")
        command = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-extensions", "--disable-background-networking", "--no-pdf-header-footer",
            f"--user-data-dir={Path(tmp, 'profile')}", f"--print-to-pdf={out}",
            page.as_uri(),
        ]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise ConfigError(f"Chromium did not print the report in {TIMEOUT_S} s") from None
        if not out.exists() or out.stat().st_size == 0:
            detail = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
            raise ConfigError(f"Chromium could not print the report: {detail[0]}")
        return out.read_bytes()
