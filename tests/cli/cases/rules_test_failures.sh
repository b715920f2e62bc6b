# A failing rule test is reported with its file, line and the difference, and
# exits 1; a gap in coverage fails only with --require-coverage.
source "$(dirname "$0")/../lib.sh"

cat > "$TMP/wrong.yaml" <<YAML
ruleset: $DATA/rules/basic.yaml
as_of: 2026-06-30
cases:
  - name: a deliberately wrong expectation
    organization: {uscc: 51330502MJ0000018C, name: 测试协会, type: social_group, region: "330502",
                   status: active, charter_party_clause: true, discipline_inspector: true}
    annual_reports:
      - {year: 2025, result: qualified}
    expect:
      indicators: {T-01: fail}
      total: 99
YAML
run rules test "$TMP/wrong.yaml"
expect_exit 1
expect_stdout_contains "FAIL $TMP/wrong.yaml:4: a deliberately wrong expectation"
expect_stdout_contains "T-01: expected fail, got pass"
expect_stdout_contains "total: expected 99, got 100"
expect_stdout_contains "0 passed, 1 failed"

cat > "$TMP/partial.yaml" <<YAML
ruleset: $DATA/rules/basic.yaml
as_of: 2026-06-30
cases:
  - name: only one side of T-01
    organization: {uscc: 51330502MJ0000018C, name: 测试协会, type: social_group, region: "330502",
                   status: active, charter_party_clause: true}
    expect:
      indicators: {T-01: pass}
YAML
run rules test "$TMP/partial.yaml"
expect_exit 0
run rules test --require-coverage "$TMP/partial.yaml"
expect_exit 1
expect_stdout_contains "no passing case shows T-01 with fail"

finish
