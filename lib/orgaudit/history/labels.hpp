#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <orgaudit/history/diff.hpp>
#include <orgaudit/history/run.hpp>
#include <orgaudit/rules/ruleset.hpp>

// The words of the `history` and `diff` outputs and of a run's trend, in both
// languages (labels shared with the reports come from report::ui).
namespace orgaudit::history {

enum class Text : std::uint8_t {
  run,
  recorded,
  command,
  comparison,
  by_rule,
  nothing_changed,
  more,
  no_runs,
  trend,
  this_run,
  options_differ,
  rules_differ,
  changed_rules,
  added_rules,
  removed_rules,
  fingerprints_unknown,
  from_run,
  to_run,
  change,
  count_
};

// The text of `key` in `lang`.
std::string_view text(Text key, rules::Lang lang);

// A run in words: "运行 3 · 评价基准日 2026-11-27 · 记录于 2026-12-06T03:04:05Z".
std::string describe_run(const RunInfo& run, rules::Lang lang);

// A total in hundredths as reports print it ("82.10").
std::string points_text(std::int64_t hundredths);

// What a change means for its organization, in words: "良好 → 合格 (82.10 →
// 71.30)", a flag's label with the criteria that matched, a veto's or an
// indicator's id and label with the statuses before and after, or the
// total and grade of an organization that appeared or disappeared.
std::string change_detail(const Diff& diff, const Change& change, rules::Lang lang);

// The warnings `diff` prints about the runs' rule sets and options (empty
// when the runs are comparable as they are), one per line, without a prefix.
std::vector<std::string> comparison_warnings(const Diff& diff, rules::Lang lang);

} // namespace orgaudit::history
