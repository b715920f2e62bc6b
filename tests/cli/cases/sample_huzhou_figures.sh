# Issue 14: samples/huzhou, read from its CSV files alone (tests/cli/tools/huzhou_figures.py,
# not orgaudit), holds every SPEC §9 figure with the article's meanings; its names place
# organizations in towns of their own county; every one of the 309 organizations cleared as
# dormant is flagged dormant by `flag --as-of` the day before its closed_on (one run per
# distinct day); and orgaudit's program figures match, over --region selections too.
source "$(dirname "$0")/../lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
  echo "python3 not found: samples/huzhou figures not checked" >&2
  finish
fi
HUZHOU=$SRC/samples/huzhou
TOOL=$SRC/tests/cli/tools/huzhou_figures.py

python3 "$TOOL" figures "$HUZHOU" 2026-11-27 >"$TMP/figures.json"
python3 - "$TMP/figures.json" <<'PY' || fail "samples/huzhou does not hold the article's figures"
import json, sys
f = json.load(open(sys.argv[1]))
print(f, file=sys.stderr)
expected = {"organizations": 3500, "high_grade": 150, "brand_orgs": 133, "brand_orgs_provincial": 20,
            "brand_projects": 123, "leading_figures": 105, "leading_figures_provincial": 51,
            "best_practices": 8, "demonstration_units": ["湖州市电梯行业协会", "湖州市重庆商会"],
            "venture_projects": 500, "venture_rounds": 8, "association_interviews": 66,
            "dormant_cleared": 309}
ok = all(f[k] == v for k, v in expected.items())
ok = ok and 26_000_000 <= f["venture_amount"] < 27_000_000  # 2600余万
ok = ok and 90 <= f["integrity_trainings"] < 100              # 90余次
sys.exit(0 if ok else 1)
PY

python3 "$TOOL" check "$HUZHOU" >"$TMP/problems" || { cat "$TMP/problems" >&2; fail "samples/huzhou is not realistic"; }

# Each cleared zombie met a national dormancy criterion on the day before it was closed.
checked=0
while read -r day codes; do
  args=()
  for code in $codes; do args+=(--org "$code"); done
  run flag --data "$HUZHOU" --as-of "$day" --only dormant --format csv --quiet "${args[@]}"
  expect_exit 0
  flagged=$(grep -cE '(,|；)僵尸型社会组织(；|.?$)' "$STDOUT")
  ((flagged == ${#args[@]} / 2)) || fail "on $day, $flagged of $((${#args[@]} / 2)) cleared organizations flagged dormant"
  checked=$((checked + ${#args[@]} / 2))
done < <(python3 "$TOOL" dormant-dates "$HUZHOU")
((checked == 309)) || fail "checked $checked cleared organizations, expected 309"

# orgaudit's own figures are the same, over the whole city and over one county.
for region in "" 330521; do
  run score --data "$HUZHOU" --as-of 2026-11-27 --format json --quiet ${region:+--region "$region"}
  expect_exit 0
  python3 "$TOOL" figures "$HUZHOU" 2026-11-27 $region >"$TMP/expected.json"
  python3 - "$STDOUT" "$TMP/expected.json" <<'PY' || fail "program figures differ for region '$region'"
import json, sys
program = json.load(open(sys.argv[1]))["summary"]["program"]
expected = json.load(open(sys.argv[2]))
expected.pop("organizations")
print(program, expected, file=sys.stderr)
sys.exit(0 if program == expected else 1)
PY
done

# --org too: the elevator association alone is one 4A+ organization and one demonstration unit.
elevator=$(grep -F ',湖州市电梯行业协会,' "$HUZHOU/organizations.csv" | cut -d, -f1)
run score --data "$HUZHOU" --as-of 2026-11-27 --format json --quiet --org "$elevator"
expect_exit 0
python3 - "$STDOUT" <<'PY' || fail "program figures ignore --org"
import json, sys
program = json.load(open(sys.argv[1]))["summary"]["program"]
print(program, file=sys.stderr)
sys.exit(0 if program["high_grade"] == 1 and program["demonstration_units"] == ["湖州市电梯行业协会"]
         and program["dormant_cleared"] == 0 and program["venture_projects"] == 0 else 1)
PY

finish
