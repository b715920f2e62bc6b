#include <cmath>

#include <algorithm>

#include <fmt/format.h>

#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/findings.hpp>
#include <orgaudit/report/html_parts.hpp>
#include <orgaudit/report/labels.hpp>

namespace orgaudit::report::detail {

namespace {

constexpr std::size_t most_failed_rows = 20;

// How many organization sections a printout holds (the most urgent, those the
// summary lists): printing thousands would take Chromium minutes and no reader
// wants them on paper; the screen shows them all.
constexpr std::size_t printed_sections = 10;

void append_pill(std::string& out, std::string_view css, std::string_view text)
{
  out += "<span class=\"pill ";
  out += css;
  out += "\">";
  append_html(out, text);
  out += "</span>";
}

void append_fact(std::string& out, std::string_view key, std::string_view value,
                 std::string_view css = {})
{
  out += "<span>";
  append_html(out, key);
  out += css.empty() ? " <b>" : fmt::format(" <b class=\"{}\">", css);
  append_html(out, value);
  out += "</b></span>";
}

void append_held(std::string& out, const audit::Results& results, std::size_t o, rules::Lang lang)
{
  const rules::RuleSet& rules = *results.ruleset;
  const auto list = [&](Ui title, const std::vector<rules::Condition>& conditions, auto held,
                        std::string_view sign) {
    std::string items;
    for (std::size_t c = 0; c < conditions.size(); ++c) {
      if (held(c)) {
        items += items.empty() ? "" : "；";
        items += fmt::format("{} {}", conditions[c].id, label(conditions[c].label, lang));
        if (!sign.empty()) {
          items += fmt::format(" ({}{})", sign, shortest(conditions[c].points));
        }
      }
    }
    if (!items.empty()) {
      append_fact(out, ui(title, lang), items, title == Ui::vetoes ? "g-last" : "");
    }
  };
  list(
      Ui::vetoes, rules.vetoes, [&](std::size_t v) { return results.veto_held(o, v); }, "");
  list(
      Ui::deductions, rules.deductions, [&](std::size_t d) { return results.deduction_held(o, d); },
      "−");
  list(
      Ui::bonuses, rules.bonuses, [&](std::size_t b) { return results.bonus_held(o, b); }, "+");
}

void append_findings_table(std::string& out, const audit::Results& results, std::size_t o,
                           const std::vector<Finding>& findings, rules::Lang lang)
{
  const rules::RuleSet& rules = *results.ruleset;
  out += "<div class=\"scroll\"><table class=\"stack\">\n<thead><tr>";
  append_th(out, ui(Ui::rule, lang));
  append_th(out, ui(Ui::indicator, lang));
  append_th(out, ui(Ui::status, lang));
  append_th(out, ui(Ui::earned, lang), true);
  append_th(out, ui(Ui::severity, lang));
  append_th(out, ui(Ui::remediation, lang));
  out += "</tr></thead>\n<tbody>\n";
  for (const Finding& finding : findings) {
    out += "<tr><td><code>";
    append_html(out, display_id(rules, finding.rule));
    out += "</code></td><td class=\"wrap\">";
    append_html(out, label(rules.info(finding.rule).label, lang));
    if (finding.rule.kind == rules::RuleRef::Kind::flag) {
      const rules::Flag& flag = rules.flags[finding.rule.index];
      out += "<br><span class=\"small\">";
      for (std::size_t c = 0; c < flag.criteria.size(); ++c) {
        out += c == 0 ? "" : " · ";
        append_html(out, flag.criteria[c].id);
        out += ' ';
        append_html(out, criterion_status_label(results.criterion(o, finding.rule.index, c), lang));
      }
      out += "</span>";
    }
    out += "</td><td>";
    if (finding.rule.kind == rules::RuleRef::Kind::indicator) {
      append_pill(out, fmt::format("s-{}", audit::status_name(finding.status)),
                  status_label(finding.status, lang));
      out += fmt::format("</td><td class=\"num\">{} / {}</td><td>", shortest(finding.earned),
                         shortest(finding.points));
    } else {
      append_pill(
          out, "s-fail",
          ui(finding.rule.kind == rules::RuleRef::Kind::veto ? Ui::vetoed : Ui::flagged, lang));
      out += "</td><td class=\"num\">–</td><td>";
    }
    append_html(out, severity_label(rules.info(finding.rule).severity, lang));
    out += "</td><td class=\"wrap block\">";
    append_html(out, label(rules.info(finding.rule).remediation, lang));
    out += "</td></tr>\n";
  }
  out += "</tbody></table></div>\n";
}

void append_waived(std::string& out, const audit::OrgResult& org, rules::Lang lang)
{
  out += "<h4 class=\"small\">";
  append_html(out, ui(Ui::waived, lang));
  out += "</h4>\n<div class=\"scroll\"><table class=\"stack\">\n<thead><tr>";
  append_th(out, ui(Ui::rule, lang));
  append_th(out, ui(Ui::reason, lang));
  append_th(out, ui(Ui::approved_by, lang));
  append_th(out, ui(Ui::expires, lang));
  out += "</tr></thead>\n<tbody>\n";
  for (const audit::AppliedWaiver& waiver : org.waived) {
    out += "<tr><td><code>";
    append_html(out, waiver.rule);
    out += "</code></td><td class=\"wrap block\">";
    append_html(out, waiver.reason);
    out += "</td><td class=\"wrap\">";
    append_html(out, waiver.approved_by);
    out += "</td><td>";
    out += format_date(waiver.expires);
    out += "</td></tr>\n";
  }
  out += "</tbody></table></div>\n";
}

void append_recoverable(std::string& out, const rules::RuleSet& rules,
                        const std::vector<audit::Recoverable>& gains, rules::Lang lang)
{
  out += "<p class=\"small\"><b>";
  append_html(out, ui(Ui::recoverable, lang));
  out += "</b>：";
  for (std::size_t k = 0; k < gains.size(); ++k) {
    out += k == 0 ? "" : " · ";
    out += "<code>";
    append_html(out, rules.indicators[gains[k].indicator].id);
    out += "</code> ";
    append_html(out, label(rules.indicators[gains[k].indicator].label, lang));
    out += fmt::format(" <b>+{}</b>", fixed2(gains[k].gain));
  }
  out += "</p>\n";
}

void append_org(std::string& out, const audit::Results& results, const OrgView& view, std::size_t o,
                bool printed, const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  const audit::OrgResult& org = results.organizations[o];
  out +=
      printed ? "<article class=\"org\" id=\"org-" : "<article class=\"org screen-only\" id=\"org-";
  append_html(out, view.uscc(org.org));
  out += "\">\n<h3>";
  append_name(out, view.name(org.org));
  out += " <code class=\"small\">";
  append_html(out, view.uscc(org.org));
  out += "</code></h3>\n<div class=\"facts\">";
  append_fact(out, ui(Ui::type, lang), view.type_label(org.org, lang));
  append_fact(out, ui(Ui::region, lang), view.region_label(org.org, lang));
  append_fact(out, ui(Ui::org_status, lang), view.status_label(org.org, lang));
  append_fact(out, ui(Ui::total, lang), fixed2(org.total));
  append_fact(out, ui(Ui::grade, lang), grade_label(rules, org.grade, lang),
              grade_class(rules, org.grade));
  append_fact(out, ui(Ui::coverage, lang), fmt::format("{:.0f}%", org.coverage * 100));
  if (org.total_without_waivers != org.total) {
    append_fact(out, ui(Ui::total_without_waivers, lang), fixed2(org.total_without_waivers));
  }
  append_held(out, results, o, lang);
  out += "</div>\n";
  const std::vector<Finding> findings = org_findings(results, o);
  if (!findings.empty()) {
    append_findings_table(out, results, o, findings, lang);
  }
  if (!org.waived.empty()) {
    append_waived(out, org, lang);
  }
  if (options.recoverable) {
    const std::vector<audit::Recoverable> gains = options.recoverable(o);
    if (!gains.empty()) {
      append_recoverable(out, rules, gains, lang);
    }
  }
  out += "</article>\n";
}

} // namespace

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
        append_html(out,
                    evidence_text(*results.dataset,
                                  options.evidence->evidence(o, {rules::RuleRef::Kind::flag, f, 0}),
                                  lang));
        out += "</td>";
      }
      out += "</tr>\n";
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

void write_org_sections(std::string& buffer, Output& out, const audit::Results& results,
                        const OrgView& view, const DetailSelection& detail,
                        const RenderOptions& options)
{
  const rules::Lang lang = options.lang;
  buffer += "<section id=\"orgs\" class=\"page\">\n<h2>";
  append_html(buffer, ui(Ui::org_sections, lang));
  buffer += "</h2>\n<p class=\"small\">";
  append_html(buffer,
              fmt::format(fmt::runtime(ui(Ui::compact_note, lang)), detail.without_findings));
  buffer += "</p>\n";
  if (detail.left_out() > 0) {
    buffer += "<p class=\"note\">";
    append_html(buffer, fmt::format(fmt::runtime(html_text(HtmlText::left_out, lang)), detail.shown,
                                    options.detail, detail.left_out()));
    buffer += "</p>\n";
  }
  if (detail.shown > printed_sections) {
    buffer += "<p class=\"note print-only\">";
    append_html(buffer, fmt::format(fmt::runtime(html_text(HtmlText::printed_note, lang)),
                                    printed_sections, detail.shown - printed_sections));
    buffer += "</p>\n";
  }
  for (std::size_t k = 0; k < detail.shown; ++k) {
    append_org(buffer, results, view, detail.order[k], k < printed_sections, options);
    if (buffer.size() > 1 << 16) {
      out.write(buffer);
      buffer.clear();
    }
  }
  buffer += "</section>\n";
}

} // namespace orgaudit::report::detail
