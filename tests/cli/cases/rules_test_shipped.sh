# The shipped rule set's unit tests pass, and every rule shows both sides in a
# passing case (issue 4 acceptance); the engine's own test rule set likewise.
source "$(dirname "$0")/../lib.sh"

run rules test --require-coverage "$SRC/rules/tests"
expect_exit 0
expect_stdout_contains " passed, 0 failed"

run rules test --require-coverage "$DATA/rules/tests"
expect_exit 0
expect_stdout_contains " passed, 0 failed"

run rules check "$SRC/rules/zhejiang-integrity.yaml" "$SRC/rules/examples/wenzhou-dormancy.yaml" builtin:rules/zhejiang-integrity.yaml
expect_exit 0
expect_stdout_empty
expect_stderr_empty

finish
