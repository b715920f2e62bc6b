# validate reports the lowercase uscc fixture at its file:line:col and exits 4.
source "$(dirname "$0")/../lib.sh"

run validate --data "$DATA/validate/lowercase_uscc" --as-of 2026-01-01
expect_exit 4
expect_stdout_golden validate/lowercase_uscc/expected.txt
expect_stderr_contains "validate：1 个错误，6 个警告"

finish
