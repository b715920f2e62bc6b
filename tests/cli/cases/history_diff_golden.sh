# `diff` between two recorded runs of a small fixture: audit/small, then
# history/after (one organization gone, one new, a veto raised and one lifted,
# a flag raised and one cleared, grades up and down, rules turned failing and
# passing). Its text, json and md equal their golden files, apart from the
# tool version, the recording times and the SHA-256s (of files other changes
# may touch: the schema, the test rule set); csv and html are checked by content;
# --fail-on-new sets the exit code; a revised rule set is named in a warning.
source "$(dirname "$0")/../lib.sh"

version=$("$ORGAUDIT" --version | cut -d' ' -f2)
db=$TMP/runs.db
normalized() {
  python3 "$SRC/tests/cli/tools/normalize.py" "$version" "$1" |
    sed -E -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/@TIME@/g' \
      -e 's/"[0-9a-f]{64}"/"@SHA256@"/g' >"$2"
}

# Relative paths, so the dataset paths in the outputs are the same on every machine.
cd "$DATA" || exit 1
run score --data audit/small --rules rules/basic.yaml --as-of 2026-06-30 --db "$db" --record
expect_exit 0
expect_stderr_contains "orgaudit: recorded run 1 (8 organizations) in $db"

# One run: nothing to compare yet, which is not a failure (the first night of a cron job).
run diff --db "$db" --fail-on-new info
expect_exit 0
expect_stdout_empty
expect_stderr_contains "holds 1 run(s); diff needs two, so there is nothing to compare yet"

run score --data history/after --rules rules/basic.yaml --as-of 2026-06-30 --db "$db" --record --quiet
expect_exit 0
expect_stderr_empty

for format in text json md; do
  run diff --db "$db" --format "$format"
  expect_exit 0
  expect_stderr_empty
  normalized "$STDOUT" "$TMP/diff.$format"
  expect_file_golden "$TMP/diff.$format" "history/golden/diff.$format"
done
run diff --db "$db" --lang en
normalized "$STDOUT" "$TMP/diff-en.text"
expect_file_golden "$TMP/diff-en.text" "history/golden/diff-en.text"

# csv and html: every change, names neutralized and escaped; files written atomically.
run diff --db "$db" --format "csv:$TMP/out/diff.csv" --format "html:$TMP/out/diff.html" --lang en
expect_exit 5 # the directory does not exist yet
mkdir -p "$TMP/out"
run diff --db "$db" --format "csv:$TMP/out/diff.csv" --format "html:$TMP/out/diff.html" --lang en
expect_exit 0
expect_stdout_empty
[[ $(ls -A "$TMP/out") == $'diff.csv\ndiff.html' ]] || fail "out/ should hold the two files only: $(ls -A "$TMP/out")"
python3 - "$TMP/out/diff.csv" "$TMP/out/diff.html" <<'PY' || fail "csv or html content"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
kinds = [r["change"] for r in rows]
assert kinds == ["newly_flagged", "cleared", "grade_down", "grade_up", "grade_up", "veto_raised",
                 "veto_lifted", "turned_failing", "turned_passing", "appeared", "disappeared"], kinds
flagged = rows[0]
assert (flagged["uscc"], flagged["rule"], flagged["from"], flagged["to"], flagged["criteria"]) == \
    ("53330500MJ000107XP", "dormant", "not_raised", "raised", "Z4"), flagged
cleared = rows[1]
assert cleared["name"] == "'+86 商会, \"甲\"", cleared["name"]  # a leading + is neutralized
assert rows[2]["from"] == "exemplary" and rows[2]["to"] == "fail", rows[2]
html = open(sys.argv[2], encoding="utf-8").read()
assert '<html lang="en">' in html
assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
assert "Vetoes raised (1)" in html and 'id="by-rule"' in html
PY

# --fail-on-new: the later run has a new critical veto and high flags and rules.
run diff --db "$db" --fail-on-new critical
expect_exit 1
run diff --db "$db" --fail-on-new high --format json --output "$TMP/diff.json"
expect_exit 1
expect_stdout_empty
[[ -s $TMP/diff.json ]] || fail "--output wrote nothing"

# The same data again: nothing changed, so nothing is new.
run score --data history/after --rules rules/basic.yaml --as-of 2026-06-30 --db "$db" --record --quiet
expect_exit 0
run diff --db "$db" --fail-on-new info
expect_exit 0
expect_stdout_contains "两次运行之间没有变化。"
run diff --db "$db" --from 1 --to 3 --format json
expect_exit 0
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["from"]["id"] == 1 and d["to"]["id"] == 3
assert d["counts"]["appeared"] == 1 and d["counts"]["veto_raised"] == 1, d["counts"]' "$STDOUT" ||
  fail "--from 1 --to 3"
run diff --db "$db" --from 7
expect_exit 2
expect_stderr_contains "--from: there is no run 7 in $db"
run diff --db "$db" --format xlsx
expect_exit 2

# A revised rule set: the warning names the rule whose definition changed
# (T-04), not the one only reworded (T-01).
run score --data history/after --rules history/basic-2.yaml --as-of 2026-06-30 --db "$db" --record --quiet
expect_exit 0
run diff --db "$db" --format json
expect_exit 0
expect_stderr_contains "orgaudit: warning: The two runs used different rule sets (basic-test 1 → basic-test 2): changes may come from the rules, not the organizations. Rules changed: T-04."
grep -q "T-01" "$STDERR" && fail "T-01 was only reworded"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["ruleset_changes"] == {"differ": True, "changed": ["T-04"], "added": [], "removed": [],
                                "fingerprints_unknown": False}, d["ruleset_changes"]' "$STDOUT" ||
  fail "ruleset_changes"
run diff --db "$db"
expect_stdout_contains "! 两次运行使用的规则集不同（basic-test 1 → basic-test 2），变化可能来自规则而非社会组织本身。定义有变化的规则：T-04。"
run diff --db "$db" --quiet
expect_stderr_empty

finish
