#!/usr/bin/env bash
# Check exported returns with the DfE-aligned validators' own command lines (not Thrive's runner) and print
# how many rows each rule flags. The census's command is `python -m cin_validator run`; the 903's is the
# `lac_validate` call its web tool makes, run with prpc, because `python -m lac_validator run-offline` fixes
# the collection year at 2022-23 and the council at E09000027.
#
#   scripts/dfe-cli-check.sh YEAR CIN_XML SSDA903_FOLDER [ONS_CODE]      e.g. 2025 cin.xml ssda903/ E10000018
#
# Slow for a county's census: the validator's own reader takes minutes (docs/returns.md).
set -euo pipefail
year=$1; xml=$(realpath "$2"); folder=$(realpath "$3"); ons=${4:-E10000018}
root=$(cd "$(dirname "$0")/.." && pwd)
python="$root/.venv-validators/bin/python"
test -x "$python" || { echo "The validators are not installed: run make validators" >&2; exit 2; }
suffix="$((year - 1))_$((year % 100))"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"

echo "== CIN census: python -m cin_validator run --ruleset cin$suffix"
"$python" -m cin_validator list -r "cin$suffix" > rules.txt
"$python" -m cin_validator run "$xml" -r "cin$suffix" --output > /dev/null 2>&1
"$python" - <<'PY'
import csv, collections
kinds = {line.split("\t")[0]: line.rsplit("(", 1)[-1].strip(" )\n") for line in open("rules.txt")}
rows = {(r["rule_code"], r["LAchildID"], r["tables_affected"], r["ROW_ID"]) for r in csv.DictReader(open("user_report.csv"))}
for code, n in sorted(collections.Counter(r[0] for r in rows).items()):
    print(f"  {kinds.get(code, '?'):5} {code:10} {n}")
print(f"  {len(rows)} rows flagged")
PY

echo "== SSDA903: prpc run lac_validate (collection year $year, council $ons)"
files=$(ls "$folder"/*.csv | "$python" -c "import json, sys; print(json.dumps([l.strip() for l in sys.stdin]))")
"$root/.venv-validators/bin/prpc" run lac_validate \
  "{\"lac_data\": {\"This year\": $files}, \"file_metadata\": {\"collectionYear\": \"$year\", \"localAuthority\": \"$ons\"}}" \
  -a rpc_main:app > out.txt 2> err.txt || {
  # its report builder (create_issue_df) concatenates the findings of each rule, and fails when there are none
  grep -q "No objects to concatenate" err.txt || { tail -5 err.txt >&2; exit 1; }
  echo "  0 rows flagged (no rule found anything)"; exit 0
}
"$python" - <<'PY'
import json
text = open("out.txt").read()
result = json.loads(text[text.index("\n{\n") + 1:] if not text.startswith("{\n") else text)  # it prints notes first
summary = json.loads(result["user_report"][0])
for row in sorted(summary, key=lambda r: r["Code"]):
    if row["Error Count"]:
        print(f"  {row['Code']:10} {row['Error Count']}")
print(f"  {sum(r['Error Count'] for r in summary)} rows flagged")
PY
