# At province size (70,000 organizations from `sample`) the reports a person
# opens stay usable: `audit`'s HTML report is at most 20 MB, details as many
# of the organizations needing attention most as fit in about 16 MB (the
# first 200 as tables, the rest compact), and says how many it left out and
# where to find them; --detail N still sets the number.
source "$(dirname "$0")/../lib.sh"

run sample --orgs "$province_orgs" --seed 1 --as-of 2026-11-27 --out "$TMP/province" --quiet
expect_exit 0
run audit --data "$TMP/province" --out "$TMP/out" --format html --quiet
expect_exit 0
html=$TMP/out/report.html
size=$(stat -c %s "$html")
[[ $size -le 20000000 ]] || fail "the province's HTML report is $size bytes, more than 20 MB"
shown=$(grep -c '<article class="org' "$html")
[[ $shown -gt 1000 ]] || fail "the HTML report should detail over 1,000 organizations, not $shown"
[[ $(grep -c '<article class="org brief' "$html") -eq $((shown - 200)) ]] ||
  fail "all but the first 200 of the $shown sections should be compact"
left=$(grep -oE '另有 [0-9]+ 个有问题的社会组织未列出详情' "$html" | grep -oE '[0-9]+')
[[ -n $left && $left -gt 0 ]] || fail "the report should say how many organizations it left out"
grep -qF "本报告列出最需关注的 $shown 个社会组织的评价详情" "$html" ||
  fail "the left-out note should give the $shown detailed organizations"
grep -qF "默认以明细约 16 MB 为限" "$html" || fail "the note should say why the default stopped"
grep -qF "report.xlsx" "$html" || fail "the note should say where the others are"
# Every organization that needs a section is detailed or counted as left out.
run audit --data "$TMP/province" --out "$TMP/none" --format html --detail 0 --quiet
expect_exit 0
needing=$(grep -oE '另有 [0-9]+ 个有问题的社会组织未列出详情' "$TMP/none/report.html" | grep -oE '[0-9]+')
[[ $((shown + left)) -eq $needing ]] ||
  fail "$shown detailed + $left left out should be the $needing organizations needing a section"

run audit --data "$TMP/province" --out "$TMP/fifty" --format html --detail 50 --quiet
expect_exit 0
[[ $(grep -c '<article class="org' "$TMP/fifty/report.html") -eq 50 ]] || fail "--detail 50 should detail 50"
grep -qF -- "（--detail 50；" "$TMP/fifty/report.html" || fail "--detail 50's note should name the option"

finish
