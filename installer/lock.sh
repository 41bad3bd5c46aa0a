#!/usr/bin/env bash
# Refreshes the lock files that installer/setup.sh installs from, with pip-tools' pip-compile:
#   requirements.lock      exact versions of the app's packages (pyproject's dependencies)
#   requirements-dev.lock  the same versions plus the dev extra (tests and build tools)
#   bash installer/lock.sh                        # after editing pyproject: keeps every pin still allowed
#   bash installer/lock.sh --upgrade              # everything to the newest versions pyproject allows
#   bash installer/lock.sh --upgrade-package pandas
# Then run `bash installer/setup.sh --dev` and the test suite before committing both files.
# pip-compile resolves for the Python it runs on (use the one setup.sh and CI use; PYTHON=...)
# and through pip's own configured index, so the lock installs from wherever pip installs.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
"$python" -m venv "$tools"
"$tools/bin/python" -m pip install -q --disable-pip-version-check "pip==26.3" "pip-tools==7.6.2"

export CUSTOM_COMPILE_COMMAND="bash installer/lock.sh"
# --allow-unsafe pins setuptools too (PyInstaller needs it at run time); no index or find-links
# lines, so the files name no machine's package mirror.
options=(--quiet --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links "$@")
"$tools/bin/pip-compile" "${options[@]}" -o requirements.lock pyproject.toml
# The dev lock is constrained by the app lock, so the two never disagree on a shared package.
"$tools/bin/pip-compile" "${options[@]}" --extra dev -c requirements.lock -o requirements-dev.lock pyproject.toml
echo "requirements.lock and requirements-dev.lock refreshed from pyproject.toml"
