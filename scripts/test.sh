#!/usr/bin/env bash
# Set up, then run the whole test suite and the linter.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
status=0
.venv/bin/python -m pytest "$@" || status=$?
# pytest exits 5 when it collected no tests: that is a failure for this project.
exit "$status"
