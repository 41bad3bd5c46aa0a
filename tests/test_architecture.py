"""The layering rules of DESIGN.md §3, checked by tools rather than by memory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold() -> None:
    # The contracts live in pyproject.toml: layers point one way, the core imports no Qt,
    # only storage imports sqlcipher3, the head-office collector (relmgr_hq) imports no Qt and
    # the desktop app does not import it.
    code = ("import sys; from importlinter.cli import lint_imports; "
            "sys.exit(lint_imports(no_cache=True, no_logo=True))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "KEPT" in result.stdout and "BROKEN" not in result.stdout, result.stdout[-3000:]


def test_core_packages_load_without_qt_or_sklearn() -> None:
    # A fresh interpreter imports every core module; neither Qt nor scikit-learn may come along
    # (Qt would break headless use; scikit-learn costs a second at start-up).
    code = (
        "import importlib, pkgutil, sys\n"
        "import relmgr\n"
        "for pkg in ('domain', 'storage', 'analytics', 'services'):\n"
        "    base = importlib.import_module('relmgr.' + pkg)\n"
        "    for info in pkgutil.walk_packages(base.__path__, base.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'sklearn'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "", f"core imported: {result.stdout.strip()}"


def test_the_head_office_collector_loads_without_qt() -> None:
    # relmgr_hq runs on a head-office server with no desktop: every module of it imports in a
    # fresh interpreter without Qt (import-linter checks the direct imports, this the rest).
    code = (
        "import importlib, pkgutil, sys\n"
        "import relmgr_hq\n"
        "for info in pkgutil.walk_packages(relmgr_hq.__path__, 'relmgr_hq.'):\n"
        "    if info.name != 'relmgr_hq.__main__':\n"
        "        importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')\n"
        "             or m.startswith('relmgr.ui'))\n"
        "print(len([m for m in sys.modules if m.startswith('relmgr_hq.')]), ','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    count, bad = result.stdout.strip().partition(" ")[::2]
    assert int(count) >= 8 and bad == "", f"relmgr_hq imported: {bad}"
