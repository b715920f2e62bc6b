# rules check reports every broken case of SPEC §3.1 at its line and column,
# several independent errors of one file in one run, and exits 3; a valid file
# exits 0 silently; a label whose zh: or en: is not a text says so (labels.yaml); a
# tailoring that restates a parent's dimension, flag or rule instead of overriding it
# is told to use overrides: (tailoring.yaml).
# Goldens: tests/data/rules/broken/*.stderr.
source "$(dirname "$0")/../lib.sh"

cd "$DATA/rules/broken" || exit 1
for name in many extends_unknown cycle_a yaml_syntax labels tailoring; do
  run rules check "$name.yaml"
  expect_exit 3
  expect_stdout_empty
  expect_stderr_golden "rules/broken/$name.stderr"
done

# Every command that loads rules checks them first and exits 3 before reading data.
run score --rules many.yaml --data /nonexistent
expect_exit 3
expect_stderr_contains "many.yaml:21:13: error: duplicate id \"B-01\""

run rules check ../basic.yaml
expect_exit 0
expect_stdout_empty
expect_stderr_empty

run rules show ../basic.yaml --effective
expect_exit 0
"$ORGAUDIT" rules show ../basic.yaml --effective >"$TMP/effective.yaml"
# The effective rule set loads back and gives the same effective text.
run rules show "$TMP/effective.yaml" --effective
expect_exit 0
cmp -s "$STDOUT" "$TMP/effective.yaml" || fail "the effective rule set does not round-trip"

finish
