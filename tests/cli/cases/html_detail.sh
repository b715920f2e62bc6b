# --detail N on the built-in sample: the default keeps every section the
# report had before the limit existed (the same as --detail all), the first
# 200 as tables and the rest compact, with the same content as the Markdown
# report's sections; --detail 10 keeps the ten most urgent, says how many it
# left out and where to find them, and makes the file smaller; --detail 0
# keeps none; anything else is a usage error. (At province size the default
# stops at about 16 MB of details: audit_province_outputs.)
source "$(dirname "$0")/../lib.sh"

sections() { grep -c '<article class="org' "$1"; }

run audit --out "$TMP/default" --format html
expect_exit 0
run audit --out "$TMP/all" --format html --detail all
expect_exit 0
all=$(sections "$TMP/all/report.html")
[[ $all -gt 3000 ]] || fail "--detail all should show the sample's ~3,500 sections, not $all"
[[ $(sections "$TMP/default/report.html") -eq $all ]] ||
  fail "the default should keep all $all sections, not $(sections "$TMP/default/report.html")"
cmp -s "$TMP/default/report.html" "$TMP/all/report.html" || fail "the default should be --detail all"
grep -q 'class="note">' "$TMP/default/report.html" && fail "the default report should leave nothing out"
[[ $(grep -c '<article class="org brief' "$TMP/default/report.html") -eq $((all - 200)) ]] ||
  fail "all but the first 200 sections should be compact"
grep -qF "最需关注的前 200 个社会组织以表格列出详情；其后的 $((all - 200)) 个以简明格式列出" \
  "$TMP/default/report.html" || fail "the report should say which sections are compact"

# A compact section says what the Markdown report's section says: the facts,
# each finding's rule, indicator, status, points, severity and remediation,
# and the points to win back.
run report --data builtin:samples/huzhou --format "md:$TMP/all.md"
expect_exit 0
python3 - "$TMP/default/report.html" "$TMP/all.md" <<'PY' || fail "a compact section differs from the Markdown report"
import html as H, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
md = open(sys.argv[2], encoding="utf-8").read()
def text(s): return H.unescape(re.sub(r"<[^>]+>", "", s))
mds = {}
for m in re.finditer(r"^### [^\n]* \(([0-9A-Z]{18})\)\n\n(.*?)(?=^### |^## |\Z)", md, re.S | re.M):
    lines = m.group(2).strip().split("\n")
    facts = lines[0]
    rows = [tuple(c.strip().strip("`") for c in l.strip("|").split(" | ")) for l in lines if l.startswith("| ") and not l.startswith("| 规则")]
    gains = [l for l in lines if l.startswith("可挽回分值")]
    gains = re.sub(r"\s+", " ", gains[0].replace("`", "").split(":", 1)[1]).strip() if gains else ""
    mds[m.group(1)] = (facts, rows, gains)
briefs = re.findall(r'<article class="org brief screen-only" id="org-([0-9A-Z]{18})">(.*?)</article>', page, re.S)
assert len(briefs) > 3000, len(briefs)
for uscc, body in briefs:
    facts = text(re.search(r'<p class="facts-line">(.*?)</p>', body, re.S).group(1))
    rows = []
    for line in text(re.search(r'<p class="lines">(.*?)</p>', body, re.S).group(1)).strip().split("\n"):
        parts = line.split(" · ")
        head, status, points, severity, advice = " · ".join(parts[:-4]), *parts[-4:]
        m = re.match(r"([A-Z]+-\d+) (.*)", head)
        rule, indicator = (m.group(1), m.group(2)) if m else ("", re.sub(r"（.*）$", "", head))
        rows.append((rule, indicator, status, points, severity, advice))
    g = re.search(r'<p class="small"><b>可挽回分值</b>：(.*?)</p>', body, re.S)
    gains = text(g.group(1)) if g else ""
    want = mds[uscc]
    if (facts, rows, gains) != want:
        sys.exit(f"{uscc}:\n html {(facts, rows, gains)}\n md   {want}")
PY

# In English, the same compact sections with English words and brackets.
run audit --out "$TMP/en" --format html --lang en
expect_exit 0
grep -qF "the other $((all - 200)) in a compact form with the same content" "$TMP/en/report.html" ||
  fail "the English report should say which sections are compact"
python3 - "$TMP/en/report.html" <<'PY' || fail "the English compact sections are not in English"
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
lines = "\n".join(re.findall(r'<p class="lines">(.*?)</p>', page, re.S))
flagged = [l for l in lines.split("\n") if " · Flagged · " in l]
assert flagged, "no flagged line"
assert all(re.search(r" \([A-Z]+\d+ ", l) and "（" not in l for l in flagged), flagged[:3]
assert " · Fail · " in lines and " · 未通过 · " not in lines
PY

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
