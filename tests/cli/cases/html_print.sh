# The HTML report of `orgaudit audit` on the built-in sample prints to PDF in
# headless Chromium within 30 seconds, and its one-page summary prints alone on
# page one: the report cut after the summary prints as exactly one A4 page.
# Chromium is required in CI (CI=true); elsewhere the test skips without it.
source "$(dirname "$0")/../lib.sh"

require_chromium

# print HTML PDF SECONDS: prints HTML to PDF with a private profile, within SECONDS.
print() {
  timeout "$3" "$browser" --headless --no-sandbox --disable-gpu --user-data-dir="$TMP/profile" \
    --no-pdf-header-footer --print-to-pdf="$2" "file://$1" 2>"$TMP/chromium.err" ||
    fail "chromium did not print $1 within $3 s: $(tail -3 "$TMP/chromium.err")"
}
# pages PDF: the PDF's page count.
pages() { python3 -c 'import re, sys; print(len(re.findall(rb"/Type\s*/Page[^s]", open(sys.argv[1], "rb").read())))' "$1"; }

run audit --out "$TMP/out" --format html
expect_exit 0
print "$TMP/out/report.html" "$TMP/report.pdf" 30
[[ $(pages "$TMP/report.pdf") -gt 1 ]] || fail "the printed report should have several pages"

python3 - "$TMP/out/report.html" "$TMP/summary.html" <<'PY' || fail "no summary in the report"
import sys
html = open(sys.argv[1], encoding="utf-8").read()
closing = "</section>\n</div>\n"
end = html.index(closing, html.index('<section id="urgent">')) + len(closing)
open(sys.argv[2], "w", encoding="utf-8").write(html[:end] + "</main>\n</body>\n</html>\n")
PY
print "$TMP/summary.html" "$TMP/summary.pdf" 60
[[ $(pages "$TMP/summary.pdf") -eq 1 ]] ||
  fail "the cover and summary should print on one A4 page, not $(pages "$TMP/summary.pdf")"

finish
