"""The command-line contract: output shapes and exit codes (0 ok, 2 user error, 3 wrong password)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from relmgr.storage import create_portfolio

REPO = Path(__file__).resolve().parents[1]


def run(*args: str, password: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "RELMGR_PASSWORD"}
    if password is not None:
        env["RELMGR_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "relmgr", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)


@pytest.fixture
def empty_portfolio(tmp_path: Path) -> Path:
    path = tmp_path / "empty.rmdb"
    create_portfolio(path, "pw").close()
    return path


def test_stats_json(empty_portfolio: Path) -> None:
    result = run("stats", str(empty_portfolio), "--json", password="pw")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    for key in ("customers", "holdings", "transactions", "interactions", "products"):
        assert stats[key] == 0
    assert stats["schema_version"] >= 2


def test_wrong_password_exits_3_with_one_line(empty_portfolio: Path) -> None:
    result = run("stats", str(empty_portfolio), "--json", password="nope")
    assert result.returncode == 3
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert "wrong password" in result.stderr


def test_no_password_without_terminal_exits_2(empty_portfolio: Path) -> None:
    result = run("stats", str(empty_portfolio), "--json")
    assert result.returncode == 2
    assert "RELMGR_PASSWORD" in result.stderr


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("stats", str(tmp_path / "missing.rmdb"), password="pw")
    assert result.returncode == 2
    assert "no such file" in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_demo_then_stats(tmp_path: Path) -> None:
    out = tmp_path / "demo.rmdb"
    result = run("demo", "--out", str(out), "--customers", "120", "--seed", "3",
                 "--as-of", "2026-06-30", password="pw")
    assert result.returncode == 0, result.stderr
    stats = json.loads(run("stats", str(out), "--json", password="pw").stdout)
    assert stats["customers"] == 120
    assert stats["transactions"] > 120 * 20
    assert stats["holdings"] >= 120
    assert stats["products"] >= 10
    assert stats["as_of"] == "2026-06-30"
    # creating over an existing file is a user error that leaves it alone
    before = out.read_bytes()
    again = run("demo", "--out", str(out), "--customers", "10", password="pw")
    assert again.returncode == 2
    assert out.read_bytes() == before


def test_today_counts_from_the_data_date_of_a_real_export(tmp_path: Path) -> None:
    """A real (non-demo) portfolio lives at the data date of its last import, not the calendar:
    an export dated 1994-03-31 once listed contacts '12,000 days overdue'."""
    import datetime as dt

    from relmgr.services.demo import generate_demo_frames
    from relmgr.services.importer import TABLES

    frames = generate_demo_frames(customers=40, seed=5, as_of=dt.date(1994, 3, 31))
    folder = tmp_path / "export"
    folder.mkdir()
    for spec in TABLES:
        frames[spec.table].to_csv(folder / f"{spec.table}.csv", index=False)
    path = tmp_path / "real.rmdb"
    create_portfolio(path, "pw").close()
    imported = run("import", str(path), "--from", str(folder), password="pw")
    assert imported.returncode == 0, imported.stderr
    assert "data as of 1994-03-31" in imported.stdout

    def overdue(*extra: str) -> tuple[str, dict[str, int]]:
        result = run("today", str(path), "--json", *extra, password="pw")
        assert result.returncode == 0, result.stderr
        payload = json.loads(result.stdout)
        return payload["as_of"], {row["customer_id"]: d["days_overdue"] for row in payload["plan"]
                                  for d in row["details"] if d["reason"] == "CONTACT_OVERDUE"}

    day, days = overdue()
    assert day == "1994-03-31" and days and max(days.values()) < 2 * 365
    later, more = overdue("--today", "1994-04-30")
    assert later == "1994-04-30" and all(more[c] == n + 30 for c, n in days.items() if c in more)
    assert set(more) & set(days)


def test_commands_on_a_portfolio_without_data_say_so(empty_portfolio: Path) -> None:
    for command in (["today"], ["segments"], ["recommend"]):
        result = run(*command, str(empty_portfolio), password="pw")
        assert result.returncode == 2, (command, result.stderr)
        assert result.stderr.strip().count("\n") == 0
        assert "holds no data yet" in result.stderr and "relmgr import" in result.stderr
    assert "--today" in run("today", str(empty_portfolio), password="pw").stderr


def test_rules_are_shown_changed_with_the_dialogs_checks_and_refused_in_one_line(empty_portfolio: Path) -> None:
    shown = run("rules", str(empty_portfolio), "--json", password="pw")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["rules"]["today.capacity"] == 30
    changed = run("rules", str(empty_portfolio), "--set", "today.capacity=25",
                  "--set", "tiers.vip_min_aum=80000", "--json", password="pw")
    assert changed.returncode == 0, changed.stderr
    payload = json.loads(changed.stdout)
    assert payload["rules"]["today.capacity"] == 25 and payload["rules"]["tiers.vip_min_aum"] == 80_000
    assert payload["changed"]["today.capacity"] == {"before": 30, "after": 25}
    assert payload["segments_refresh_needed"] and not payload["churn_retrain_needed"]
    refused = run("rules", str(empty_portfolio), "--set", "today.capacity=10",
                  "--set", "tiers.wealth_min_aum=70000", password="pw")
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.strip() == "relmgr: tiers.wealth_min_aum must be above tiers.vip_min_aum."
    lowered = run("rules", str(empty_portfolio), "--set", "tiers.vip_min_aum=900000", password="pw")
    assert lowered.returncode == 2
    assert lowered.stderr.strip() == "relmgr: tiers.vip_min_aum must be below tiers.wealth_min_aum."
    after = json.loads(run("rules", str(empty_portfolio), "--json", password="pw").stdout)
    assert after["rules"]["today.capacity"] == 25                 # the refused call changed nothing
