# The Markdown report is the HTML report's content (SPEC §6): on the built-in
# sample it details the same --detail N organizations, in the same order, says
# how many it left out and where to find them, in the --lang; --detail all
# details every organization with findings.
source "$(dirname "$0")/../lib.sh"

# The USCCs of the organization sections, in order.
md_sections() { grep -oE '^### .* \(([0-9A-Z]{18})\)$' "$1" | grep -oE '[0-9A-Z]{18}\)$' | tr -d ')'; }
html_sections() { grep -oE '<article class="org[^"]*" id="org-[0-9A-Z]{18}"' "$1" | grep -oE '[0-9A-Z]{18}'; }

run report --data builtin:samples/huzhou --format "md:$TMP/ten.md" --format "html:$TMP/ten.html" --detail 10
expect_exit 0
[[ $(md_sections "$TMP/ten.md" | wc -l) -eq 10 ]] || fail "--detail 10: the md should detail 10, not $(md_sections "$TMP/ten.md" | wc -l)"
[[ "$(md_sections "$TMP/ten.md")" == "$(html_sections "$TMP/ten.html")" ]] ||
  fail "the md and the html should detail the same organizations in the same order"
run report --data builtin:samples/huzhou --format "md:$TMP/all.md" --detail all
expect_exit 0
all=$(md_sections "$TMP/all.md" | wc -l)
[[ $all -gt 3000 ]] || fail "--detail all should detail the sample's ~3,500 organizations, not $all"
grep -qF "另有 $((all - 10)) 个有问题的社会组织未列出详情" "$TMP/ten.md" || fail "no left-out count $((all - 10))"
grep -qF "report.xlsx" "$TMP/ten.md" || fail "the note should name report.xlsx"
grep -qF "另有 $((all - 10))" "$TMP/all.md" && fail "--detail all should leave nothing out"

run report --data builtin:samples/huzhou --format "md:$TMP/ten-en.md" --detail 10 --lang en
expect_exit 0
grep -qF -- "$((all - 10)) more organizations with findings are not detailed here" "$TMP/ten-en.md" ||
  fail "--lang en: no left-out note"

finish
