"""`relmgr sync` on the demo portfolio: setup, --dry-run, --to-file for a carried file, the key
for enrolment with --show-key, sending to a stand-in head office on 127.0.0.1 (down, then up: the
outbox keeps the summary, then flushes it once; --status lists it), and one-line errors for a
missing branch id, an http:// address, the old action words and an empty portfolio. Head office's
side of the carried file is tests/hq/test_cli.py."""

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
    assert main(["sync", str(branch_file), "--dry-run"]) == 2
    assert "relmgr sync setup" in capsys.readouterr().err


def test_preview_export_and_key(branch_file: Path, tmp_path: Path, capsys) -> None:
    assert main(["sync", "setup", str(branch_file), "--branch", "BR-9"]) == 0
    capsys.readouterr()
    assert main(["sync", str(branch_file), "--dry-run", "--json"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["branch_id"] == "BR-9" and preview["k"] == 10
    assert preview["differential_privacy"] is None
    assert main(["sync", str(branch_file), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "• = suppressed" in out and "no figure is noisy" in out

    carried = tmp_path / "usb"
    carried.mkdir()
    assert main(["sync", str(branch_file), "--to-file", str(carried / "br9.json")]) == 0
    assert "written to" in capsys.readouterr().out
    assert json.loads((carried / "br9.json").read_text())["payload"]["tables"] == preview["tables"]

    assert main(["sync", str(branch_file), "--show-key"]) == 0
    assert list(json.loads(capsys.readouterr().out)) == ["BR-9"]


def test_send_refuses_plain_http_and_queues_nothing(branch_file: Path, capsys) -> None:
    assert main(["sync", "setup", str(branch_file), "--branch", "BR-9"]) == 0
    assert main(["sync", str(branch_file), "--to", "http://127.0.0.1:9/summaries"]) == 2
    assert "https://" in capsys.readouterr().err
    assert main(["sync", str(branch_file), "--status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["items"] == []


def test_the_old_action_words_are_gone(branch_file: Path, capsys) -> None:
    assert main(["sync", "preview", str(branch_file)]) == 2
    err = capsys.readouterr().err
    assert "relmgr sync FILE [--dry-run" in err and "Traceback" not in err


def test_send_down_then_up_flushes_the_outbox_once(branch_file: Path, tmp_path: Path, capsys) -> None:
    from tests.services.https_stub import UNAVAILABLE, make_certificates, serve

    certificates = make_certificates(tmp_path)
    assert main(["sync", "setup", str(branch_file), "--branch", "BR-9"]) == 0
    with serve(certificates) as stub:
        stub.answers[:] = [UNAVAILABLE]
        args = ["sync", str(branch_file), "--to", stub.url, "--ca-bundle", str(certificates["ca"])]
        assert main(args) == 2
        captured = capsys.readouterr()
        assert "not sent" in captured.out and "HTTP 503" in captured.out
        assert "1 summaries wait in the outbox" in captured.err
        assert main(["sync", str(branch_file), "--status", "--json"]) == 0
        status = json.loads(capsys.readouterr().out)
        assert status["counts"] == {"QUEUED": 1, "SENT": 0, "REFUSED": 0}
        assert "HTTP 503" in status["items"][0]["last_error"]
        assert main(args) == 0                    # network back: the waiting one, then a new one
        assert capsys.readouterr().out.count("sent (accepted)") == 2
    assert [json.loads(body)["payload"]["sequence"] for body in stub.received] == [1, 2]
    assert main(["sync", str(branch_file), "--status"]) == 0
    assert "0 waiting, 2 sent and acknowledged, 0 refused" in capsys.readouterr().out


def test_an_empty_portfolio_has_nothing_to_summarise(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("RELMGR_PASSWORD", "pw")
    path = tmp_path / "empty.rmdb"
    create_portfolio(path, "pw").close()
    assert main(["sync", "setup", str(path), "--branch", "BR-1"]) == 0
    assert main(["sync", str(path), "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "no data" in err and "Traceback" not in err
