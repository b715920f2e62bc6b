# A GB18030 bureau export with Chinese headers and enum values validates clean,
# auto-detected (one warning per file) and with --encoding gb18030 (none); the
# five child tables it lacks get one warning each either way.
source "$(dirname "$0")/../lib.sh"

fixture=$DATA/validate/gb18030_export

run validate --data "$fixture" --as-of 2026-01-01
expect_exit 0
expect_stdout_golden validate/gb18030_export/expected-auto.txt
expect_stderr_contains "validate：0 个错误，7 个警告，共 4 个社会组织"

run validate --data "$fixture" --as-of 2026-01-01 --encoding gb18030
expect_exit 0
grep -q GB18030 "$STDOUT" && fail "a GB18030 warning despite --encoding gb18030"
expect_stderr_contains "validate：0 个错误，5 个警告，共 4 个社会组织"

run validate --data "$fixture" --as-of 2026-01-01 --encoding utf-8
expect_exit 4
expect_stdout_contains "organizations.csv:1:1: error: 不是有效的 UTF-8 编码（字节 0xC9）"

finish
