source "$(dirname "$0")/../lib.sh"
# --fail-below and --fail-on: grades named by id or by label in either language,
# a wrong name answered with the grades and the nearest one, and the
# organizations that crossed the line counted and named (20) on stderr.

sample=(--data builtin:samples/huzhou --format "json:$TMP/score.json")

run score "${sample[@]}" --fail-below 合格
expect_exit 1
below=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["grades"]["fail"])' "$TMP/score.json")
expect_stderr_contains "orgaudit: --fail-below 合格: $below of 3500 organizations are graded below pass (合格)"
named=$(grep -cE '^  [0-9A-Z]{18}  ' "$STDERR")
((named == 20)) || fail "expected 20 organizations named, got $named"
expect_stderr_contains "  … and $((below - 20)) more"

for spelling in pass Pass; do
  run score "${sample[@]}" --fail-below "$spelling" --quiet
  expect_exit 1
  expect_stderr_empty
done

run score "${sample[@]}" --fail-below goood
expect_exit 2
expect_stderr_contains '--fail-below: the rule set has no grade "goood"; did you mean good (良好)?'
expect_stderr_contains "exemplary (清廉示范), good (良好), pass (合格), fail (不合格), ungraded (未定级)"

run score "${sample[@]}" --fail-below 未定级
expect_exit 0
expect_stderr_empty

run score "${sample[@]}" --fail-on critical
expect_exit 1
expect_stderr_contains "organizations have a finding at or above critical"

finish
