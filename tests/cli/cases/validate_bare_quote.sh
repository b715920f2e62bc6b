# A " inside an unquoted CSV field is kept as written, with a warning at its line and field.
source "$(dirname "$0")/../lib.sh"

run validate --data "$DATA/validate/bare_quote" --as-of 2026-01-01
expect_exit 0
expect_stdout_golden validate/bare_quote/expected.txt
expect_stderr_contains "validate：0 个错误，"

run score --data "$DATA/validate/bare_quote" --as-of 2026-01-01 --format csv
expect_exit 0
expect_stdout_contains '52330521MJ0000026L,"Deqing ""Sunshine"" Center",'
expect_stderr_contains 'organizations.csv:3:2: warning: 未加引号的字段中有引号，已按原样读取：Deqing "Sunshine" Center'

finish
