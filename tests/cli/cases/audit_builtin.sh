# `orgaudit audit` with no --data audits the built-in sample as of the date it
# was generated for, from any directory, writing audit-report/ and a terminal
# summary of at most 100 columns, without colour unless stdout is a TTY.
source "$(dirname "$0")/../lib.sh"

mkdir -p "$TMP/elsewhere"
cd "$TMP/elsewhere" || exit 1
run audit
expect_exit 0
for name in report.html report.json report.csv report.xlsx report.junit.xml; do
  [[ -s audit-report/$name ]] || fail "audit-report/$name missing or empty"
  expect_stdout_contains "audit-report/$name"
done
[[ $(ls -A audit-report | wc -l) -eq 5 ]] || fail "audit-report/ should hold exactly 5 files: $(ls -A audit-report)"
expect_stdout_contains "等级分布"
grep -q $'\e\[' "$STDOUT" && fail "no colour without a TTY"

# The figures are the sample's own: organizations and as-of come from the data and its README.
orgs=$(($(wc -l <"$SRC/samples/huzhou/organizations.csv") - 1))
read -r json_orgs as_of < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
print(r["dataset"]["organizations"], r["as_of"])' audit-report/report.json)
[[ $json_orgs -eq $orgs ]] || fail "report.json counts $json_orgs organizations, the sample has $orgs"
grep -qF -- "--as-of $as_of" "$SRC/samples/huzhou/README.md" ||
  fail "the built-in sample is audited as of $as_of, but its README generates it for another date"
expect_stdout_contains "$as_of"
expect_stdout_contains "社会组织 $orgs"
expect_stdout_contains "$(python3 -c '
import json, sys
print(json.load(open(sys.argv[1]))["summary"]["mean_total"])' audit-report/report.json)"

# Every line fits 100 terminal columns (CJK characters are two).
python3 - "$STDOUT" <<'PY' || fail "the summary is wider than 100 columns"
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if width > 100:
        print(f"{width} columns: {line}", file=sys.stderr)
        sys.exit(1)
PY

# --out, --format and --lang; a second run replaces the files.
run audit --out "$TMP/en" --lang en --format html --format sarif --no-color
expect_exit 0
[[ $(ls -A "$TMP/en") == $'report.html\nreport.sarif' ]] || fail "--format html --format sarif: $(ls -A "$TMP/en")"
expect_stdout_contains "Grade distribution"
grep -q 'lang="en"' "$TMP/en/report.html" || fail "--lang en: the HTML is not in English"
run audit --out "$TMP/en" --lang en --format html --quiet
expect_exit 0
expect_stdout_empty
[[ -s $STDERR ]] && fail "audit --quiet printed on stderr on success"
run audit --out "$TMP/en" --lang en --format html --quiet --summary
expect_exit 0
expect_stdout_contains "Grade distribution"
run audit --out "$TMP/en" --lang en --format html --no-summary
expect_exit 0
expect_stdout_empty
run audit --out "$TMP/en" --format html --summary --no-summary
expect_exit 2
[[ $(ls -A "$TMP/en" | wc -l) -eq 2 ]] || fail "a second run leaves temporary files: $(ls -A "$TMP/en")"

# --as-of overrides the sample's date.
run audit --out "$TMP/later" --format json --as-of 2027-03-31
expect_exit 0
grep -q '"as_of": "2027-03-31"' "$TMP/later/report.json" || fail "--as-of is not used"

# --output is report's, not audit's; a threshold gives exit 1.
run audit --out "$TMP/x" --output y.json
expect_exit 2
run audit --out "$TMP/x" --format json --fail-below exemplary
expect_exit 1

# Colour only on a TTY, never with NO_COLOR or --no-color.
if command -v script >/dev/null; then
  env -u NO_COLOR TERM=xterm script -qec "$ORGAUDIT audit --out $TMP/tty --format json" /dev/null >"$TMP/tty.out"
  grep -q $'\e\[' "$TMP/tty.out" || fail "no colour on a TTY"
  NO_COLOR=1 TERM=xterm script -qec "$ORGAUDIT audit --out $TMP/tty --format json" /dev/null >"$TMP/tty.out"
  grep -q $'\e\[' "$TMP/tty.out" && fail "colour on a TTY with NO_COLOR set"
  env -u NO_COLOR TERM=xterm script -qec "$ORGAUDIT audit --out $TMP/tty --format json --no-color" /dev/null >"$TMP/tty.out"
  grep -q $'\e\[' "$TMP/tty.out" && fail "colour on a TTY with --no-color"
fi

finish
