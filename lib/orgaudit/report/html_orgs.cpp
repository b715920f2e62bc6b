#include <cmath>

#include <algorithm>

#include <fmt/format.h>

#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/findings.hpp>
#include <orgaudit/report/html_parts.hpp>
#include <orgaudit/report/labels.hpp>

// The HTML report's sections across organizations: the flagged ones with
// their criteria and evidence, the most failed indicators, and every rule
// with its basis (the per-organization sections are in html_org_sections.cpp).
namespace orgaudit::report::detail {

namespace {

constexpr std::size_t most_failed_rows = 20;

} // namespace

void append_pill(std::string& out, std::string_view css, std::string_view text)
{
  out += "<span class=\"pill ";
  out += css;
  out += "\">";
  append_html(out, text);
  out += "</span>";
}

// A flagged organization's row in the table of its flag: its criteria and evidence.
void append_flagged_row(std::string& out, const audit::Results& results, const OrgView& view,
                        std::size_t o, std::size_t f, const RenderOptions& options)
{
  const rules::Lang lang = options.lang;
  const rules::Flag& flag = results.ruleset->flags[f];
  const std::uint32_t org = results.organizations[o].org;
  out += "<tr><td><a href=\"#org-";
  append_html(out, view.uscc(org));
  out += "\"><code>";
  append_html(out, view.uscc(org));
  out += "</code></a></td><td class=\"who\">";
  append_name(out, view.name(org));
  out += "</td><td class=\"nowrap\">";
  append_html(out, view.region_label(org, lang));
  out += "</td><td class=\"block crit\">";
  for (std::size_t c = 0; c < flag.criteria.size(); ++c) {
    const audit::CriterionStatus status = results.criterion(o, f, c);
    // A printout shows the matching criteria only (a row per line, not four).
    out += status == audit::CriterionStatus::match ? "<div>" : "<div class=\"screen-only\">";
    append_pill(out,
                status == audit::CriterionStatus::match     ? "s-fail"
                : status == audit::CriterionStatus::missing ? "s-missing"
                                                            : "s-not_applicable",
                criterion_status_label(status, lang));
    out += ' ';
    append_html(out, flag.criteria[c].id);
    out += ' ';
    append_html(out, label(flag.criteria[c].label, lang));
    out += "</div>";
  }
  out += "</td>";
  if (options.evidence != nullptr) {
    out += "<td class=\"evidence block\">";
    append_html(out, evidence_text(
                         *results.dataset,
                         options.evidence->evidence(o, {rules::RuleRef::Kind::flag, f, 0}), lang));
    out += "</td>";
  }
  out += "</tr>\n";
}

std::string_view grade_class(const rules::RuleSet& rules, int grade)
{
  if (grade == audit::ungraded) {
    return "g-none";
  }
  if (grade == 0) {
    return "g-0";
  }
  return static_cast<std::size_t>(grade) + 1 == rules.grades.size() ? "g-last" : "g-mid";
}

void append_name(std::string& out, std::string_view name, std::string_view css)
{
  const std::string shown = shorten(name);
  out += "<span class=\"";
  out += css;
  out += '"';
  if (shown.size() != name.size()) {
    out += " title=\"";
    append_html(out, name);
    out += '"';
  }
  out += '>';
  append_html(out, shown);
  out += "</span>";
}

void append_flagged_section(std::string& out, const audit::Results& results,
                            const audit::Summary& summary, const OrgView& view,
                            const DetailSelection& detail, const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  out += "<section id=\"flagged\" class=\"page\">\n<h2>";
  append_html(out, ui(Ui::flagged_orgs, lang));
  out += "</h2>\n";
  if (summary.flagged == 0) {
    out += "<p>";
    append_html(out, ui(Ui::no_flagged, lang));
    out += "</p>\n";
  }
  for (std::size_t f = 0; f < rules.flags.size(); ++f) {
    if (summary.flags[f] == 0) {
      continue;
    }
    const rules::Flag& flag = rules.flags[f];
    out += "<h3>";
    append_html(out, label(flag.label, lang));
    out += fmt::format(" ({})</h3>\n<div class=\"scroll\"><table class=\"stack\">\n<thead><tr>",
                       summary.flags[f]);
    append_th(out, ui(Ui::uscc, lang));
    append_th(out, ui(Ui::name, lang));
    append_th(out, ui(Ui::region, lang));
    append_th(out, ui(Ui::criteria, lang));
    if (options.evidence != nullptr) {
      out += "<th class=\"evidence\">";
      append_html(out, ui(Ui::evidence, lang));
      out += "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    std::size_t not_listed = 0;
    for (std::size_t o = 0; o < results.size(); ++o) {
      if (!results.flag_raised(o, f)) {
        continue;
      }
      if (!detail.has_section[o]) {
        ++not_listed;
        continue;
      }
      append_flagged_row(out, results, view, o, f, options);
    }
    out += "</tbody></table></div>\n";
    if (not_listed > 0) {
      out += "<p class=\"small\">";
      append_html(
          out, fmt::format(fmt::runtime(html_text(HtmlText::flagged_left_out, lang)), not_listed));
      out += "</p>\n";
    }
  }
  out += "</section>\n";
}

void append_most_failed_section(std::string& out, const audit::Results& results,
                                const audit::Summary& summary, const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  out += "<section id=\"most-failed\">\n<h2>";
  append_html(out, ui(Ui::most_failed, lang));
  out += "</h2>\n<div class=\"scroll\"><table>\n<thead><tr>";
  append_th(out, ui(Ui::rule, lang));
  append_th(out, ui(Ui::indicator, lang));
  append_th(out, ui(Ui::dimension, lang));
  append_th(out, ui(Ui::failed, lang), true);
  append_th(out, ui(Ui::partial, lang), true);
  append_th(out, ui(Ui::missing, lang), true);
  append_th(out, ui(Ui::count, lang), true);
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t k = 0; k < std::min(most_failed_rows, summary.most_failed.size()); ++k) {
    const audit::IndicatorFailures& row = summary.most_failed[k];
    const rules::Indicator& indicator = rules.indicators[row.indicator];
    out += "<tr><td><code>";
    append_html(out, indicator.id);
    out += "</code></td><td class=\"wrap\">";
    append_html(out, label(indicator.label, lang));
    out += "</td><td>";
    append_html(out, label(rules.dimensions[indicator.dimension].label, lang));
    out += fmt::format(
        "</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\"><b>{}</b></td></tr>\n",
        row.failed, row.partial, row.missing, row.total());
  }
  out += "</tbody></table></div>\n</section>\n";
}

// Every rule once with its points, severity and basis: what the findings
// above rest on, without repeating it on every finding.
void append_rules_section(std::string& out, const rules::RuleSet& rules, rules::Lang lang)
{
  out += "<section id=\"rules\" class=\"page\">\n<h2>";
  append_html(out, ui(Ui::rules_basis, lang));
  out += "</h2>\n<div class=\"scroll\"><table class=\"stack\">\n<thead><tr>";
  append_th(out, ui(Ui::rule, lang));
  append_th(out, ui(Ui::indicator, lang));
  append_th(out, ui(Ui::points, lang), true);
  append_th(out, ui(Ui::severity, lang));
  append_th(out, ui(Ui::basis, lang));
  out += "</tr></thead>\n<tbody>\n";
  for (const rules::RuleRef& ref : rules.all_rules()) {
    out += "<tr><td><code>";
    append_html(out, display_id(rules, ref));
    out += "</code></td><td class=\"wrap\">";
    append_html(out, label(rules.info(ref).label, lang));
    const double points = rules.points(ref);
    out += "</td><td class=\"num\">";
    out += std::isnan(points) ? std::string("–") : shortest(points);
    out += "</td><td>";
    append_html(out, severity_label(rules.info(ref).severity, lang));
    out += "</td><td class=\"wrap block small\">";
    append_html(out, basis_text(rules.info(ref), lang));
    out += "</td></tr>\n";
  }
  out += "</tbody></table></div>\n</section>\n";
}

} // namespace orgaudit::report::detail
