source "$(dirname "$0")/../lib.sh"

run --version
expect_exit 0
expect_stdout_contains "orgaudit "

run --help
expect_exit 0
expect_stdout_contains "Examples:"
expect_stdout_contains "Exit codes:"

# Help is for users: it names no document they do not have (the specification,
# the research notes) in any command's help.
for command in "" audit score flag report explain validate import "rules check" "rules test" \
               "rules show" history diff sample; do
  # shellcheck disable=SC2086
  run $command --help
  expect_exit 0
  if grep -nE 'SPEC|§|domain\.md|huzhou-article' "$STDOUT" >&2; then
    fail "orgaudit $command --help names an internal document"
  fi
done

# --data is required where a cron job must not score the sample by mistake;
# the message and the help say how to try the command on the sample.
for command in score flag report explain; do
  run $command 51330500MJ62782488
  expect_exit 2
  expect_stderr_contains "--data is required"
  expect_stderr_contains "To try it on the built-in sample: --data builtin:samples/huzhou"
  run $command --help
  expect_stdout_contains "--data builtin:samples/huzhou tries the built-in sample"
done

run --no-such-flag
expect_exit 2
expect_stdout_empty

run
expect_exit 2

finish
