# validate reports the invalid utf8 fixture at its file:line:col and exits 4.
source "$(dirname "$0")/../lib.sh"

run validate --data "$DATA/validate/invalid_utf8" --as-of 2026-01-01
expect_exit 4
expect_stdout_golden validate/invalid_utf8/expected.txt
expect_stderr_contains "validate：1 个错误，6 个警告"

finish
