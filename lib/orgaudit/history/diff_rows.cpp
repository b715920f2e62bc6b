#include <orgaudit/history/diff_render.hpp>

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include <orgaudit/history/labels.hpp>
#include <orgaudit/report/labels.hpp>

namespace orgaudit::history {

namespace {

std::string_view grade_id(const RuleSetInfo& set, int grade)
{
  return grade < 0 || static_cast<std::size_t>(grade) >= set.grades.size()
             ? std::string_view("ungraded")
             : std::string_view(set.grades[static_cast<std::size_t>(grade)].id);
}

// How a flag or veto rule stands for an organization, in machine words.
std::string held_word(RuleKind kind, bool holds)
{
  if (kind == RuleKind::flag) {
    return holds ? "raised" : "not_raised";
  }
  return holds ? "held" : "not_held";
}

std::string rule_state(const RuleSetInfo& set, const OrgOutcome* org,
                       const std::optional<std::size_t>& rule)
{
  if (org == nullptr || !rule) {
    return {};
  }
  const RuleInfo& info = set.rules[*rule];
  return info.kind == RuleKind::indicator ? std::string(outcome_name(org->indicator(*rule)))
                                          : held_word(info.kind, org->holds(*rule));
}

} // namespace

bool diff_format_supported(report::Format format)
{
  using report::Format;
  return format == Format::text || format == Format::json || format == Format::md ||
         format == Format::csv || format == Format::html;
}

void render_diff(report::Format format, const Diff& diff, const DiffRenderOptions& options,
                 report::Output& out)
{
  switch (format) {
  case report::Format::json:
    detail::render_diff_json(diff, options, out);
    break;
  case report::Format::md:
    detail::render_diff_markdown(diff, options, out);
    break;
  case report::Format::csv:
    detail::render_diff_csv(diff, options, out);
    break;
  case report::Format::html:
    detail::render_diff_html(diff, options, out);
    break;
  default:
    detail::render_diff_text(diff, options, out);
    break;
  }
}

} // namespace orgaudit::history

namespace orgaudit::history::detail {

bool kind_has_rule(ChangeKind kind)
{
  return kind != ChangeKind::grade_down && kind != ChangeKind::grade_up &&
         kind != ChangeKind::appeared && kind != ChangeKind::disappeared;
}

std::vector<DiffRow> diff_rows(const Diff& diff)
{
  const RuleSetInfo& from = *diff.from->info.ruleset;
  const RuleSetInfo& to = *diff.to->info.ruleset;
  std::vector<DiffRow> rows;
  rows.reserve(diff.changes.size());
  for (const Change& change : diff.changes) {
    DiffRow& row = rows.emplace_back();
    const OrgOutcome& org = organization_of(change);
    row.kind = change.kind;
    row.uscc = org.uscc;
    row.name = org.name;
    if (change.from != nullptr) {
      row.from_total = change.from->total;
    }
    if (change.to != nullptr) {
      row.to_total = change.to->total;
    }
    if (!kind_has_rule(change.kind)) {
      row.from = change.from != nullptr ? grade_id(from, change.from->grade) : "";
      row.to = change.to != nullptr ? grade_id(to, change.to->grade) : "";
      continue;
    }
    row.rule = change.to_rule ? to.rules[*change.to_rule].id : from.rules[*change.from_rule].id;
    row.severity = change_severity(diff, change);
    row.from = rule_state(from, change.from, change.from_rule);
    row.to = rule_state(to, change.to, change.to_rule);
    if (change.kind == ChangeKind::newly_flagged) {
      row.criteria = matched_criteria(to, *change.to, *change.to_rule);
    }
  }
  return rows;
}

std::vector<RuleCount> rule_counts(const Diff& diff, rules::Lang lang)
{
  const RuleSetInfo& to = *diff.to->info.ruleset;
  std::map<std::size_t, RuleCount> by_rule;
  for (const Change& change : diff.changes) {
    if (change.kind != ChangeKind::turned_failing && change.kind != ChangeKind::turned_passing) {
      continue;
    }
    RuleCount& count = by_rule[*change.to_rule];
    count.id = to.rules[*change.to_rule].id;
    count.label = to.rules[*change.to_rule].label.get(lang);
    (change.kind == ChangeKind::turned_failing ? count.failing : count.passing) += 1;
  }
  std::vector<RuleCount> out;
  for (auto& [rule, count] : by_rule) {
    out.push_back(std::move(count));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const RuleCount& a, const RuleCount& b) { return a.failing > b.failing; });
  return out;
}

void for_each_section(
    const Diff& diff, std::size_t limit, const std::function<void()>& rules,
    const std::function<void(ChangeKind, std::span<const Change* const>, std::size_t)>& section)
{
  for (std::size_t k = 0; k < report::change_kind_count; ++k) {
    const auto kind = static_cast<ChangeKind>(k);
    const auto changes = diff.of(kind);
    if (changes.empty()) {
      continue;
    }
    if (kind == ChangeKind::turned_failing) {
      rules();
    }
    const std::size_t shown = limit == 0 ? changes.size() : std::min(limit, changes.size());
    section(kind, std::span<const Change* const>(changes.data(), shown), changes.size());
  }
}

std::string more_rows(std::size_t shown, std::size_t total, rules::Lang lang)
{
  return shown == total ? std::string()
                        : fmt::format(fmt::runtime(text(Text::more, lang)), total - shown);
}

std::string comparison_title(const Diff& diff, rules::Lang lang)
{
  return fmt::format("{}{}{} {} → {} {}", text(Text::comparison, lang),
                     lang == rules::Lang::zh ? "：" : ": ", text(Text::run, lang),
                     diff.from->info.id, text(Text::run, lang), diff.to->info.id);
}

std::string describe_run_fully(const RunInfo& run, rules::Lang lang)
{
  return fmt::format("{} · {} {} {} · {} {} · {} {}", describe_run(run, lang),
                     report::ui(report::Ui::ruleset, lang), run.ruleset->id, run.ruleset->version,
                     report::ui(report::Ui::organizations, lang), run.organizations,
                     report::ui(report::Ui::dataset, lang), run.dataset_path);
}

} // namespace orgaudit::history::detail
