# A county's rule set anywhere on disk extends the built-in provincial set
# (rules/examples/deqing-tailoring.yaml): it checks clean, its effective rule set
# loads back to the same text, and `rules test --require-coverage` asks only for
# the rules it adds or overrides; --require-coverage=all asks for every rule, and
# --help says so.
source "$(dirname "$0")/../lib.sh"

run rules test --help
expect_exit 0
expect_stdout_contains "--require-coverage [=all]"
expect_stdout_contains "only the rules it adds or changes, unless --require-coverage=all"

mkdir -p "$TMP/county/rules" "$TMP/county/tests"
cp "$SRC/rules/examples/deqing-tailoring.yaml" "$TMP/county/rules/deqing.yaml"
sed 's|^ruleset: ../examples/deqing-tailoring.yaml|ruleset: ../rules/deqing.yaml|' \
  "$SRC/rules/tests/deqing.yaml" >"$TMP/county/tests/deqing.yaml"

run rules check "$TMP/county/rules/deqing.yaml"
expect_exit 0
expect_stdout_empty
expect_stderr_empty

run rules show "$TMP/county/rules/deqing.yaml" --effective
expect_exit 0
expect_stdout_contains "      - id: DQ-01"
cp "$STDOUT" "$TMP/effective.yaml"
run rules show "$TMP/effective.yaml" --effective
expect_exit 0
cmp -s "$STDOUT" "$TMP/effective.yaml" || fail "the effective Deqing rule set does not round-trip"

cd "$TMP/county" || exit 1
run rules test --require-coverage tests
expect_exit 0
expect_stdout_golden "rules/tailoring/coverage_tailored.stdout"

run rules test --require-coverage=all tests
expect_exit 1
expect_stdout_contains "coverage: rules/deqing.yaml: no passing case shows VETO-01 with true"
expect_stdout_contains "6 passed, 0 failed"

# A case that shows only one side of DQ-01 leaves a gap for it.
sed -i '/^  - name: DQ-01 fails without a disclosure policy/,/^      total: 98.4/d' \
  tests/deqing.yaml
run rules test --require-coverage tests
expect_exit 1
expect_stdout_golden "rules/tailoring/coverage_gap.stdout"

run rules test --require-coverage=some tests
expect_exit 2
expect_stdout_empty
expect_stderr_golden "rules/tailoring/coverage_value.stderr"

finish
