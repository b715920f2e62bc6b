#include <algorithm>

#include <fmt/format.h>

#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/findings.hpp>
#include <orgaudit/report/html_parts.hpp>
#include <orgaudit/report/labels.hpp>

// The per-organization sections of the HTML report: the first as tables, the
// rest compact, and how much of the report each takes (the default --detail).
namespace orgaudit::report::detail {

namespace {

// How many organization sections a printout holds (the most urgent, those the
// summary lists): printing thousands would take Chromium minutes and no reader
// wants them on paper; the screen shows them all.
constexpr std::size_t printed_sections = 10;

// How many organization sections are tables; the others are compact: the same
// content as a line per finding. Chromium's print-to-PDF walks every element
// of the document, shown or not (tagging the PDF), about 50 µs each: the
// built-in sample's 3,500 sections as tables (430,000 elements) took 25 s to
// print on an idle 2-core machine, compact ones (7 elements each) about 1 s.
constexpr std::size_t table_sections = 200;
static_assert(printed_sections <= table_sections, "a printed section is a table");

void append_fact(std::string& out, std::string_view key, std::string_view value,
                 std::string_view css = {})
{
  out += "<span>";
  append_html(out, key);
  out += css.empty() ? " <b>" : fmt::format(" <b class=\"{}\">", css);
  append_html(out, value);
  out += "</b></span>";
}

// A text from the rule set on one line of a compact section.
void append_one_line(std::string& out, std::string_view text)
{
  std::string line(text);
  std::replace(line.begin(), line.end(), '\n', ' ');
  append_html(out, line);
}

// A raised flag's criteria with their status for one organization: "Z1 符合 · Z2 不符合".
void append_criteria(std::string& out, const audit::Results& results, std::size_t o, std::size_t f,
                     rules::Lang lang)
{
  const rules::Flag& flag = results.ruleset->flags[f];
  for (std::size_t c = 0; c < flag.criteria.size(); ++c) {
    out += c == 0 ? "" : " · ";
    append_html(out, flag.criteria[c].id);
    out += ' ';
    append_html(out, criterion_status_label(results.criterion(o, f, c), lang));
  }
}

// An organization section's opening: the article, its name and USCC.
void append_article_head(std::string& out, const OrgView& view, std::uint32_t org,
                         std::string_view css)
{
  out += "<article class=\"";
  out += css;
  out += "\" id=\"org-";
  append_html(out, view.uscc(org));
  out += "\">\n<h3>";
  append_name(out, view.name(org));
  out += " <code class=\"small\">";
  append_html(out, view.uscc(org));
  out += "</code></h3>\n";
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
      out += "<br><span class=\"small\">";
      append_criteria(out, results, o, finding.rule.index, lang);
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

// The points an organization can win back, rule by rule; `compact` leaves
// out the markup of each item (a compact section).
void append_recoverable(std::string& out, const rules::RuleSet& rules,
                        const std::vector<audit::Recoverable>& gains, rules::Lang lang,
                        bool compact = false)
{
  out += "<p class=\"small\"><b>";
  append_html(out, ui(Ui::recoverable, lang));
  out += "</b>：";
  for (std::size_t k = 0; k < gains.size(); ++k) {
    out += k == 0 ? "" : " · ";
    out += compact ? "" : "<code>";
    append_html(out, rules.indicators[gains[k].indicator].id);
    out += compact ? " " : "</code> ";
    append_html(out, label(rules.indicators[gains[k].indicator].label, lang));
    out += compact ? fmt::format(" +{}", fixed2(gains[k].gain))
                   : fmt::format(" <b>+{}</b>", fixed2(gains[k].gain));
  }
  out += "</p>\n";
}

// A finding as a line of a compact section: rule · indicator · status ·
// points · severity · remediation, the columns of the table it replaces.
void append_finding_line(std::string& out, const audit::Results& results, std::size_t o,
                         const Finding& finding, rules::Lang lang)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::RuleInfo& info = rules.info(finding.rule);
  const std::string_view id = display_id(rules, finding.rule);
  if (!id.empty()) {
    append_html(out, id);
    out += ' ';
  }
  append_one_line(out, label(info.label, lang));
  if (finding.rule.kind == rules::RuleRef::Kind::flag) {
    out += lang == rules::Lang::zh ? "（" : " (";
    append_criteria(out, results, o, finding.rule.index, lang);
    out += lang == rules::Lang::zh ? "）" : ")";
  }
  out += " · ";
  if (finding.rule.kind == rules::RuleRef::Kind::indicator) {
    append_html(out, status_label(finding.status, lang));
    out += fmt::format(" · {} / {}", shortest(finding.earned), shortest(finding.points));
  } else {
    append_html(
        out, ui(finding.rule.kind == rules::RuleRef::Kind::veto ? Ui::vetoed : Ui::flagged, lang));
    out += " · –";
  }
  out += " · ";
  append_html(out, severity_label(info.severity, lang));
  out += " · ";
  append_one_line(out, label(info.remediation, lang));
  out += '\n';
}

void append_org(std::string& out, const audit::Results& results, const OrgView& view, std::size_t o,
                bool printed, const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  const audit::OrgResult& org = results.organizations[o];
  append_article_head(out, view, org.org, printed ? "org" : "org screen-only");
  out += "<div class=\"facts\">";
  for (const Fact& fact : org_facts(results, view, o, lang)) {
    append_fact(out, fact.key, fact.value, fact.css);
  }
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

// An organization's section in compact form: the same facts, findings,
// waivers and points to win back as append_org's, as lines of text.
void append_org_brief(std::string& out, const audit::Results& results, const OrgView& view,
                      std::size_t o, const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  const audit::OrgResult& org = results.organizations[o];
  append_article_head(out, view, org.org, "org brief screen-only");
  out += "<p class=\"facts-line\">";
  const std::vector<Fact> facts = org_facts(results, view, o, lang);
  for (std::size_t k = 0; k < facts.size(); ++k) {
    out += k == 0 ? "" : " · ";
    append_html(out, facts[k].key);
    out += ' ';
    if (!facts[k].css.empty()) {
      out += fmt::format("<b class=\"{}\">", facts[k].css);
    }
    append_html(out, facts[k].value);
    out += facts[k].css.empty() ? "" : "</b>";
  }
  out += "</p>\n";
  const std::vector<Finding> findings = org_findings(results, o);
  if (!findings.empty()) {
    out += "<p class=\"lines\">";
    for (const Finding& finding : findings) {
      append_finding_line(out, results, o, finding, lang);
    }
    out += "</p>\n";
  }
  if (!org.waived.empty()) {
    out += "<p class=\"lines small\"><b>";
    append_html(out, ui(Ui::waived, lang));
    out += "</b>\n";
    for (const audit::AppliedWaiver& waiver : org.waived) {
      append_html(out, waiver.rule);
      out += " · ";
      append_one_line(out, waiver.reason);
      out += " · ";
      append_one_line(out, waiver.approved_by);
      out += " · ";
      out += format_date(waiver.expires);
      out += '\n';
    }
    out += "</p>\n";
  }
  if (options.recoverable) {
    const std::vector<audit::Recoverable> gains = options.recoverable(o);
    if (!gains.empty()) {
      append_recoverable(out, rules, gains, lang, true);
    }
  }
  out += "</article>\n";
}

} // namespace

void write_org_sections(std::string& buffer, Output& out, const audit::Results& results,
                        const OrgView& view, const DetailSelection& detail,
                        const RenderOptions& options, const std::vector<std::string>& rendered)
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
    append_html(buffer, left_out_text(detail, options));
    buffer += "</p>\n";
  }
  if (detail.shown > printed_sections) {
    buffer += "<p class=\"note print-only\">";
    append_html(buffer, fmt::format(fmt::runtime(html_text(HtmlText::printed_note, lang)),
                                    printed_sections, detail.shown - printed_sections));
    buffer += "</p>\n";
  }
  if (detail.shown > table_sections) {
    buffer += "<p class=\"small screen-only\">";
    append_html(buffer, fmt::format(fmt::runtime(html_text(HtmlText::brief_note, lang)),
                                    table_sections, detail.shown - table_sections));
    buffer += "</p>\n";
  }
  for (std::size_t k = 0; k < detail.shown; ++k) {
    if (k < rendered.size()) {
      buffer += rendered[k];
    } else {
      append_org_section(buffer, results, view, k, detail.order[k], options);
    }
    if (buffer.size() > 1 << 16) {
      out.write(buffer);
      buffer.clear();
    }
  }
  buffer += "</section>\n";
}

std::vector<Fact> org_facts(const audit::Results& results, const OrgView& view, std::size_t o,
                            rules::Lang lang)
{
  const rules::RuleSet& rules = *results.ruleset;
  const audit::OrgResult& org = results.organizations[o];
  std::vector<Fact> facts = {
      {ui(Ui::type, lang), std::string(view.type_label(org.org, lang)), {}},
      {ui(Ui::region, lang), std::string(view.region_label(org.org, lang)), {}},
      {ui(Ui::org_status, lang), std::string(view.status_label(org.org, lang)), {}},
      {ui(Ui::total, lang), fixed2(org.total), {}},
      {ui(Ui::grade, lang), std::string(grade_label(rules, org.grade, lang)),
       grade_class(rules, org.grade)},
      {ui(Ui::coverage, lang), fmt::format("{:.0f}%", org.coverage * 100), {}},
  };
  if (org.total_without_waivers != org.total) {
    facts.push_back({ui(Ui::total_without_waivers, lang), fixed2(org.total_without_waivers), {}});
  }
  const auto held = [&](Ui title, const std::vector<rules::Condition>& conditions, auto is_held,
                        std::string_view sign) {
    std::string items;
    for (std::size_t c = 0; c < conditions.size(); ++c) {
      if (is_held(c)) {
        items += items.empty() ? "" : "；";
        items += fmt::format("{} {}", conditions[c].id, label(conditions[c].label, lang));
        if (!sign.empty()) {
          items += fmt::format(" ({}{})", sign, shortest(conditions[c].points));
        }
      }
    }
    if (!items.empty()) {
      facts.push_back({ui(title, lang), std::move(items),
                       title == Ui::vetoes ? std::string_view("g-last") : std::string_view()});
    }
  };
  held(
      Ui::vetoes, rules.vetoes, [&](std::size_t v) { return results.veto_held(o, v); }, "");
  held(
      Ui::deductions, rules.deductions, [&](std::size_t d) { return results.deduction_held(o, d); },
      "−");
  held(
      Ui::bonuses, rules.bonuses, [&](std::size_t b) { return results.bonus_held(o, b); }, "+");
  return facts;
}

void append_org_section(std::string& out, const audit::Results& results, const OrgView& view,
                        std::size_t k, std::size_t o, const RenderOptions& options)
{
  if (k < table_sections) {
    append_org(out, results, view, o, k < printed_sections, options);
  } else {
    append_org_brief(out, results, view, o, options);
  }
}

std::size_t flagged_rows_bytes(const audit::Results& results, const OrgView& view, std::size_t o,
                               const RenderOptions& options)
{
  std::string rows;
  for (std::size_t f = 0; f < results.ruleset->flags.size(); ++f) {
    if (results.flag_raised(o, f)) {
      append_flagged_row(rows, results, view, o, f, options);
    }
  }
  return rows.size();
}

std::string left_out_text(const DetailSelection& detail, const RenderOptions& options)
{
  return detail.automatic
             ? fmt::format(fmt::runtime(html_text(HtmlText::left_out_auto, options.lang)),
                           detail.shown, detail.left_out())
             : fmt::format(fmt::runtime(html_text(HtmlText::left_out, options.lang)), detail.shown,
                           options.detail, detail.left_out());
}

} // namespace orgaudit::report::detail
