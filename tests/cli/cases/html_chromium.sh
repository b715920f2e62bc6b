# The HTML report of `orgaudit audit` on the built-in sample, loaded in
# headless Chromium, shows the headline figures and every region. The figures
# are read from report.json of the same run, never written here.
# Chromium is required in CI (CI=true); elsewhere the test skips without it.
source "$(dirname "$0")/../lib.sh"

require_chromium

run audit --out "$TMP/out" --format html --format json
expect_exit 0
# A private profile, so parallel runs and earlier crashes do not interfere.
timeout 1200 "$browser" --headless --no-sandbox --disable-gpu --user-data-dir="$TMP/profile" \
  --dump-dom "file://$TMP/out/report.html" >"$TMP/dom.html" 2>"$TMP/chromium.err" ||
  fail "chromium failed: $(tail -5 "$TMP/chromium.err")"

python3 - "$TMP/out/report.json" "$TMP/dom.html" <<'PY' || fail "the rendered DOM lacks figures"
import json, re, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
dom = open(sys.argv[2], encoding="utf-8").read()
errors = []
summary = report["summary"]
headline = re.search(r'<section id="headline">(.*?)</section>', dom, re.S)
if not headline:
    sys.exit("no headline section in the DOM")
shown = re.findall(r'<div class="n">([^<]*)</div>', headline.group(1))
expected = [str(report["dataset"]["organizations"]), f'{summary["mean_total"]:.2f}']
expected += [str(n) for n in summary["grades"].values()]
expected.append(str(summary["vetoed"]))
for figure in expected:
    if figure not in shown:
        errors.append(f"headline figure {figure} not shown (shown: {shown})")
for flag, count in summary["flags"].items():
    if str(count) not in shown:
        errors.append(f"flag {flag}: {count} not shown")
regions = [group["name"] for group in summary["by_region"].values()]
for name in ["吴兴区", "南浔区", "德清县", "长兴县", "安吉县", "市本级"]:
    if name not in regions:
        errors.append(f"report.json has no region {name}")
section = re.search(r'<section id="regions">(.*?)</section>', dom, re.S)
for name in regions:
    if not section or name not in section.group(1):
        errors.append(f"region {name} not in the rendered regions section")
if re.search(r"<script", dom):
    errors.append("the DOM holds a script element")
for e in errors:
    print(e, file=sys.stderr)
sys.exit(1 if errors else 0)
PY

finish
