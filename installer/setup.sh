#!/usr/bin/env bash
# Sets up relmgr on a fresh Debian/Ubuntu machine: the system libraries Qt needs (when run as
# root), a virtualenv in .venv with relmgr installed from this checkout and its packages at the
# exact versions of the lock files (refreshed by installer/lock.sh).
#   bash installer/setup.sh          # to run the app: requirements.lock
#   bash installer/setup.sh --dev    # also the test and build tools: requirements-dev.lock
set -euo pipefail
cd "$(dirname "$0")/.."

lock=requirements.lock
[ "${1:-}" = "--dev" ] && lock=requirements-dev.lock

# Qt's xcb platform plugin, OpenGL/EGL, fonts with Chinese glyphs, and Xvfb for headless
# screenshots. Names are Debian 12 / Ubuntu 22.04+ package names.
debs=(python3-venv libegl1 libgl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libxkbcommon0
      libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
      libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1
      fonts-noto-cjk xvfb xauth)
# --dev also builds the bundle (tests/test_bundle.py): binutils' strip and readelf slim it; and
# checks head office's rollup page in headless Chromium (tests/hq).
if [ "$lock" = requirements-dev.lock ]; then debs+=(binutils chromium); fi
missing=()
for deb in "${debs[@]}"; do
    dpkg -s "$deb" >/dev/null 2>&1 || missing+=("$deb")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "Please install these Debian packages first (as root):" >&2
        echo "  apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

python=${PYTHON:-python3}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "relmgr needs Python 3.11 or newer; set PYTHON=/path/to/python3.11" >&2; exit 1; }
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check "pip==26.3"
# Every package at the lock's version, then relmgr itself without resolving anything again.
.venv/bin/python -m pip install -q --disable-pip-version-check -r "$lock"
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
# The compiled Chinese translation (a build product, not committed).
.venv/bin/python installer/update_translations.py --release >/dev/null
echo "relmgr is set up in .venv (run .venv/bin/relmgr)"
