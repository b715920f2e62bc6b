#include <fmt/format.h>

#include <orgaudit/history/diff_render.hpp>
#include <orgaudit/history/labels.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/text_table.hpp>

namespace orgaudit::history::detail {

namespace {

using report::Ui;

// The count of every kind: those about whole organizations (flags, grades,
// vetoes) on one line, those about rules and membership on the next.
std::string counts_lines(const Diff& diff, rules::Lang lang)
{
  std::string lines;
  for (std::size_t k = 0; k < report::change_kind_count; ++k) {
    const auto kind = static_cast<ChangeKind>(k);
    const char* separator = k == 0 ? "" : kind == ChangeKind::turned_failing ? "\n" : " · ";
    lines += fmt::format("{}{} {}", separator, change_title(kind, lang), diff.of(kind).size());
  }
  return lines;
}

std::string rules_table(const Diff& diff, rules::Lang lang)
{
  report::TextTable table({std::string(ui(Ui::rule, lang)), std::string(ui(Ui::indicator, lang)),
                           std::string(change_title(ChangeKind::turned_failing, lang)),
                           std::string(change_title(ChangeKind::turned_passing, lang))},
                          {false, false, true, true});
  for (const RuleCount& count : rule_counts(diff, lang)) {
    table.add({count.id, count.label, fmt::format("{}", count.failing),
               fmt::format("{}", count.passing)});
  }
  return table.render(2);
}

} // namespace

void render_diff_text(const Diff& diff, const DiffRenderOptions& options, report::Output& out)
{
  const rules::Lang lang = options.lang;
  std::string text = comparison_title(diff, lang) + '\n';
  report::TextTable runs({"", ""}, {false, false});
  runs.add({std::string(history::text(Text::from_run, lang)),
            describe_run_fully(diff.from->info, lang)});
  runs.add(
      {std::string(history::text(Text::to_run, lang)), describe_run_fully(diff.to->info, lang)});
  text += runs.render(2, 0, false);
  for (const std::string& warning : comparison_warnings(diff, lang)) {
    text += report::terminal_text("! " + warning) + '\n';
  }
  if (diff.changes.empty()) {
    text += fmt::format("\n{}\n", history::text(Text::nothing_changed, lang));
    out.write(text);
    return;
  }
  text += fmt::format("\n{}\n", counts_lines(diff, lang));
  auto rules = [&] {
    text += fmt::format("\n{}\n", history::text(Text::by_rule, lang));
    text += rules_table(diff, lang);
  };
  auto section = [&](ChangeKind kind, std::span<const Change* const> shown, std::size_t total) {
    text += fmt::format("\n{} ({})\n", change_title(kind, lang), total);
    report::TextTable table({"", "", "", ""}, {false, false, false, false});
    for (const Change* change : shown) {
      const OrgOutcome& org = organization_of(*change);
      table.add(
          {org.uscc, report::shorten(org.name, 24), change_detail(diff, *change, lang),
           kind_has_rule(kind)
               ? fmt::format("[{}]", report::severity_label(change_severity(diff, *change), lang))
               : std::string()});
    }
    text += table.render(2, 0, false);
    if (shown.size() < total) {
      text += fmt::format("  {}\n", more_rows(shown.size(), total, lang));
    }
    out.write(text);
    text.clear();
  };
  for_each_section(diff, options.limit, rules, section);
  out.write(text);
}

} // namespace orgaudit::history::detail
