source "$(dirname "$0")/../lib.sh"

# samples/huzhou grades every organization with a plausible spread (issue 4), and
# `flag --only dormant` lists ≈ 4 % of them, each with the criteria it matches. The counts
# are the ones docs/contributing.md ("orgaudit sample") and samples/huzhou/README.md restate from a run
# of the shipped rule set (2026.2): change them together when the rule set or the sample does.
run score --data "$SRC/samples/huzhou" --as-of 2026-11-27 --format json --quiet
expect_exit 0
if command -v python3 >/dev/null 2>&1; then
  python3 - "$STDOUT" <<'PY' || fail "implausible grade distribution"
import collections, json, sys
orgs = json.load(open(sys.argv[1]))["organizations"]
grades = collections.Counter(o["grade"] for o in orgs)
print(dict(grades), file=sys.stderr)
ok = len(orgs) == 3500 and grades["ungraded"] == 0
ok = ok and max(grades.values()) <= 0.6 * len(orgs)
ok = ok and sum(1 for g in ("exemplary", "good", "pass", "fail") if grades[g] > 0) >= 3
ok = ok and dict(grades) == {"exemplary": 429, "good": 1396, "pass": 988, "fail": 687}
ok = ok and sum(1 for o in orgs if o["vetoed"]) == 179
sys.exit(0 if ok else 1)
PY
else
  echo "python3 not found: grade distribution not checked" >&2
fi

run flag --data "$SRC/samples/huzhou" --as-of 2026-11-27 --only dormant
expect_exit 0
orgs=$(wc -l <"$SRC/samples/huzhou/organizations.csv")
orgs=$((orgs - 1))
listed=$(grep -cE '^[0-9A-Z]{18}  ' "$STDOUT")
# Between 2 % and 6 % of the organizations (integer arithmetic: 100·listed vs 2·orgs, 6·orgs).
((100 * listed >= 2 * orgs && 100 * listed <= 6 * orgs)) ||
  fail "flag --only dormant listed $listed of $orgs organizations (expected 2–6 %)"
((listed == 136)) || fail "flag --only dormant listed $listed organizations, the READMEs say 136"
expect_stdout_contains "  僵尸型社会组织 [高]"
# Every listed organization shows at least one matched criterion (Z1–Z4).
# (mawk has no {n} intervals: an organization line is "USCC  name  type · region · status".)
awk '/^[0-9A-Z]+  /{if (org != "" && !matched) bad++; org=$1; matched=0; orgs++}
     /^    Z[1-4] .*：符合$/{matched=1}
     END{if (orgs == 0) bad++}
     END{if (org != "" && !matched) bad++; exit bad > 0}' "$STDOUT" ||
  fail "a dormant organization is listed without a matched criterion"
expect_stderr_contains "flag: $listed of $orgs organizations flagged"

finish
