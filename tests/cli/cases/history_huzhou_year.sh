# `diff` between two runs of the Huzhou sample a year apart (as of 2026-11-27,
# the date its data was generated for, and 2027-11-27 on the same data):
# nothing new was reported in that year, so the later run must see annual
# reports and activities missing, organizations newly flagged as
# ineligible or at risk of the abnormal list, grades going down and none up,
# and the same organizations and rule set in both runs.
source "$(dirname "$0")/../lib.sh"

db=$TMP/huzhou.db
run score --data builtin:samples/huzhou --as-of 2026-11-27 --db "$db" --record --format csv --output "$TMP/2026.csv"
expect_exit 0
run score --data builtin:samples/huzhou --as-of 2027-11-27 --db "$db" --record --format csv --output "$TMP/2027.csv"
expect_exit 0
run diff --db "$db" --format json
expect_exit 0
expect_stderr_empty # same rule set, same options: nothing to warn about
python3 - "$STDOUT" <<'PY' || fail "the year-apart diff is not plausible"
import collections, json, sys
d = json.load(open(sys.argv[1]))
c = d["counts"]
print("counts:", c, file=sys.stderr)
orgs = d["from"]["organizations"]
assert d["to"]["organizations"] == orgs and c["appeared"] == 0 and c["disappeared"] == 0
assert not d["ruleset_changes"]["differ"] and not d["options_differ"]
# A year without new reports or activities: grades only fall, and many do.
assert c["grade_up"] == 0 and c["grade_down"] > orgs // 2, c
assert d["to"]["mean_total"] < d["from"]["mean_total"] - 10
flags = collections.Counter(r["rule"] for r in d["changes"]["newly_flagged"])
assert flags["evaluation_ineligible"] > 0 and flags["abnormal_list_risk"] > 0, flags
assert c["newly_flagged"] > 10 * c["cleared"], c
failing = collections.Counter(r["rule"] for r in d["changes"]["turned_failing"])
assert failing["GF-01"] > orgs // 2, failing.most_common(5)  # last year's annual report
assert c["turned_failing"] > 20 * c["turned_passing"], c
# Every grade change is to a lower grade.
order = ["exemplary", "good", "pass", "fail", "ungraded"]
for r in d["changes"]["grade_down"]:
    assert order.index(r["to"]) > order.index(r["from"]), r
PY
run diff --db "$db" --fail-on-new high
expect_exit 1
# Text keeps a long diff readable: each section lists --limit rows and says how many it left out.
run diff --db "$db" --limit 5
expect_exit 0
expect_stdout_contains "… 另有"
[[ $(wc -l <"$STDOUT") -lt 150 ]] || fail "diff --limit 5 printed $(wc -l <"$STDOUT") lines"

finish
