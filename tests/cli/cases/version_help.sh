source "$(dirname "$0")/../lib.sh"

run --version
expect_exit 0
expect_stdout_contains "orgaudit "

run --help
expect_exit 0
expect_stdout_contains "Examples:"
expect_stdout_contains "Exit codes:"

run --no-such-flag
expect_exit 2
expect_stdout_empty

run
expect_exit 2

finish
