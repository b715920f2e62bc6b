#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <orgaudit/history/diff.hpp>
#include <orgaudit/report/format.hpp>
#include <orgaudit/report/output.hpp>

namespace orgaudit::history {

struct DiffRenderOptions {
  rules::Lang lang = rules::Lang::zh;
  // Rows listed per kind of change in text, md and html (0: all); json and
  // csv always list every change.
  std::size_t limit = 100;
  bool bom = false; // csv: start with a UTF-8 byte-order mark
  std::string tool_version;
};

// The formats `diff` writes.
bool diff_format_supported(report::Format format);

// Writes `diff` in `format` (text, json, md, csv or html) to `out`.
void render_diff(report::Format format, const Diff& diff, const DiffRenderOptions& options,
                 report::Output& out);

} // namespace orgaudit::history

// The pieces the diff renderers share (diff_rows.cpp), and the renderers.
namespace orgaudit::history::detail {

// A change in machine terms, as json and csv carry it.
struct DiffRow {
  ChangeKind kind = ChangeKind::appeared;
  std::string uscc;
  std::string name;
  std::string rule; // the flag, veto or indicator id; empty for grades and organizations
  std::optional<rules::Severity> severity;
  std::string from; // grade id, status, raised/not_raised, held/not_held; empty when absent
  std::string to;
  std::optional<std::int64_t> from_total; // hundredths
  std::optional<std::int64_t> to_total;
  std::vector<std::string> criteria; // newly flagged: the criteria that matched
};

std::vector<DiffRow> diff_rows(const Diff& diff);

// How many organizations each indicator turned failing and passing for.
struct RuleCount {
  std::string id;
  std::string label;
  std::size_t failing = 0;
  std::size_t passing = 0;
};

// The indicators with changes, most turned failing first (ties in rule order).
std::vector<RuleCount> rule_counts(const Diff& diff, rules::Lang lang);

// Whether a kind's rows carry a rule (flags, vetoes, indicators).
bool kind_has_rule(ChangeKind kind);

// The sections the people's formats (text, md, html) print, in order: calls
// `rules` before the first indicator section (the counts by rule), and
// `section` for each kind that has changes with at most `limit` of them (all
// when 0) and their total.
void for_each_section(
    const Diff& diff, std::size_t limit, const std::function<void()>& rules,
    const std::function<void(ChangeKind, std::span<const Change* const>, std::size_t)>& section);

// "… and N more" for a section cut at `shown` of `total` rows; empty when none was cut.
std::string more_rows(std::size_t shown, std::size_t total, rules::Lang lang);

// The heading of a comparison: "运行对比：运行 1 → 运行 2".
std::string comparison_title(const Diff& diff, rules::Lang lang);

// The run's rule set, organizations and dataset in words, after describe_run.
std::string describe_run_fully(const RunInfo& run, rules::Lang lang);

void render_diff_text(const Diff& diff, const DiffRenderOptions& options, report::Output& out);
void render_diff_markdown(const Diff& diff, const DiffRenderOptions& options, report::Output& out);
void render_diff_html(const Diff& diff, const DiffRenderOptions& options, report::Output& out);
void render_diff_json(const Diff& diff, const DiffRenderOptions& options, report::Output& out);
void render_diff_csv(const Diff& diff, const DiffRenderOptions& options, report::Output& out);

} // namespace orgaudit::history::detail
