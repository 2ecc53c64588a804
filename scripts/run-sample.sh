#!/usr/bin/env bash
# Set up, extract the events of the bundled sample article and show them as a table, then store
# the article and the bundled sample reports in the embedded SQLite database (rasd.db) and show
# the fused events kept there. Then `.venv/bin/rasd serve --db sqlite:///rasd.db` shows them in the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/rasd extract examples/sample-article.ar.txt --published 2019-03-14 --source "Sample" --format table
echo
.venv/bin/rasd ingest examples/sample-article.ar.txt --published 2019-03-14 --source "Sample" --id sample-1 \
  --db sqlite:///rasd.db
.venv/bin/rasd ingest examples/sample-articles.jsonl --db sqlite:///rasd.db   # twelve short reports, two outlets
.venv/bin/rasd events --db sqlite:///rasd.db
