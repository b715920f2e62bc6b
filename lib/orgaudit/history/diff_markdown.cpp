#include <fmt/format.h>

#include <orgaudit/history/diff_render.hpp>
#include <orgaudit/history/labels.hpp>
#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/labels.hpp>

namespace orgaudit::history::detail {

namespace {

using report::markdown_escape;
using report::Ui;

void table_head(std::string& out, const std::vector<std::string_view>& headers)
{
  out += '|';
  for (std::string_view header : headers) {
    out += fmt::format(" {} |", markdown_escape(header));
  }
  out += "\n|";
  for (std::size_t i = 0; i < headers.size(); ++i) {
    out += "---|";
  }
  out += '\n';
}

void append_rules(std::string& out, const Diff& diff, rules::Lang lang)
{
  out += fmt::format("## {}\n\n", markdown_escape(history::text(Text::by_rule, lang)));
  table_head(out, {ui(Ui::rule, lang), ui(Ui::indicator, lang),
                   change_title(ChangeKind::turned_failing, lang),
                   change_title(ChangeKind::turned_passing, lang)});
  for (const RuleCount& count : rule_counts(diff, lang)) {
    out += fmt::format("| {} | {} | {} | {} |\n", markdown_escape(count.id),
                       markdown_escape(count.label), count.failing, count.passing);
  }
  out += '\n';
}

} // namespace

void render_diff_markdown(const Diff& diff, const DiffRenderOptions& options, report::Output& out)
{
  const rules::Lang lang = options.lang;
  std::string md = fmt::format("# {}\n\n", markdown_escape(comparison_title(diff, lang)));
  const std::string_view colon = lang == rules::Lang::zh ? "：" : ": ";
  md += fmt::format("- {}{}{}\n", markdown_escape(history::text(Text::from_run, lang)), colon,
                    markdown_escape(describe_run_fully(diff.from->info, lang)));
  md += fmt::format("- {}{}{}\n\n", markdown_escape(history::text(Text::to_run, lang)), colon,
                    markdown_escape(describe_run_fully(diff.to->info, lang)));
  for (const std::string& warning : comparison_warnings(diff, lang)) {
    md += fmt::format("> **!** {}\n\n", markdown_escape(warning));
  }
  if (diff.changes.empty()) {
    md += fmt::format("{}\n", markdown_escape(history::text(Text::nothing_changed, lang)));
    out.write(md);
    return;
  }
  for (std::size_t k = 0; k < report::change_kind_count; ++k) {
    const auto kind = static_cast<ChangeKind>(k);
    md +=
        fmt::format("- {}: {}\n", markdown_escape(change_title(kind, lang)), diff.of(kind).size());
  }
  md += '\n';
  auto rules = [&] { append_rules(md, diff, lang); };
  auto section = [&](ChangeKind kind, std::span<const Change* const> shown, std::size_t total) {
    md += fmt::format("## {} ({})\n\n", markdown_escape(change_title(kind, lang)), total);
    table_head(md, {ui(Ui::uscc, lang), ui(Ui::name, lang), history::text(Text::change, lang),
                    ui(Ui::severity, lang)});
    for (const Change* change : shown) {
      const OrgOutcome& org = organization_of(*change);
      md += fmt::format("| {} | {} | {} | {} |\n", markdown_escape(org.uscc),
                        markdown_escape(report::shorten(org.name)),
                        markdown_escape(change_detail(diff, *change, lang)),
                        kind_has_rule(kind) ? markdown_escape(report::severity_label(
                                                  change_severity(diff, *change), lang))
                                            : std::string());
    }
    if (shown.size() < total) {
      md += fmt::format("\n{}\n", markdown_escape(more_rows(shown.size(), total, lang)));
    }
    md += '\n';
    out.write(md);
    md.clear();
  };
  for_each_section(diff, options.limit, rules, section);
}

} // namespace orgaudit::history::detail
