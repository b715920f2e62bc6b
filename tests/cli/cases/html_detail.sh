# --detail N on the built-in sample: the default keeps the 200 most urgent
# sections and says how many it left out; --detail all keeps every section the
# report had before the limit existed; --detail 10 keeps the ten most urgent, says how many it left out and where to find them,
# and makes the file smaller; --detail 0 keeps none; anything else is a usage error.
source "$(dirname "$0")/../lib.sh"

sections() { grep -c '<article class="org' "$1"; }

run audit --out "$TMP/default" --format html
expect_exit 0
run audit --out "$TMP/all" --format html --detail all
expect_exit 0
all=$(sections "$TMP/all/report.html")
[[ $all -gt 3000 ]] || fail "--detail all should show the sample's ~3,500 sections, not $all"
[[ $(sections "$TMP/default/report.html") -eq 200 ]] ||
  fail "the default should keep 200 sections, not $(sections "$TMP/default/report.html")"
grep -qF "另有 $((all - 200)) 个有问题的社会组织未列出详情" "$TMP/default/report.html" ||
  fail "the default report should say it left $((all - 200)) out"
grep -q 'class="note">' "$TMP/all/report.html" && fail "--detail all should leave nothing out"

run audit --out "$TMP/ten" --format html --detail 10
expect_exit 0
ten=$TMP/ten/report.html
[[ $(sections "$ten") -eq 10 ]] || fail "--detail 10 should show 10 sections, not $(sections "$ten")"
grep -qF "另有 $((all - 10)) 个有问题的社会组织未列出详情" "$ten" || fail "no left-out count $((all - 10))"
grep -qF "report.xlsx" "$ten" || fail "the note should name report.xlsx"
grep -qF "orgaudit explain" "$ten" || fail "the note should name orgaudit explain"
# The ten are the summary's most urgent, in the same order; every link has its target.
python3 - "$ten" <<'PY' || fail "the urgent list and the sections disagree"
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
urgent = re.search(r'<section id="urgent">(.*?)</section>', html, re.S).group(1)
listed = re.findall(r'href="#org-([0-9A-Z]+)"', urgent)
shown = re.findall(r'<article class="org[^"]*" id="org-([0-9A-Z]+)"', html)
if listed != shown:
    sys.exit(f"urgent {listed} != sections {shown}")
targets = set(shown)
for link in re.findall(r'href="#org-([0-9A-Z]+)"', html):
    if link not in targets:
        sys.exit(f"link to #org-{link} has no section")
PY
[[ $(stat -c %s "$ten") -lt $(($(stat -c %s "$TMP/all/report.html") / 10)) ]] ||
  fail "--detail 10 should make the report much smaller"

run report --data builtin:samples/huzhou --lang en --format "html:$TMP/none.html" --detail 0
expect_exit 0
[[ $(sections "$TMP/none.html") -eq 0 ]] || fail "--detail 0 should show no section"
grep -qF "$all more organizations with findings are not detailed here" "$TMP/none.html" ||
  fail "no English left-out note"

run audit --out "$TMP/bad" --detail many
expect_exit 2
expect_stderr_contains "--detail"

finish
