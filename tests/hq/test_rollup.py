"""The rollup across branches, on SQLite and PostgreSQL: each branch's newest summary, added up
per cell; a cell suppressed at one branch is marked partial and adds nothing, one suppressed
everywhere has no figure; and the page served at /rollup, opened in headless Chromium, shows
the same figures as /rollup.json (its screenshot is docs/screenshots/hq-rollup.png)."""

from __future__ import annotations

import html.parser
import json
import os
import shutil
import subprocess
import urllib.request
import uuid
from pathlib import Path

import pytest

from relmgr.services.sync import signing
from relmgr_hq import intake, rollup, server, store

SCREENSHOT_TO = "RELMGR_HQ_SCREENSHOT_TO"


def _two_branches(engine, envelopes) -> tuple[dict, dict]:
    """BR-WEST's newest summary, and BR-SOUTH's: the same figures with one cell suppressed."""
    (first, second, _), key = envelopes
    store.enrol(engine, "BR-WEST", key)
    for envelope in (first, second):
        assert intake.receive(engine, signing.canonical(envelope), source="test").accepted
    south_key = signing.new_key()
    store.enrol(engine, "BR-SOUTH", signing.public_key(south_key))
    south = json.loads(json.dumps({**second["payload"], "branch_id": "BR-SOUTH",
                                  "summary_id": str(uuid.uuid4())}))
    hidden = next(c for c in south["tables"][0]["cells"] if not c["suppressed"] and c["customers"])
    hidden.update(customers=None, aum=None, suppressed=True)
    assert intake.receive(engine, signing.canonical(signing.sign(south, south_key)), source="test").accepted
    return second["payload"], south


def _cells(payload: dict) -> dict[tuple[str, str, str], dict]:
    return {(t["table"], c["row"], c["column"]): c for t in payload["tables"] for c in t["cells"]}


def test_rollup_adds_the_newest_of_each_branch_and_keeps_suppression(engine, envelopes) -> None:
    west, south = _two_branches(engine, envelopes)
    result = rollup.build(engine)
    assert [(b["branch_id"], b["sequence"]) for b in result["branches"]] == \
        [("BR-SOUTH", south["sequence"]), ("BR-WEST", west["sequence"])]
    totals = _cells(result)
    west_cells, south_cells = _cells(west), _cells(south)
    assert totals.keys() == west_cells.keys()
    for key, total in totals.items():
        published = [c for c in (west_cells[key], south_cells[key]) if not c["suppressed"]]
        assert total["suppressed_in"] == 2 - len(published) and total["partial"] == (len(published) < 2)
        assert total["customers"] == (sum(c["customers"] for c in published) if published else None)
        if "aum" in west_cells[key]:
            assert total["aum"] == (sum(c["aum"] for c in published) if published else None)
    grand = totals[("customers_by_tier_and_stage", "TOTAL", "TOTAL")]
    assert grand["customers"] == 600 and not grand["partial"]
    assert any(t["partial"] and t["customers"] for t in totals.values())
    # A cell no branch published stays without a figure, whatever the totals would allow.
    assert any(t["customers"] is None for t in totals.values())


class _Cells(html.parser.HTMLParser):
    """The figure cells of the rendered page: (table, row, column, field) -> (value, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[tuple[str, str, str, str], list[str]] = {}
        self._open: tuple[str, str, str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "td" and "data-table" in a:
            self._open = (a["data-table"], a["data-row"], a["data-column"], a["data-field"])
            self.cells[self._open] = [a["data-value"], ""]

    def handle_data(self, data: str) -> None:
        if self._open:
            self.cells[self._open][1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._open = None


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("headless Chromium is needed (Debian package chromium; .ci/run installs it)")
    return found


def test_the_rollup_page_in_chromium_shows_the_json_figures(engine, envelopes, tmp_path) -> None:
    _two_branches(engine, envelopes)
    browser = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               f"--user-data-dir={tmp_path / 'profile'}"]
    with server.running(engine) as base:
        with urllib.request.urlopen(f"{base}/rollup.json", timeout=20) as response:
            expected = json.loads(response.read())
        dom = subprocess.run([*browser, "--dump-dom", f"{base}/rollup"], capture_output=True,
                             text=True, timeout=120, check=True).stdout
        shot = tmp_path / "hq-rollup.png"
        subprocess.run([*browser, f"--screenshot={shot}", "--window-size=1280,2000",
                        f"{base}/rollup"], capture_output=True, timeout=120, check=True)

    assert "<svg" in dom and 'id="branch-count">2<' in dom
    parsed = _Cells()
    parsed.feed(dom)
    seen = 0
    for table in expected["tables"]:
        for cell in table["cells"]:
            for field in ("customers", "aum"):
                if field not in cell:
                    continue
                value, text = parsed.cells[(table["table"], cell["row"], cell["column"], field)]
                figure = cell[field]
                assert value == ("" if figure is None else str(figure))
                assert text == ("•" if figure is None else f"{figure:,}" + ("†" if cell["partial"] else ""))
                seen += 1
    assert seen == len(parsed.cells) > 100
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    if os.environ.get(SCREENSHOT_TO):
        shutil.copy(shot, Path(os.environ[SCREENSHOT_TO]))
