"""`relmgr-hq` end to end on SQLite and PostgreSQL: a branch exports a summary with `relmgr sync
--to-file`, head office enrols the key `relmgr sync FILE --show-key` printed and ingests the carried file
(again: a duplicate; tampered: refused, exit 2), writes the rollup as JSON and HTML; one-line
errors for bad input; the small bench stores every summary exactly once."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from relmgr.cli import main as relmgr
from relmgr_hq import store
from relmgr_hq.cli import main
from tests.conftest import DEMO_PASSWORD_FOR_TESTS

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def carried(demo_portfolio_file: Path, tmp_path: Path, monkeypatch, capsys) -> tuple[Path, Path]:
    """A folder with BR-9's two exported summaries (the later one's name sorts first), and the
    key file `relmgr sync FILE --show-key` printed."""
    monkeypatch.setenv("RELMGR_PASSWORD", DEMO_PASSWORD_FOR_TESTS)
    portfolio = tmp_path / "branch.rmdb"
    shutil.copy(demo_portfolio_file, portfolio)
    assert relmgr(["sync", "setup", str(portfolio), "--branch", "BR-9"]) == 0
    folder = tmp_path / "usb"
    folder.mkdir()
    assert relmgr(["sync", str(portfolio), "--to-file", str(folder / "br9.json")]) == 0
    assert relmgr(["sync", str(portfolio), "--to-file", str(folder / "a-later.json")]) == 0
    capsys.readouterr()
    assert relmgr(["sync", str(portfolio), "--show-key"]) == 0
    keys = tmp_path / "keys.json"
    keys.write_text(capsys.readouterr().out)
    return folder, keys


def test_enrol_ingest_and_rollup(db_url: str, carried, tmp_path: Path, capsys) -> None:
    folder, keys = carried
    db = ["--db", db_url]
    assert main(["ingest", str(folder), *db]) == 2                     # not enrolled yet
    assert "BR-9 is not enrolled" in capsys.readouterr().out
    assert main(["enrol", "--branch", "BR-9", "--public-key", str(keys), *db]) == 0
    assert capsys.readouterr().out == "branch BR-9 enrolled\n"
    hex_file = tmp_path / "br9.hex"                                    # the bare hex form too
    hex_file.write_text(json.loads(keys.read_text())["BR-9"] + "\n")
    assert main(["enrol", "--branch", "BR-9", "--public-key", str(hex_file), *db]) == 0
    assert "key replaced" in capsys.readouterr().out

    assert main(["ingest", str(folder), *db]) == 0           # by sequence, not by file name
    assert capsys.readouterr().out == "br9.json: accepted\na-later.json: accepted\n"
    assert main(["ingest", str(folder / "br9.json"), *db]) == 0       # a second copy
    assert "already received" in capsys.readouterr().out
    envelope = json.loads((folder / "br9.json").read_text())
    envelope["payload"]["sequence"] = 99
    (folder / "br9.json").write_text(json.dumps(envelope))
    assert main(["ingest", str(folder), *db]) == 2
    assert "signature does not match" in capsys.readouterr().out

    page = tmp_path / "rollup.html"
    assert main(["rollup", "--json", "--html", str(page), *db]) == 0
    out = capsys.readouterr()
    rollup = json.loads(out.out)
    assert [(b["branch_id"], b["sequence"]) for b in rollup["branches"]] == [("BR-9", 2)]
    assert "written to" in out.err
    grand = next(c for t in rollup["tables"] if t["table"] == "customers_by_tier_and_stage"
                 for c in t["cells"] if c["row"] == c["column"] == "TOTAL")
    assert grand["customers"] == 300
    assert "<svg" in page.read_text(encoding="utf-8") and "BR-9" in page.read_text(encoding="utf-8")


def test_bad_input_is_one_line(tmp_path: Path, capsys) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'hq.db'}"]
    bad_key = tmp_path / "key.txt"
    bad_key.write_text("abc")
    cases = [
        (["enrol", "--branch", "BR 1", "--public-key", str(bad_key), *db], "--branch"),
        (["enrol", "--branch", "BR-1", "--public-key", str(bad_key), *db], "not hexadecimal"),
        (["enrol", "--branch", "BR-1", "--public-key", str(tmp_path / "none"), *db], "cannot be read"),
        (["ingest", str(tmp_path / "missing"), *db], "no such file or folder"),
        (["rollup", *db], "--json or --html"),
        (["rollup", "--json", "--db", "postgres//nowhere"], "not a database URL"),
        (["serve", "--host", "0.0.0.0", *db], "https only"),
        (["serve", "--tls-cert", "c.pem", *db], "both --tls-cert and --tls-key"),
        (["serve", "--tls-cert", str(bad_key), "--tls-key", str(bad_key), *db], "not a PEM certificate"),
    ]
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        cases.append((["serve", "--port", str(taken.getsockname()[1]), *db], "cannot listen"))
        for args, expected in cases:
            assert main(args) == 2, args
            err = capsys.readouterr().err
            assert expected in err and err.count("\n") == 1 and "Traceback" not in err, (args, err)


def test_bench_stores_every_summary_exactly_once(db_url: str, capsys) -> None:
    assert main(["bench", "--db", db_url, "--branches", "20", "--summaries", "100", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["exactly_once"] and result["stored"] == 100 and result["lost"] == 0
    assert result["failed_sends"] == 0 and result["p95_ms"] > 0
    engine = store.open_db(db_url)
    counts = store.count_summaries(engine)
    engine.dispose()
    assert len(counts) == 20 and set(counts.values()) == {5}


def test_runs_as_a_module() -> None:
    result = subprocess.run([sys.executable, "-m", "relmgr_hq", "--help"], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "serve" in result.stdout and "bench" in result.stdout
