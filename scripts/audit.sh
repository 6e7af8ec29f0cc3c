#!/usr/bin/env bash
# Security checks run by `make test`: bandit over Thrive's code, pip-audit over the installed dependencies.
#
# pip-audit asks PyPI's JSON API for each installed package and version (its default vulnerability
# service). Any known vulnerability fails the build. Where that API cannot be reached, so nothing could be
# audited, it says so loudly and carries on, unless AUDIT_STRICT=1 (then that fails too).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv/bin

echo "== bandit =="
"$venv/bandit" -q -c bandit.yaml -r . 2>/dev/null || { echo "bandit: the findings above fail the build"; exit 1; }
echo "bandit: no issues"

echo "== pip-audit =="
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# pip-audit exits non-zero when it finds a known vulnerability (or cannot run at all, e.g. offline).
if ! "$venv/pip-audit" --progress-spinner off --skip-editable --desc >"$out" 2>&1; then
  cat "$out"
  if grep -q "known vulnerabilit" "$out" || [ "${AUDIT_STRICT:-0}" = "1" ]; then exit 1; fi
  echo "WARNING: pip-audit could not run (see above), so the dependencies were not audited."
  exit 0
fi
packages=$("$venv/python" -m pip list --format=freeze --exclude-editable 2>/dev/null | grep -c "==")
unaudited=$(grep -c "could not be audited" "$out" || true)
head -n 1 "$out"
if [ "$unaudited" -gt 0 ]; then
  echo "WARNING: pip-audit could not fetch PyPI's vulnerability data for $unaudited of $packages packages, so"
  echo "         those were not audited. Run 'make audit' where pypi.org/pypi/<name>/<version>/json is reachable;"
  echo "         AUDIT_STRICT=1 makes this a failure."
  [ "${AUDIT_STRICT:-0}" = "1" ] && { cat "$out"; exit 1; }
fi
exit 0
