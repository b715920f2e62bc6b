#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/html_charts.hpp>
#include <orgaudit/report/html_parts.hpp>
#include <orgaudit/report/html_style.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/renderers.hpp>
#include <orgaudit/report/since_last_run.hpp>
#include <orgaudit/report/skipped.hpp>

namespace orgaudit::report::detail {

namespace {

Tone grade_tone(const rules::RuleSet& rules, int grade)
{
  if (grade == audit::ungraded) {
    return Tone::muted;
  }
  if (grade == 0) {
    return Tone::good;
  }
  return static_cast<std::size_t>(grade) + 1 == rules.grades.size() ? Tone::bad
         : grade == 1                                               ? Tone::fair
                                                                    : Tone::pass;
}

std::string percent(std::size_t part, std::size_t whole)
{
  return whole == 0 ? std::string("0.0%")
                    : fmt::format("{:.1f}%",
                                  100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

void append_card(std::string& out, std::string_view key, std::string_view value, bool alert = false)
{
  out += alert ? "<div class=\"card alert\"><div class=\"n\">"
               : "<div class=\"card\"><div class=\"n\">";
  append_html(out, value);
  out += "</div><div class=\"k\">";
  append_html(out, key);
  out += "</div></div>";
}

void append_head(std::string& out, const audit::Results& results, const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  out += lang == rules::Lang::zh ? "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n"
                                 : "<!DOCTYPE html>\n<html lang=\"en\">\n";
  out += "<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"orgaudit ";
  append_html(out, options.tool_version);
  out += "\">\n<title>";
  append_html(out, ui(Ui::title, lang));
  out += " · ";
  append_html(out, label(rules.title, lang));
  out += " · ";
  out += format_date(results.as_of);
  out += "</title>\n<style>";
  out += html_style();
  out += "</style>\n</head>\n<body>\n<main>\n<header class=\"cover\">\n<h1>";
  append_html(out, ui(Ui::title, lang));
  out += "</h1>\n<p class=\"meta\"><b>";
  append_html(out, ui(Ui::ruleset, lang));
  out += "</b> ";
  append_html(out, label(rules.title, lang));
  out += " (<code>";
  append_html(out, rules.id);
  out += "</code> ";
  append_html(out, rules.version);
  out += ") · <b>";
  append_html(out, ui(Ui::as_of, lang));
  out += "</b> ";
  out += format_date(results.as_of);
  out += "</p>\n<p class=\"meta\"><b>";
  append_html(out, ui(Ui::dataset, lang));
  out += "</b> <code>";
  append_html(out, options.dataset_display_path.empty() ? results.dataset->path
                                                        : options.dataset_display_path);
  out += "</code></p>\n<p class=\"meta\"><b>";
  append_html(out, ui(Ui::tables_used, lang));
  out += "</b> ";
  append_html(out, table_list(*results.dataset, false, lang));
  // Absent tables change how every figure reads, so they stand out.
  const bool any_absent = !results.dataset->table_names(true).empty();
  out += any_absent ? "</p>\n<p class=\"meta alert\"><b>" : "</p>\n<p class=\"meta\"><b>";
  append_html(out, ui(Ui::tables_absent, lang));
  out += "</b> ";
  append_html(out, table_list(*results.dataset, true, lang));
  // Rows --lenient skipped are left out of every figure below: never silently.
  if (const std::string skipped = skipped_sentence(*results.dataset, lang); !skipped.empty()) {
    out += "</p>\n<p class=\"meta alert\" id=\"skipped\">";
    append_html(out, skipped);
  }
  out += "</p>\n</header>\n";
}

void append_headline(std::string& out, const audit::Results& results, const audit::Summary& summary,
                     const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  out += "<section id=\"headline\">\n<h2>";
  append_html(out, ui(Ui::headline, lang));
  out += "</h2>\n<div class=\"cards\">";
  append_card(out, ui(Ui::organizations, lang), fmt::format("{}", summary.organizations));
  append_card(out, ui(Ui::mean_total, lang), fixed2(summary.mean_total));
  for (std::size_t g = 0; g <= rules.grades.size(); ++g) {
    const int grade = g == rules.grades.size() ? audit::ungraded : static_cast<int>(g);
    append_card(out, grade_label(rules, grade, lang), fmt::format("{}", summary.grades[g]));
  }
  append_card(out, ui(Ui::vetoed, lang), fmt::format("{}", summary.vetoed), summary.vetoed > 0);
  append_card(out, ui(Ui::waived, lang), fmt::format("{}", summary.waivers));
  for (std::size_t f = 0; f < rules.flags.size(); ++f) {
    append_card(out, label(rules.flags[f].label, lang), fmt::format("{}", summary.flags[f]),
                summary.flags[f] > 0);
  }
  out += "</div>\n</section>\n";
}

void append_grades(std::string& out, const audit::Results& results, const audit::Summary& summary,
                   const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  std::vector<Bar> grade_bars;
  for (std::size_t g = 0; g <= rules.grades.size(); ++g) {
    const int grade = g == rules.grades.size() ? audit::ungraded : static_cast<int>(g);
    grade_bars.push_back({std::string(grade_label(rules, grade, lang)),
                          static_cast<double>(summary.grades[g]),
                          fmt::format("{} ({})", summary.grades[g],
                                      percent(summary.grades[g], summary.organizations)),
                          grade_tone(rules, grade)});
  }
  out += "<section id=\"grades\">\n<h2>";
  append_html(out, ui(Ui::grade_distribution, lang));
  out += "</h2>\n";
  out += horizontal_bars(grade_bars, 0, ui(Ui::grade_distribution, lang));
  out += "\n</section>\n";
}

void append_dimensions(std::string& out, const audit::Results& results,
                       const audit::Summary& summary, const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  out += "<section id=\"dimensions\">\n<h2>";
  append_html(out, ui(Ui::dimension_scores, lang));
  out += "</h2>\n";
  std::vector<Bar> dimension_bars;
  for (std::size_t d = 0; d < rules.dimensions.size(); ++d) {
    const rules::Dimension& dimension = rules.dimensions[d];
    const double mean = summary.dimension_means[d];
    const double share = std::isnan(mean) || dimension.weight <= 0 ? 0 : mean / dimension.weight;
    dimension_bars.push_back({label(dimension.label, lang), share * 100,
                              fmt::format("{} / {}", fixed2(mean), shortest(dimension.weight)),
                              share >= 0.9   ? Tone::good
                              : share >= 0.6 ? Tone::fair
                                             : Tone::bad});
  }
  out += horizontal_bars(dimension_bars, 100, ui(Ui::dimension_scores, lang));
  out += "\n</section>\n";
}

void append_group_table(std::string& out, const rules::RuleSet& rules,
                        const std::vector<audit::GroupSummary>& groups, Ui key_header,
                        const std::vector<std::string>& names, rules::Lang lang)
{
  out += "<div class=\"scroll\"><table>\n<thead><tr>";
  append_th(out, ui(key_header, lang));
  append_th(out, ui(Ui::count, lang), true);
  append_th(out, ui(Ui::mean_total, lang), true);
  for (std::size_t g = 0; g <= rules.grades.size(); ++g) {
    append_th(
        out,
        grade_label(rules, g == rules.grades.size() ? audit::ungraded : static_cast<int>(g), lang),
        true);
  }
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < groups.size(); ++i) {
    out += "<tr><td>";
    append_html(out, names[i]);
    out += fmt::format("</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
                       groups[i].organizations, fixed2(groups[i].mean_total));
    for (std::size_t count : groups[i].grades) {
      out += fmt::format("<td class=\"num\">{}</td>", count);
    }
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";
}

void append_groups(std::string& out, const audit::Results& results, const audit::Summary& summary,
                   const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  const schema::Schema& schema = *results.dataset->schema;
  std::vector<std::string> region_names;
  std::vector<Bar> region_bars;
  for (const audit::GroupSummary& group : summary.by_region) {
    region_names.push_back(region_name(schema, group.key, lang));
    region_bars.push_back({region_names.back(), static_cast<double>(group.organizations),
                           fmt::format("{}", group.organizations), Tone::neutral});
  }
  std::vector<std::string> type_names;
  for (const audit::GroupSummary& group : summary.by_type) {
    type_names.push_back(type_name(schema, group.key, lang));
  }
  out += "<section id=\"regions\">\n<h2>";
  append_html(out, ui(Ui::by_region, lang));
  out += "</h2>\n";
  out += horizontal_bars(region_bars, 0, ui(Ui::by_region, lang));
  append_group_table(out, rules, summary.by_region, Ui::region, region_names, lang);
  out += "</section>\n<section id=\"types\">\n<h2>";
  append_html(out, ui(Ui::by_type, lang));
  out += "</h2>\n";
  append_group_table(out, rules, summary.by_type, Ui::type, type_names, lang);
  out += "</section>\n";
}

void append_program(std::string& out, const audit::ProgramFigures& program, rules::Lang lang)
{
  out += "<section id=\"program\">\n<h2>";
  append_html(out, ui(Ui::program, lang));
  out += "</h2>\n<p class=\"small\">";
  append_html(out, fmt::format(fmt::runtime(ui(Ui::program_scope, lang)), program.organizations));
  out += "</p>\n<div class=\"cards\">";
  for (const ProgramFigureRow& figure : program_figure_rows(program, lang)) {
    append_card(out, ui(figure.key, lang), figure.text);
  }
  out += "</div>\n<h3>";
  append_html(out, ui(Ui::demonstration_units, lang));
  if (!program.honors_known) {
    out += " (";
    append_html(out, ui(Ui::unknown_figure, lang));
    out += ")</h3>\n</section>\n";
    return;
  }
  out += fmt::format(" ({})</h3>\n<ul class=\"plain\">", program.demonstration_units.size());
  for (const std::string& name : program.demonstration_units) {
    out += "<li>";
    append_name(out, name);
    out += "</li>";
  }
  out += "</ul>\n</section>\n";
}

} // namespace

void render_html(const audit::Results& results, const audit::Summary& summary,
                 const RenderOptions& options, Output& out)
{
  const OrgView view(*results.dataset);
  // The sections the default --detail measures are rendered once and kept.
  std::vector<std::string> rendered;
  const DetailSelection detail =
      select_detail(results, options.detail, [&](std::size_t k, std::size_t o) {
        append_org_section(rendered.emplace_back(), results, view, k, o, options);
        return rendered.back().size() + flagged_rows_bytes(results, view, o, options);
      });
  std::string buffer;
  append_head(buffer, results, options);
  append_toc(buffer, options);
  // The one-page summary: what a director reads first, printed alone on page one.
  buffer += "<div id=\"summary\" class=\"summary\">\n";
  append_headline(buffer, results, summary, options);
  append_grades(buffer, results, summary, options);
  append_urgent_section(buffer, results, view, detail, options);
  buffer += "</div>\n";
  if (options.since_last_run != nullptr) {
    append_since_last_run_html(buffer, *options.since_last_run, options.lang, 200);
  }
  append_dimensions(buffer, results, summary, options);
  append_groups(buffer, results, summary, options);
  if (options.program != nullptr) {
    append_program(buffer, *options.program, options.lang);
  }
  append_flagged_section(buffer, results, summary, view, detail, options);
  append_most_failed_section(buffer, results, summary, options);
  write_org_sections(buffer, out, results, view, detail, options, rendered);
  append_rules_section(buffer, *results.ruleset, options.lang);
  const rules::RuleSet& rules = *results.ruleset;
  buffer += "<footer>orgaudit ";
  append_html(buffer, options.tool_version);
  buffer += " · ";
  append_html(buffer, rules.id);
  buffer += " ";
  append_html(buffer, rules.version);
  buffer += " sha256 <code>";
  append_html(buffer, rules.sha256);
  buffer += "</code> · ";
  append_html(buffer, ui(Ui::dataset, options.lang));
  buffer += " sha256 <code>";
  append_html(buffer, results.dataset->sha256());
  buffer += "</code></footer>\n</main>\n</body>\n</html>\n";
  out.write(buffer);
}

} // namespace orgaudit::report::detail
