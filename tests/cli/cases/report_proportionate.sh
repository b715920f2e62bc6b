# JUnit and SARIF stay proportionate to their input (SPEC §6, issue 15): an
# organization's name of almost 1 MB appears at most once in the JUnit report
# and exactly once in the SARIF report, however many findings the organization
# has; a rule's remediation appears once per report, however many
# organizations fail the rule. Both still parse, and every SARIF result
# resolves its rule, artifact and organization through the run's tables.
source "$(dirname "$0")/../lib.sh"

mkdir -p "$TMP/data"
cp "$DATA"/audit/small/*.csv "$TMP/data/"
# The second organization gets a name of 999,999 bytes, and every charter
# lacks the party clause, so that T-01 fails everywhere.
python3 - "$TMP/data/organizations.csv" <<'PY' || fail "cannot write the long name"
import csv, sys
path = sys.argv[1]
rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
rows[2][1] = "名" * 333333
column = rows[0].index("charter_party_clause")
for row in rows[1:]:
    row[column] = "false"
csv.writer(open(path, "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY

for lang in zh en; do
  run report --data "$TMP/data" --rules "$DATA/rules/basic.yaml" --as-of 2026-06-30 --lang "$lang" \
    --format "json:$TMP/$lang.json" --format "junit:$TMP/$lang.junit" --format "sarif:$TMP/$lang.sarif"
  expect_exit 0
  python3 - "$TMP" "$lang" <<'PY' || fail "$lang: JUnit or SARIF repeats what a reader can derive"
import json, sys, xml.etree.ElementTree as ET
out, lang = sys.argv[1], sys.argv[2]
errors = []
def check(ok, what):
    if not ok:
        errors.append(what)

name = "名" * 333333
remedy = {"zh": "修改章程", "en": "Amend the charter"}[lang]
report = json.load(open(f"{out}/{lang}.json", encoding="utf-8"))
org = next(o for o in report["organizations"] if o["name"] == name)
findings = sum(i["status"] in ("fail", "partial", "missing", "error") for i in org["indicators"])
check(findings + len(org["vetoes"]) + len(org["flags"]) >= 2, "the long-named organization should have several findings")
failing = sum(o["indicators"][0]["status"] in ("fail", "partial") for o in report["organizations"])
check(failing >= 5, f"T-01 should fail for several organizations, fails for {failing}")

junit = open(f"{out}/{lang}.junit", encoding="utf-8").read()
check(junit.count(name) <= 1, f"JUnit holds the long name {junit.count(name)} times")
check(junit.count(remedy) == 1, f"JUnit holds T-01's remediation {junit.count(remedy)} times")
check(len(junit.encode()) < 200_000, f"JUnit is {len(junit.encode())} bytes")
root = ET.fromstring(junit)
props = {p.get("name"): p.get("value") for p in root.iter("property")}
check(props.get("T-01.remediation") == remedy, "JUnit: T-01.remediation property")
check(props.get("T-01.label"), "JUnit: T-01.label property")
for case in root.iter("testcase"):
    check(case.get("time") is None, "JUnit testcases carry no time")
    for outcome in case:
        check("\n" not in outcome.get("message"), "JUnit message is one line")

text = open(f"{out}/{lang}.sarif", encoding="utf-8").read()
check(text.count(name) == 1, f"SARIF holds the long name {text.count(name)} times")
check(text.count(remedy) == 1, f"SARIF holds T-01's remediation {text.count(remedy)} times")
check(len(text.encode()) < 1_200_000, f"SARIF is {len(text.encode())} bytes")
run = json.loads(text)["runs"][0]
rules = run["tool"]["driver"]["rules"]
places = run["logicalLocations"]
check(len({p["fullyQualifiedName"] for p in places}) == len(places), "SARIF: an organization listed twice")
check([p["properties"]["organizationName"] for p in places].count(name) == 1, "SARIF: the long-named organization")
for result in run["results"]:
    rule = rules[result["ruleIndex"]]
    check(rule["id"] == result["ruleId"], "SARIF ruleIndex")
    check(result["message"]["id"] in rule["messageStrings"], "SARIF message id")
    template = rule["messageStrings"][result["message"]["id"]]["text"]
    arguments = result["message"].get("arguments", [])
    check(all("{%d}" % n in template for n in range(len(arguments))), "SARIF message arguments")
    location = result["locations"][0]
    artifact = run["artifacts"][location["physicalLocation"]["artifactLocation"]["index"]]
    check(artifact["location"]["uri"] == "organizations.csv", "SARIF artifact")
    check(location["physicalLocation"]["region"]["startLine"] >= 2, "SARIF region")
    place = places[location["logicalLocations"][0]["index"]]
    check(result["partialFingerprints"]["orgauditFinding/v1"] == place["name"] + "/" + result["ruleId"], "SARIF fingerprint")

for e in errors:
    print(e, file=sys.stderr)
sys.exit(1 if errors else 0)
PY
done

finish
