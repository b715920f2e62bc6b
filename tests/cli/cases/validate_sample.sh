# The shipped sample (on disk and built in) validates clean; bad flags are usage errors.
source "$(dirname "$0")/../lib.sh"

# The sample has one organization per line after the header (no quoted newlines).
orgs=$(($(wc -l < "$SRC/samples/huzhou/organizations.csv") - 1))

run validate --data "$SRC/samples/huzhou"
expect_exit 0
expect_stdout_empty
expect_stderr_contains "validate: 0 errors, 0 warnings in $orgs organizations"

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
expect_stdout_contains "no-such-dir: error: no such directory or file"

run validate --data "$SRC/samples/huzhou" --schema "$DATA/validate/bad-schema.yaml"
expect_exit 3
expect_stderr_contains "bad-schema.yaml:"

finish
