#!/usr/bin/env bash
# Set up, then extract the events of the bundled sample article and show them as a table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/rasd extract examples/sample-article.ar.txt --published 2019-03-14 --source "Sample" --format table
