# A GBK bureau export with Chinese headers (issue 11): a bad date, an unknown type and a
# child row of no organization. validate names each column as the file does, then its
# canonical name; lists the type's values in Chinese; and puts the organizations.csv errors
# before the child row's, under --lang zh (the default) and en. `audit --lenient` names
# the skipped organizations in its reports and lists every skipped row in skipped.csv.
source "$(dirname "$0")/../lib.sh"

export_dir=$TMP/export
mkdir -p "$export_dir"
python3 - "$export_dir" <<'PY'
import sys
out = sys.argv[1]
files = {
    "organizations.csv": "统一社会信用代码,社会组织名称,类型,行政区划代码,登记日期,状态\n"
    "51330502MJ0000018C,吴兴区书法家协会,社会团体,330502,2008-03-05,正常\n"
    "52330521MJ0000026L,德清县志愿者协会,社会服务机构,330521,2024-02-30,正常\n"
    "53330523MJ00000349,安吉县竹乡教育基金会,事业单位,330523,2012-09-18,正常\n",
    "annual_reports.csv": "统一社会信用代码,年度,年检结论\n"
    "51330502MJ0000018C,2024,合格\n"
    "51330500MJ00000420,2024,合格\n"
    "53330523MJ00000349,2024,基本合格\n",
}
for name, text in files.items():
    with open(f"{out}/{name}", "wb") as f:
        f.write(text.encode("gbk"))
PY
as_of=(--as-of 2026-01-01 --encoding gbk)

run validate --data "$export_dir" "${as_of[@]}"
expect_exit 4
expect_stdout_contains 'organizations.csv:3:5: error: 登记日期 (registered_on) "2024-02-30": 不是有效日期'
expect_stdout_contains 'organizations.csv:4:3: error: 类型 (type) "事业单位": 不是可用的值（社会团体、社会服务机构、基金会）'
expect_stdout_contains 'annual_reports.csv:3:1: error: 统一社会信用代码 (uscc) "51330500MJ00000420": 没有社会组织使用此代码'
# Root causes first: every organizations.csv line comes before the first annual_reports.csv line.
first_child=$(grep -n '^annual_reports.csv:[1-9]' "$STDOUT" | head -1 | cut -d: -f1)
last_org=$(grep -n '^organizations.csv:[1-9]' "$STDOUT" | tail -1 | cut -d: -f1)
[[ -n $first_child && -n $last_org && $last_org -lt $first_child ]] ||
  fail "an annual_reports.csv line comes before an organizations.csv one"

run validate --data "$export_dir" "${as_of[@]}" --lang en
expect_exit 4
expect_stdout_contains 'organizations.csv:3:5: error: 登记日期 (registered_on) "2024-02-30": no such date'
expect_stdout_contains 'organizations.csv:4:3: error: 类型 (type) "事业单位": unknown value (expected 社会团体, 社会服务机构, 基金会)'
expect_stdout_contains 'annual_reports.csv:3:1: error: 统一社会信用代码 (uscc) "51330500MJ00000420": no organization has this code'

# The other commands refuse the data with the same messages, the root causes first.
run score --data "$export_dir" "${as_of[@]}"
expect_exit 4
head -1 "$STDERR" | grep -qF 'organizations.csv:3:5: error: 登记日期 (registered_on)' ||
  fail "score does not put the organizations.csv error first"

run audit --data "$export_dir" "${as_of[@]}" --lenient --out "$TMP/out" --format html --format json --format md
expect_exit 0
expect_stderr_contains 'orgaudit: warning: --lenient skipped 4 rows with errors, 2 of them organizations (52330521MJ0000026L 德清县志愿者协会, 53330523MJ00000349 安吉县竹乡教育基金会)'
expect_stdout_contains '因数据有误，--lenient 跳过了 4 行，未参加评价；其中社会组织 2 个：德清县志愿者协会（52330521MJ0000026L）、安吉县竹乡教育基金会（53330523MJ00000349）。'
expect_stdout_contains "$TMP/out/skipped.csv"
grep -qF '安吉县竹乡教育基金会（53330523MJ00000349）' "$TMP/out/report.html" ||
  fail "report.html does not name the skipped organization"
grep -qF '安吉县竹乡教育基金会（53330523MJ00000349）' "$TMP/out/report.md" ||
  fail "report.md does not name the skipped organization"
grep -qF '"skipped_rows": 4, "skipped_organizations": [{"uscc": "52330521MJ0000026L", "name": "德清县志愿者协会", "file": "organizations.csv", "line": 3,' \
  "$TMP/out/report.json" || fail "report.json does not list the skipped organizations"
expect_file_golden "$TMP/out/skipped.csv" validate/gbk_export_skipped.csv

finish
