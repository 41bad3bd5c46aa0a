"""`relmgr sync` on the demo portfolio: setup, preview, export to a carried file, the key for
enrolment with `sync key`, and one-line errors for a missing branch id, an http:// address and an
empty portfolio. Head office's side of the carried file is tests/hq/test_cli.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from relmgr.cli import main
from relmgr.storage import create_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


@pytest.fixture
def branch_file(demo_portfolio_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RELMGR_PASSWORD", DEMO_PASSWORD_FOR_TESTS)
    path = tmp_path / "branch.rmdb"
    shutil.copy(demo_portfolio_file, path)
    return path


def test_without_a_branch_id_sync_says_how_to_set_it(branch_file: Path, capsys) -> None:
    assert main(["sync", "preview", str(branch_file)]) == 2
    assert "relmgr sync setup" in capsys.readouterr().err


def test_preview_export_and_key(branch_file: Path, tmp_path: Path, capsys) -> None:
    assert main(["sync", "setup", str(branch_file), "--branch", "BR-9"]) == 0
    capsys.readouterr()
    assert main(["sync", "preview", str(branch_file), "--json"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["branch_id"] == "BR-9" and preview["k"] == 10
    assert main(["sync", "preview", str(branch_file)]) == 0
    assert "• = suppressed" in capsys.readouterr().out

    carried = tmp_path / "usb"
    carried.mkdir()
    assert main(["sync", "export", str(branch_file), str(carried / "br9.json")]) == 0
    assert "written to" in capsys.readouterr().out
    assert json.loads((carried / "br9.json").read_text())["payload"]["tables"] == preview["tables"]

    assert main(["sync", "key", str(branch_file)]) == 0
    assert list(json.loads(capsys.readouterr().out)) == ["BR-9"]


def test_send_refuses_plain_http_and_queues_nothing(branch_file: Path, tmp_path: Path, capsys) -> None:
    assert main(["sync", "setup", str(branch_file), "--branch", "BR-9"]) == 0
    outbox = tmp_path / "outbox"
    assert main(["sync", "send", str(branch_file), "--to", "http://127.0.0.1:9/summaries",
                 "--outbox", str(outbox)]) == 2
    assert "https://" in capsys.readouterr().err
    assert not outbox.exists()


def test_an_empty_portfolio_has_nothing_to_summarise(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("RELMGR_PASSWORD", "pw")
    path = tmp_path / "empty.rmdb"
    create_portfolio(path, "pw").close()
    assert main(["sync", "setup", str(path), "--branch", "BR-1"]) == 0
    assert main(["sync", "preview", str(path)]) == 2
    err = capsys.readouterr().err
    assert "no data" in err and "Traceback" not in err
