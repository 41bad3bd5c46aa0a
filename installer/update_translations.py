"""Refresh the Chinese translation: extract the UI's strings into resources/i18n/relmgr_zh_CN.ts
(keeping existing translations) and compile it to relmgr_zh_CN.qm, which the app loads.

    python installer/update_translations.py            # lupdate + lrelease
    python installer/update_translations.py --release  # lrelease only (what setup does)

Translate new strings in the .ts file with Qt Linguist (or any text editor: it is XML).
The .qm is a build product: setup.sh and the PyInstaller build make it; it is not committed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "relmgr_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    """The PySide6 wrapper for a Qt tool, next to this Python or on PATH."""
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: it comes with the PySide6 package")
    return found


def update_sources() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "relmgr" / "ui").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS.relative_to(ROOT))],
                   cwd=ROOT, check=True)


def release() -> Path:
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True,
                   stdout=subprocess.DEVNULL)
    return QM


if __name__ == "__main__":
    if "--release" not in sys.argv[1:]:
        update_sources()
    print(release())
