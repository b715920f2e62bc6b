#include <fmt/format.h>

#include <orgaudit/history/diff_render.hpp>
#include <orgaudit/history/labels.hpp>
#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/html_style.hpp>
#include <orgaudit/report/labels.hpp>

namespace orgaudit::history::detail {

namespace {

using report::append_html;
using report::append_th;
using report::Ui;

void append_head(std::string& out, const Diff& diff, const DiffRenderOptions& options)
{
  const rules::Lang lang = options.lang;
  out += lang == rules::Lang::zh ? "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n"
                                 : "<!DOCTYPE html>\n<html lang=\"en\">\n";
  out += "<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\">\n<meta name=\"generator\" content=\"orgaudit ";
  append_html(out, options.tool_version);
  out += "\">\n<title>";
  append_html(out, comparison_title(diff, lang));
  out += "</title>\n<style>";
  out += report::html_style();
  out += "</style>\n</head>\n<body>\n<main>\n<header class=\"cover\">\n<h1>";
  append_html(out, comparison_title(diff, lang));
  out += "</h1>\n";
  const std::pair<Text, const RunInfo*> runs[] = {{Text::from_run, &diff.from->info},
                                                  {Text::to_run, &diff.to->info}};
  for (const auto& [key, run] : runs) {
    out += "<p class=\"meta\"><b>";
    append_html(out, history::text(key, lang));
    out += "</b> ";
    append_html(out, describe_run_fully(*run, lang));
    out += "</p>\n";
  }
  out += "</header>\n";
  for (const std::string& warning : comparison_warnings(diff, lang)) {
    out += "<p class=\"card alert\">";
    append_html(out, warning);
    out += "</p>\n";
  }
}

void append_rules(std::string& out, const Diff& diff, rules::Lang lang)
{
  out += "<section id=\"by-rule\">\n<h2>";
  append_html(out, history::text(Text::by_rule, lang));
  out += "</h2>\n<div class=\"scroll\"><table>\n<thead><tr>";
  append_th(out, ui(Ui::rule, lang));
  append_th(out, ui(Ui::indicator, lang));
  append_th(out, change_title(ChangeKind::turned_failing, lang), true);
  append_th(out, change_title(ChangeKind::turned_passing, lang), true);
  out += "</tr></thead>\n<tbody>\n";
  for (const RuleCount& count : rule_counts(diff, lang)) {
    out += "<tr><td><code>";
    append_html(out, count.id);
    out += "</code></td><td class=\"wrap\">";
    append_html(out, count.label);
    out += fmt::format("</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                       count.failing, count.passing);
  }
  out += "</tbody></table></div>\n</section>\n";
}

void append_section(std::string& out, const Diff& diff, ChangeKind kind,
                    std::span<const Change* const> shown, std::size_t total, rules::Lang lang)
{
  out += fmt::format("<section id=\"{}\">\n<h2>", change_name(kind));
  append_html(out, change_title(kind, lang));
  out +=
      fmt::format(" ({})</h2>\n<div class=\"scroll\"><table class=\"stack\">\n<thead><tr>", total);
  append_th(out, ui(Ui::uscc, lang));
  append_th(out, ui(Ui::name, lang));
  append_th(out, history::text(Text::change, lang));
  append_th(out, kind_has_rule(kind) ? ui(Ui::severity, lang) : "");
  out += "</tr></thead>\n<tbody>\n";
  for (const Change* change : shown) {
    const OrgOutcome& org = organization_of(*change);
    out += "<tr><td><code>";
    append_html(out, org.uscc);
    out += "</code></td><td class=\"name\">";
    append_html(out, report::shorten(org.name));
    out += "</td><td class=\"wrap\">";
    append_html(out, change_detail(diff, *change, lang));
    out += "</td><td>";
    if (kind_has_rule(kind)) {
      append_html(out, report::severity_label(change_severity(diff, *change), lang));
    }
    out += "</td></tr>\n";
  }
  out += "</tbody></table></div>\n";
  if (shown.size() < total) {
    out += "<p class=\"small\">";
    append_html(out, more_rows(shown.size(), total, lang));
    out += "</p>\n";
  }
  out += "</section>\n";
}

} // namespace

void render_diff_html(const Diff& diff, const DiffRenderOptions& options, report::Output& out)
{
  const rules::Lang lang = options.lang;
  std::string html;
  append_head(html, diff, options);
  html += "<section id=\"counts\">\n<div class=\"cards\">";
  for (std::size_t k = 0; k < report::change_kind_count; ++k) {
    const auto kind = static_cast<ChangeKind>(k);
    html += fmt::format("<div class=\"card\"><div class=\"n\">{}</div><div class=\"k\">",
                        diff.of(kind).size());
    append_html(html, change_title(kind, lang));
    html += "</div></div>";
  }
  html += "</div>\n";
  if (diff.changes.empty()) {
    html += "<p>";
    append_html(html, history::text(Text::nothing_changed, lang));
    html += "</p>\n";
  }
  html += "</section>\n";
  auto rules = [&] { append_rules(html, diff, lang); };
  auto section = [&](ChangeKind kind, std::span<const Change* const> shown, std::size_t total) {
    append_section(html, diff, kind, shown, total, lang);
    out.write(html);
    html.clear();
  };
  for_each_section(diff, options.limit, rules, section);
  html += "<footer>orgaudit ";
  append_html(html, options.tool_version);
  html += "</footer>\n</main>\n</body>\n</html>\n";
  out.write(html);
}

} // namespace orgaudit::history::detail
