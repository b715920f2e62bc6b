# rules check --waivers checks a waivers file against the rule set (SPEC §3.4,
# §5): every problem of every waiver at its line and column, exit 3; an expired
# waiver is only a warning. The evaluating commands load waivers with the same
# checks and messages. Goldens: tests/data/rules/waivers/*.stderr.
source "$(dirname "$0")/../lib.sh"

cd "$DATA/rules" || exit 1
run rules check basic.yaml --waivers waivers/bad.yaml --as-of 2026-06-30
expect_exit 3
expect_stdout_empty
expect_stderr_golden rules/waivers/bad.stderr

run score --data ../engine/small --rules basic.yaml --waivers waivers/bad.yaml --as-of 2026-06-30
expect_exit 3
expect_stdout_empty
expect_stderr_golden rules/waivers/bad.stderr

run rules check basic.yaml --waivers waivers/clean.yaml --as-of 2026-06-30
expect_exit 0
expect_stdout_empty
expect_stderr_empty

# Past a waiver's expiry date: a warning, and still exit 0.
run rules check basic.yaml --waivers waivers/clean.yaml --as-of 2026-10-01
expect_exit 0
expect_stdout_empty
expect_stderr_golden rules/waivers/clean_expired.stderr

# A malformed file: not a list, or not YAML at all.
run rules check basic.yaml --waivers waivers/not_a_list.yaml
expect_exit 3
expect_stderr_contains "waivers/not_a_list.yaml:2:1: error: a waivers file must be a list of {org, rule, reason, approved_by, expires}"
printf -- '- org: [52330521MJ0000026L\n  rule: T-02\n' >"$TMP/syntax.yaml"
run rules check basic.yaml --waivers "$TMP/syntax.yaml"
expect_exit 3
expect_stderr_contains "$TMP/syntax.yaml:2:7: error: YAML syntax error"

# A waivers file is checked against one rule set, at a date only with --waivers.
run rules check basic.yaml broken/many.yaml --waivers waivers/clean.yaml
expect_exit 2
expect_stderr_contains "--waivers checks a waivers file against one rule set; give one FILE"
run rules check basic.yaml --as-of 2026-06-30
expect_exit 2
run rules check basic.yaml --waivers waivers/clean.yaml --as-of 2026-02-30
expect_exit 2
run rules check basic.yaml --waivers "$TMP/none.yaml"
expect_exit 5

finish
