# A bureau export with only organizations.csv and annual_reports.csv: the five other tables
# are unknown, not empty (SPEC §2). Every command warns once per absent table; the rules that
# read them are missing, so no organization is dormant for want of activity records; the
# reports list the tables used and absent.
source "$(dirname "$0")/../lib.sh"

mkdir -p "$TMP/export"
cp "$SRC/samples/huzhou/organizations.csv" "$SRC/samples/huzhou/annual_reports.csv" "$TMP/export/"
as_of=(--as-of 2026-11-27)
uscc=$(sed -n 2p "$TMP/export/organizations.csv" | cut -d, -f1)
absent=(policies activities projects incidents honors)
labels=(内部制度 活动 公益项目 监管事件 品牌荣誉)

# expect_absent_warnings FILE: FILE holds exactly one warning per absent table.
expect_absent_warnings() {
  local i line
  for i in "${!absent[@]}"; do
    line="${absent[i]}.csv: warning: 缺少 ${absent[i]}.csv 或 ${absent[i]}.jsonl：${labels[i]}表（${absent[i]}）情况不明，不按空表处理；读取此表的规则都计为数据缺失"
    [[ $(grep -cxF -- "$line" "$1") -eq 1 ]] || fail "$(basename "$1") lacks (once): $line"
  done
  [[ $(grep -c "情况不明，不按空表处理" "$1") -eq 5 ]] || fail "not 5 absent-table warnings"
}

run audit --data "$TMP/export" "${as_of[@]}" --out "$TMP/out" --format json --format md --format html
expect_exit 0
expect_absent_warnings "$STDERR"
expect_stdout_contains "使用的数据表: organizations, annual_reports"
expect_stdout_contains "缺失的数据表（情况不明，读取这些表的规则计为数据缺失）: policies, activities, projects, incidents,"
grep -qF '"tables": {"used": ["organizations", "annual_reports"], "absent": ["policies", "activities", "projects", "incidents", "honors"]}' \
  "$TMP/out/report.json" || fail "report.json does not list the tables used and absent"
grep -qF -- '- 缺失的数据表（情况不明，读取这些表的规则计为数据缺失）: 内部制度（policies）、活动（activities）、公益项目（projects）、监管事件（incidents）、品牌荣誉（honors）' \
  "$TMP/out/report.md" || fail "report.md does not list the absent tables"
grep -qF '<p class="meta alert"><b>缺失的数据表' "$TMP/out/report.html" || fail "report.html does not list the absent tables"
# Program figures read from an absent table are unknown, not 0.
grep -qF '"venture_projects": null, "venture_rounds": null, "venture_amount": null, "integrity_trainings": null, "association_interviews": null,' \
  "$TMP/out/report.json" || fail "report.json counts figures of absent tables"
grep -qF '| 廉洁教育培训场次 | 未知（缺少数据表） |' "$TMP/out/report.md" || fail "report.md counts figures of absent tables"

# Rules reading an absent table are missing for everyone; no dormancy criterion on activities
# matches, so every dormant flag stands on the annual reports (Z1) or the address (Z4).
python3 - "$TMP/out/report.json" <<'PY' || fail "rules reading absent tables are not missing"
import json, sys
report = json.load(open(sys.argv[1]))
orgs = report["organizations"]
# ZD-03 policies, ZZ-03 and WH-02 activities, GY-05 projects.
bad = [(o["uscc"], i["id"], i["status"]) for o in orgs for i in o["indicators"]
       if i["id"] in ("ZD-03", "ZZ-03", "WH-02", "GY-05") and i["status"] not in ("missing", "not_applicable", "waived")]
for o in orgs:
    for flag in o["flags"]:
        for c in flag["criteria"]:
            if flag["id"] == "dormant" and c["id"] in ("Z2", "Z3") and c["status"] != "missing":
                bad.append((o["uscc"], c["id"], c["status"]))
            if flag["id"] == "noncompliant" and c["id"] in ("N1", "N2", "N6") and c["status"] != "missing":
                bad.append((o["uscc"], c["id"], c["status"]))
dormant = [o for o in orgs if any(f["id"] == "dormant" for f in o["flags"])]
print(bad[:5], len(dormant))
sys.exit(1 if bad or not dormant else 0)
PY

# Every other command that reads the data warns the same way, once per table.
run validate --data "$TMP/export" "${as_of[@]}"
expect_exit 0
expect_absent_warnings "$STDOUT"
expect_stderr_contains "缺失的数据表（情况不明，读取这些表的规则计为数据缺失）：policies、activities、projects、incidents、honors"
for command in score flag "explain $uscc" "report --format json:$TMP/r.json"; do
  # shellcheck disable=SC2086
  run $command --data "$TMP/export" "${as_of[@]}"
  expect_exit 0
  expect_absent_warnings "$STDERR"
done
run import --data "$TMP/export" "${as_of[@]}" --to "$TMP/export.db"
expect_exit 0
expect_absent_warnings "$STDERR"

# The .db keeps them absent (no empty tables), and says so by its table names.
run score --data "$TMP/export.db" "${as_of[@]}" --format json
expect_exit 0
expect_stdout_contains '"absent": ["policies", "activities", "projects", "incidents", "honors"]'
expect_stderr_contains 'activities: warning: 缺少 "activities" 数据表：活动表（activities）情况不明，不按空表处理'
[[ $(grep -c "情况不明，不按空表处理" "$STDERR") -eq 5 ]] || fail "not 5 warnings for the .db"
# Under --lang en the same warnings are in English.
run score --data "$TMP/export.db" "${as_of[@]}" --format json --lang en
expect_exit 0
expect_stderr_contains 'activities: warning: no table "activities": the activities table (活动) is unknown, not taken as empty'

# A table present with only its header is known and empty: no warning, and it is used.
head -1 "$SRC/samples/huzhou/activities.csv" >"$TMP/export/activities.csv"
run score --data "$TMP/export" "${as_of[@]}" --format json
expect_exit 0
grep -q "activities.csv: warning" "$STDERR" && fail "a header-only activities.csv is warned about"
expect_stdout_contains '"used": ["organizations", "annual_reports", "activities"]'

finish
