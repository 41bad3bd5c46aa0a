"""Where relmgr keeps its own files: settings, logs, the demo portfolio, bench portfolios.

One folder per user. `RELMGR_HOME` overrides it (tests point it at a temp folder so they never
touch a real user's files). Customer data lives only inside encrypted portfolio files; nothing
else in this folder may hold any.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    override = os.environ.get("RELMGR_HOME")
    if override:
        folder = Path(override)
    elif sys.platform == "win32":
        folder = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "relmgr"
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / "Application Support" / "relmgr"
    else:
        folder = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "relmgr"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_dir() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(exist_ok=True)
    return folder


def settings_path() -> Path:
    return data_dir() / "settings.json"


def demo_portfolio_path() -> Path:
    return data_dir() / "demo" / "demo.rmdb"
