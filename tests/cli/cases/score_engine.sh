# score, flag and explain on a small dataset with the test rule set: golden
# outputs, thresholds, waivers, filters and usage errors (SPEC §5).
source "$(dirname "$0")/../lib.sh"

small=$DATA/engine/small
common=(--data "$small" --rules "$DATA/rules/basic.yaml" --as-of 2026-06-30)

run score "${common[@]}" --waivers "$DATA/engine/waivers.yaml"
expect_exit 0
expect_stdout_golden engine/score.txt
# An expired waiver is ignored with a warning naming its file and line.
expect_stderr_contains "waivers.yaml:10:12: warning: the waiver of Z4 for * expired on 2026-01-31; the rule counts again"

run score "${common[@]}" --format csv
expect_exit 0
expect_stdout_golden engine/score.csv

run flag "${common[@]}" --only dormant
expect_exit 0
expect_stdout_golden engine/flag_dormant.txt
expect_stderr_contains "flag: 1 of 4 organizations flagged"

run explain 52330521MJ0000026L "${common[@]}" --waivers "$DATA/engine/waivers.yaml" --lang en
expect_exit 0
expect_stdout_golden engine/explain_en.txt

# Under --lang zh (the default) every word of the text view is Chinese.
run explain 52330521MJ0000026L "${common[@]}" --waivers "$DATA/engine/waivers.yaml"
expect_exit 0
expect_stdout_golden engine/explain_zh.txt

run explain 52330521MJ0000026L "${common[@]}" --rule T-03
expect_exit 0
expect_stdout_golden engine/explain_rule.txt

# Thresholds: findings never change the exit code unless asked.
run score "${common[@]}" --fail-on critical
expect_exit 1 # the veto V-01 is critical
run score "${common[@]}" --org 51330502MJ0000018C --fail-on high
expect_exit 0 # that organization passes everything
run score "${common[@]}" --fail-below pass
expect_exit 1
run score "${common[@]}" --org 51330502MJ0000018C --fail-below exemplary
expect_exit 0
run score "${common[@]}" --fail-below excellent
expect_exit 2
expect_stderr_contains "--fail-below: the rule set has no grade \"excellent\""

# Filters.
run score "${common[@]}" --region 330521 --format csv
expect_exit 0
[[ $(wc -l <"$STDOUT") -eq 2 ]] || fail "--region 330521 should leave one organization"
run score "${common[@]}" --org 51330502MJ0000018D
expect_exit 2
expect_stderr_contains "--org: no organization with USCC or name \"51330502MJ0000018D\" in the data"
expect_stderr_contains "the nearest: 51330502MJ0000018C"

# Waivers that name unknown rules or organizations, or lack a reason, are exit 3.
run score "${common[@]}" --waivers "$DATA/engine/bad_waivers.yaml"
expect_exit 3
expect_stderr_contains "bad_waivers.yaml:2:9: error: the rule set has no rule \"T-99\""
expect_stderr_contains "bad_waivers.yaml:6:3: error: the waiver has no reason:"
run score "${common[@]}" --waivers "$DATA/engine/unknown_org_waivers.yaml"
expect_exit 3
expect_stderr_contains "the waiver names organization \"51330500MJ4049425N\", which is not in the data"

# Usage errors: two formats to stdout, an unknown format.
run score "${common[@]}" --format json --format csv
expect_exit 2
expect_stderr_contains "at most one --format may go to stdout"
run score "${common[@]}" --format pdf
expect_exit 2

# Bad data is exit 4 before any scoring.
run score --data "$DATA/validate/bad_check_character" --rules "$DATA/rules/basic.yaml" --as-of 2026-06-30
expect_exit 4
expect_stdout_empty

finish
