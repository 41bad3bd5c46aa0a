#!/usr/bin/env bash
# Builds the one-folder application in dist/relmgr with PyInstaller (after installer/setup.sh --dev,
# so every package is at requirements-dev.lock's version): relmgr (the window) and relmgr-cli (the
# command line; on Windows a console executable, elsewhere a link to relmgr).
# On Windows, installer/relmgr.iss then wraps dist\relmgr into a setup.exe with Inno Setup.
#   DIST=... WORK=...  put the bundle and PyInstaller's work files elsewhere (tests/test_bundle.py)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
dist=${DIST:-dist}
work=${WORK:-build}
"$python" installer/update_translations.py --release >/dev/null   # the .qm the bundle ships
"$python" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$dist" --workpath "$work" \
    installer/relmgr.spec
echo "built $dist/relmgr/relmgr ($(du -sm "$dist/relmgr" | cut -f1) MB)"
