# --format json prints the diagnostics and counts as one JSON document on stdout.
source "$(dirname "$0")/../lib.sh"

run validate --data "$DATA/validate/bad_check_character" --as-of 2026-01-01 --format json
expect_exit 4
expect_stdout_golden validate/bad_check_character/expected.json

run validate --data "$SRC/samples/huzhou" --format json
expect_exit 0
expect_stdout_golden validate/sample.json

finish
