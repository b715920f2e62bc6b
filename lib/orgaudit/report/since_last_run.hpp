#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/rules/ruleset.hpp>

// What changed since the last recorded run, as the audit summary and the HTML
// report show it. The history module (which reads the database) fills it;
// reports only print it, so report/ never depends on history/.
namespace orgaudit::report {

// The kinds of change between two runs, in the order reports list them.
enum class ChangeKind : std::uint8_t {
  newly_flagged,
  cleared,
  grade_down,
  grade_up,
  veto_raised,
  veto_lifted,
  turned_failing,
  turned_passing,
  appeared,
  disappeared,
};
inline constexpr std::size_t change_kind_count = 10;

// The kind's machine name ("newly_flagged", …), as JSON keys and CSV cells spell it.
std::string_view change_name(ChangeKind kind);

// The kind's heading in `lang` (新增标记 / Newly flagged, …).
std::string_view change_title(ChangeKind kind, rules::Lang lang);

// One organization in a list, with what changed for it in words
// ("良好 → 合格 (82.10 → 71.30)", "僵尸型社会组织").
struct ChangedOrganization {
  std::string uscc;
  std::string name;
  std::string detail;
};

struct SinceLastRun {
  // The earlier run in words ("运行 3 · 评价基准日 2026-11-27 · …"); empty when
  // the database holds no earlier run.
  std::string previous;
  // Per ChangeKind, the organizations concerned (one entry per organization).
  std::array<std::vector<ChangedOrganization>, change_kind_count> changes;

  const std::vector<ChangedOrganization>& of(ChangeKind kind) const
  {
    return changes[static_cast<std::size_t>(kind)];
  }
};

// The terminal lines, each at most `width` columns: a heading naming the
// earlier run, the count of each kind, and up to `listed` organizations of
// each kind that is not empty.
std::string since_last_run_text(const SinceLastRun& since, rules::Lang lang, std::size_t listed,
                                std::size_t width);

// The HTML report's section (id "since-last-run"): counts as cards and a
// table per kind, up to `listed` rows each.
void append_since_last_run_html(std::string& out, const SinceLastRun& since, rules::Lang lang,
                                std::size_t listed);

} // namespace orgaudit::report
