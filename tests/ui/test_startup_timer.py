"""`relmgr --time-to-unlock`: the hidden flag tests/test_bundle.py times the frozen app with."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from relmgr.ui.shell.startup_timer import process_age_s

REPO = Path(__file__).resolve().parents[2]


def test_process_age_counts_from_the_process_start() -> None:
    first = process_age_s()
    assert first is not None and 0 < first < 24 * 3600
    time.sleep(0.2)
    assert process_age_s() - first >= 0.15


def test_time_to_unlock_prints_and_quits(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RELMGR_HOME": str(tmp_path)}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "relmgr", "--time-to-unlock"], cwd=REPO, env=env,
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    wall = time.perf_counter() - started
    assert result.returncode == 0, result.stderr[-2000:]
    shown = re.search(r"unlock dialog shown after ([\d.]+) s \(since the process started\)", result.stdout)
    assert shown, result.stdout
    assert 0 < float(shown.group(1)) <= wall     # within the run, counted from its start
