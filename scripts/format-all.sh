#!/usr/bin/env bash
# The mechanical part of adopting the linters, run ONCE on main after every branch of the time is merged
# (running it on a branch would conflict with every other branch): ruff's safe fixes, the formatter, then
# the long comments, docstrings and strings the formatter leaves, wrapped without changing any value
# (scripts/wrap_long_lines.py checks each file's syntax tree). Ends with `make lint`'s ruff checks, which
# list anything a person must still fix.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
RUFF="$VENV/bin/ruff"
"$RUFF" check --fix --silent . || true
"$RUFF" format --quiet .
log=$(mktemp)
for pass in 1 2 3; do
    "$VENV/bin/python" scripts/wrap_long_lines.py . > "$log"
    head -n 1 "$log"
    "$RUFF" format --quiet .
done
rm -f "$log"
"$RUFF" check --fix --silent . || true
"$RUFF" format --quiet .
echo "== What is left for a person (nothing, when this is clean) =="
"$RUFF" check .
"$RUFF" format --check .
