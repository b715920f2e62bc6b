# The reports of the built-in sample read in the reader's language (issue 11
# item 1): audit's report.csv starts with a BOM and is Chinese under zh,
# English under en; evidence uses the schema's labels and names the file and
# line; the basis column prints regulations and the proposal badge, never the
# rule authors' notes.
source "$(dirname "$0")/../lib.sh"

cd "$TMP" || exit 1
run audit --out zh
expect_exit 0
head -c 3 zh/report.csv | cmp -s - <(printf '\xEF\xBB\xBF') || fail "audit's report.csv has no BOM"
head -1 zh/report.csv | grep -q '统一社会信用代码,名称,类型,地区,登记状态,总分,等级,' ||
  fail "report.csv headers are not Chinese: $(head -1 zh/report.csv)"
grep -q ',社会团体,' zh/report.csv || fail "report.csv types are not Chinese"
grep -q '僵尸型社会组织' zh/report.csv || fail "report.csv flags are not labels"

# The HTML names flags by label and shows evidence with Chinese labels and lines.
grep -q '（annual_reports.csv 第 [0-9]* 行）' zh/report.html || fail "evidence names no file and line"
grep -q '本项目建议权重' zh/report.html || fail "no proposal badge in the basis column"
for internal in domain.md huzhou-article SPEC '[unverified]' 'project proposal' 'project reading' \
  'Points:' 'basically_qualified' 'not_submitted' 'social_group'; do
  grep -qF -- "$internal" zh/report.html && fail "report.html prints \"$internal\""
done

# --format csv:FILE keeps --bom explicit.
run audit --format csv:plain.csv
expect_exit 0
head -c 3 plain.csv | cmp -s - <(printf '\xEF\xBB\xBF') && fail "csv:FILE has a BOM without --bom"

run audit --out en --lang en --format csv --format md
expect_exit 0
head -1 en/report.csv | grep -q 'USCC,Name,Type,Region,Status,Total,Grade,' ||
  fail "report.csv headers are not English: $(head -1 en/report.csv)"
grep -qE 'reports\.csv line [0-9]+\)' en/report.md || fail "English evidence names no file and line"
grep -q 'weight proposed by this project' en/report.md || fail "no English proposal badge"
finish
