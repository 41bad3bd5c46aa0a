#!/usr/bin/env bash
# Builds the one-folder application in dist/relmgr with PyInstaller (after installer/setup.sh --dev).
# On Windows, installer/relmgr.iss then wraps dist\relmgr into a setup.exe with Inno Setup.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
"$python" installer/update_translations.py --release >/dev/null   # the .qm the bundle ships
"$python" -m PyInstaller --noconfirm --clean --distpath dist --workpath build installer/relmgr.spec
echo "built dist/relmgr/relmgr"
