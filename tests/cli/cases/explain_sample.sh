source "$(dirname "$0")/../lib.sh"
# explain on the built-in sample makes its case: a dormant organization shows
# the cut-off date it was judged by and its empty activity record, a vetoed
# one that the veto caps its grade; --rule takes a label, and wrong names
# (--rule, --org, --only) are answered with the choices and the nearest one.

sample=(--data builtin:samples/huzhou --as-of 2026-11-27)
dormant=51330502MJ2931385D # 吴兴区绿色建筑协会: no activity at all (Z2, Z3)
vetoed=51330500MJ1878105M  # 湖州市餐饮行业协会: active, vetoed

run explain "$dormant" "${sample[@]}"
expect_exit 0
expect_stdout_contains "评价基准日 2026-11-27"
expect_stdout_contains "活动截止日 2024-01-01"
expect_stdout_contains "活动：0 条"
expect_stdout_contains "标记 僵尸型社会组织：已标记"
# Not-applicable indicators are one line, without evidence.
grep -A1 "GY-01    不适用" "$STDOUT" | tail -1 | grep -q "GY-02" ||
  fail "a not-applicable indicator is followed by its evidence"

run explain "$dormant" "${sample[@]}" --lang en
expect_exit 0
expect_stdout_contains "Activity cut-off date: 2024-01-01"
expect_stdout_contains "activities: 0 rows"

run explain "$vetoed" "${sample[@]}"
expect_exit 0
expect_stdout_contains "一票否决有效期间，等级不超过不合格"
# The veto's remediation comes before the points recoverable.
awk '/^可挽回分值/ {on = 1; next} on && /^  \+/ {exit} on && /→/ {found = 1} END {exit !found}' \
  "$STDOUT" || fail "the veto's remediation is not listed first"

# --rule: a criterion by its Chinese label, with its expression, basis and values.
run explain "$dormant" "${sample[@]}" --rule 截止日以来未在章程业务范围内开展活动
expect_exit 0
expect_stdout_contains "  Z3       符合"
expect_stdout_contains "活动截止日 2024-01-01"
expect_stdout_contains "成立条件：on_register"
expect_stdout_contains "依据：民发〔2021〕63号"
expect_stdout_contains "整改建议："
run explain "$vetoed" "${sample[@]}" --rule VETO-06 --lang en
expect_exit 0
expect_stdout_contains "when: size(penalties_3y"

# Wrong names: the choices and the nearest one.
run explain "$dormant" "${sample[@]}" --rule ZD-1
expect_exit 2
expect_stderr_contains '--rule: the rule set has no rule "ZD-1"; did you mean ZD-01 (党建入章)?'
run explain 51330502MJ2931385X "${sample[@]}"
expect_exit 2
expect_stderr_contains "the nearest: 51330502MJ2931385D (吴兴区绿色建筑协会)"
run explain 吴兴区绿色建筑协会 "${sample[@]}" --rule ZD-01
expect_exit 0
expect_stdout_contains "51330502MJ2931385D  吴兴区绿色建筑协会"
run flag "${sample[@]}" --only 僵尸
expect_exit 2
expect_stderr_contains "The flags: dormant (僵尸型社会组织), noncompliant"
run flag "${sample[@]}" --only 僵尸型社会组织 --quiet
expect_exit 0
expect_stdout_contains "  僵尸型社会组织 [高]"

# explain offers only what applies to it; the evaluating commands list the grades and flags.
run explain --help
expect_exit 0
for option in --org --region --bom --no-color; do
  grep -qe "^ *$option" "$STDOUT" && fail "explain --help offers $option"
done
expect_stdout_contains "Grades, best first: exemplary (清廉示范)"
for command in score flag report audit; do
  run "$command" --help
  expect_stdout_contains "Flags: dormant (僵尸型社会组织)"
done

finish
