# Two runs give the same bytes in every format, with one or two workers; hostile
# names are escaped (HTML, Markdown), neutralized (CSV, XLSX) and exact (JSON);
# JUnit has the Jenkins/Ant structure, SARIF 2.1.0 lists every rule and locates
# every result, and the XLSX sheets hold the expected rows.
source "$(dirname "$0")/../lib.sh"

small=(--data "$DATA/audit/small" --rules "$DATA/rules/basic.yaml" --waivers "$DATA/audit/waivers.yaml" --as-of 2026-06-30)
formats=(text json jsonl csv md html junit sarif xlsx)
for n in 1 2 3; do
  args=()
  for f in "${formats[@]}"; do args+=(--format "$f:$TMP/run$n/report.$f"); done
  mkdir -p "$TMP/run$n"
  run report "${small[@]}" --jobs "$n" "${args[@]}"
  expect_exit 0
done
for f in "${formats[@]}"; do
  cmp -s "$TMP/run1/report.$f" "$TMP/run2/report.$f" || fail "report.$f differs between --jobs 1 and --jobs 2"
  cmp -s "$TMP/run2/report.$f" "$TMP/run3/report.$f" || fail "report.$f differs between two runs"
done

python3 -m zipfile -l "$TMP/run1/report.xlsx" >/dev/null || fail "python3 -m zipfile -l cannot open the xlsx"

python3 - "$DATA/audit/small/organizations.csv" "$TMP/run1" <<'PY' || fail "report structure checks failed"
import csv, json, sys, zipfile, xml.etree.ElementTree as ET
source, out = sys.argv[1], sys.argv[2]
errors = []
def check(ok, what):
    if not ok:
        errors.append(what)

raw = {row["uscc"]: row["name"] for row in csv.DictReader(open(source, encoding="utf-8"))}
hostile = [n for n in raw.values() if n[0] in "<\"=+-@\t" or len(n) >= 5000]
check(len(hostile) == 7, f"the fixture should hold 7 hostile names, has {len(hostile)}")
# The loader trims spaces and tabs around every value (SPEC §2), so the leading tab ends here.
names = {uscc: name.strip(" \t") for uscc, name in raw.items()}
report = json.load(open(f"{out}/report.json", encoding="utf-8"))

# JSON: every name exactly as in the data.
check({o["uscc"]: o["name"] for o in report["organizations"]} == names, "JSON names differ from the data")

# HTML and Markdown: no markup from the data survives.
for fmt in ("html", "md"):
    text = open(f"{out}/report.{fmt}", encoding="utf-8").read()
    check("<script" not in text and "<img" not in text and "<b>列入" not in text, f"{fmt}: markup from the data")
    check("&lt;script&gt;alert(1)&lt;/script&gt;" in text, f"{fmt}: the script name is not escaped")
    check("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in text, f"{fmt}: the img name is not escaped")

# CSV: cells starting with = + - @ or a tab get a leading apostrophe; the rest is exact.
rows = list(csv.reader(open(f"{out}/report.csv", encoding="utf-8", newline="")))
check(len(rows) == 1 + len(names), f"CSV has {len(rows)} rows")
for row in rows[1:]:
    for cell in row:
        check(not cell or cell[0] not in "=+-@\t", f"CSV cell not neutralized: {cell[:40]!r}")
    name = names[row[0]]
    expected = "'" + name if name[0] in "=+-@\t" else name
    check(row[1] == expected, f"CSV name {row[1][:40]!r} should be {expected[:40]!r}")

# XLSX: five sheets; organizations and findings rows match the JSON; text, never formulas.
book = zipfile.ZipFile(f"{out}/report.xlsx")
sheet = lambda n: book.read(f"xl/worksheets/sheet{n}.xml").decode("utf-8")
check(sheet(2).count("<row ") == 1 + len(names), "xlsx organizations: one row per organization and a header")
findings = 0
with_findings = 0
flagged = 0
for o in report["organizations"]:
    n = sum(i["status"] in ("fail", "partial", "missing", "error") for i in o["indicators"])
    n += len(o["vetoes"]) + len(o["flags"])
    findings += n
    with_findings += 1 if n else 0
    flagged += len(o["flags"])
check(sheet(3).count("<row ") == 1 + with_findings, f"xlsx findings: expected {1 + with_findings} rows")
data_cells = sheet(3).split("</row>", 1)[1].count("<c r=")
check(data_cells == 3 * with_findings + findings, f"xlsx findings: {data_cells} cells, expected {3 * with_findings + findings}")
check(sheet(4).count("<row ") == 1 + flagged, f"xlsx flags: expected {1 + flagged} rows")
check("<f>" not in sheet(2), "xlsx: a formula in the organizations sheet")
check(">=HYPERLINK(\"http://x\",\"y\")<" in sheet(2).replace("&quot;", '"'), "xlsx: the formula name is not kept as written in a string cell")

# JUnit: the Jenkins/Ant schema's elements and required attributes.
root = ET.parse(f"{out}/report.junit").getroot()
check(root.tag == "testsuites", "JUnit root is not <testsuites>")
total = 0
for suite in root:
    check(suite.tag == "testsuite", f"JUnit: <{suite.tag}> under <testsuites>")
    for attr in ("name", "tests", "failures", "errors", "time", "timestamp", "hostname", "id", "package"):
        check(attr in suite.attrib, f"JUnit testsuite lacks {attr}")
    children = [c.tag for c in suite]
    check(children[0] == "properties" and children[-2:] == ["system-out", "system-err"], f"JUnit suite children order: {children[:2]} … {children[-2:]}")
    cases = [c for c in suite if c.tag == "testcase"]
    check(int(suite.get("tests")) == len(cases), "JUnit tests count")
    for tag, attr in (("failure", "failures"), ("error", "errors")):
        check(int(suite.get(attr)) == sum(1 for c in cases if c.find(tag) is not None), f"JUnit {attr} count")
    for case in cases:
        check(case.get("classname", "").startswith("org.") and case.get("name"), "JUnit testcase attributes")
        check(len(case) <= 1 and all(c.tag in ("failure", "error", "skipped") for c in case), "JUnit testcase children")
    total += len(cases)
check(total == int(root.get("tests")), "JUnit total tests")

# SARIF: 2.1.0, every rule of the rule set in tool.driver.rules, a location per result.
sarif = json.load(open(f"{out}/report.sarif", encoding="utf-8"))
check(sarif["version"] == "2.1.0", "SARIF version")
run = sarif["runs"][0]
rule_ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
expected_rules = {i["id"] for i in report["organizations"][0]["indicators"]} | {"V-01", "D-01", "B-01", "dormant", "risky"}
check(expected_rules <= rule_ids, f"SARIF rules lack {sorted(expected_rules - rule_ids)}")
# The XLSX rules sheet lists the same rules, one row each, under a header.
check(sheet(5).count("<row ") == 1 + len(run["tool"]["driver"]["rules"]), "xlsx rules: one row per rule and a header")
check(len(run["results"]) > 0, "SARIF has no results")
for result in run["results"]:
    check(result["ruleId"] in rule_ids, f"SARIF result of unknown rule {result['ruleId']}")
    loc = result["locations"][0]["physicalLocation"]
    uri = run["artifacts"][loc["artifactLocation"]["index"]]["location"]["uri"]
    check(uri.endswith("organizations.csv") and loc["region"]["startLine"] >= 2, "SARIF location")

for e in errors:
    print(e, file=sys.stderr)
sys.exit(1 if errors else 0)
PY

finish
