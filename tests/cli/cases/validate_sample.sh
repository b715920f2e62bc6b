# The shipped sample (on disk and built in) validates clean; bad flags are usage errors.
source "$(dirname "$0")/../lib.sh"

# The sample has one organization per line after the header (no quoted newlines).
orgs=$(($(wc -l < "$SRC/samples/huzhou/organizations.csv") - 1))

run validate --data "$SRC/samples/huzhou"
expect_exit 0
expect_stdout_empty
expect_stderr_contains "validate：0 个错误，0 个警告，共 $orgs 个社会组织"

run validate --data builtin:samples/huzhou
expect_exit 0
expect_stdout_empty

run validate --data "$SRC/samples/huzhou" --encoding latin1
expect_exit 2
expect_stdout_empty

run validate --data "$SRC/samples/huzhou" --as-of 2024-02-30
expect_exit 2

run validate --data "$TMP/no-such-dir"
expect_exit 4
expect_stdout_contains "no-such-dir: error: 没有这个目录或文件"
run validate --data "$TMP/no-such-dir" --lang en
expect_exit 4
expect_stdout_contains "no-such-dir: error: no such directory or file"
expect_stderr_contains "validate: 1 error, 0 warnings"

run validate --data "$SRC/samples/huzhou" --schema "$DATA/validate/bad-schema.yaml"
expect_exit 3
expect_stderr_contains "bad-schema.yaml:"

finish
