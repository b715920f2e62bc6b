# A JSONL number that no column type can hold is quoted as written in the file.
source "$(dirname "$0")/../lib.sh"

mkdir -p "$TMP/data"
cp "$DATA/audit/small/organizations.csv" "$TMP/data/"
cat >"$TMP/data/annual_reports.jsonl" <<'JSONL'
{"uscc": "51330500MJ0001010X", "year": 2024, "result": "qualified", "staff": 99999999999999999999}
{"uscc": "51330500MJ0001010X", "year": 2023, "result": "qualified", "staff": 10000000000000000000}
{"uscc": "51330500MJ0001010X", "year": 2022, "result": "qualified", "staff": 12.50, "revenue": -1.10}
JSONL
run validate --data "$TMP/data" --as-of 2026-11-27 --lang en
expect_exit 4
expect_stdout_contains "annual_reports.jsonl:1:4: error: staff 99999999999999999999: too large for an integer"
expect_stdout_contains "annual_reports.jsonl:2:4: error: staff 10000000000000000000: too large for an integer"
expect_stdout_contains "annual_reports.jsonl:3:4: error: staff 12.50: expected an integer"
expect_stdout_contains "annual_reports.jsonl:3:5: error: revenue -1.10: must not be negative"
grep -q 'e+' "$STDOUT" && fail "a number is shown in exponent form"

finish
