# validate reports the orphan child fixture at its file:line:col and exits 4.
source "$(dirname "$0")/../lib.sh"

run validate --data "$DATA/validate/orphan_child" --as-of 2026-01-01
expect_exit 4
expect_stdout_golden validate/orphan_child/expected.txt
expect_stderr_contains "validate：1 个错误，5 个警告"

finish
