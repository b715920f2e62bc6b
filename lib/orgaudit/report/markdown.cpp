#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include <orgaudit/report/attention.hpp>
#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/findings.hpp>
#include <orgaudit/report/html_parts.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/org_view.hpp>
#include <orgaudit/report/renderers.hpp>
#include <orgaudit/report/skipped.hpp>

namespace orgaudit::report::detail {

namespace {

constexpr std::size_t most_failed_rows = 20;

std::string md(std::string_view text)
{
  return markdown_escape(text);
}

// An id as a code span: its text is literal there, except that a backtick
// would end the span and a pipe the table cell (GFM reads `\|` inside a span).
std::string code(std::string_view text)
{
  std::string out = "`";
  for (char c : text) {
    if (c == '`') {
      out += '\'';
    } else if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  out += '`';
  return out;
}

// A rule's display_id as code, or an empty cell for a flag.
std::string id_cell(const rules::RuleSet& rules, const rules::RuleRef& ref)
{
  const std::string_view id = display_id(rules, ref);
  return id.empty() ? std::string() : code(id);
}

void table_head(std::string& out, const std::vector<std::string_view>& headers)
{
  out += '|';
  for (std::string_view header : headers) {
    out += ' ';
    out += md(header);
    out += " |";
  }
  out += "\n|";
  for (std::size_t i = 0; i < headers.size(); ++i) {
    out += "---|";
  }
  out += '\n';
}

void table_row(std::string& out, const std::vector<std::string>& cells)
{
  out += '|';
  for (const std::string& cell : cells) {
    out += ' ';
    out += cell;
    out += " |";
  }
  out += '\n';
}

void append_summary(std::string& out, const audit::Results& results, const audit::Summary& summary,
                    const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  out += fmt::format("# {}\n\n", md(ui(Ui::title, lang)));
  out += fmt::format("- {}: {} ({} {})\n", md(ui(Ui::ruleset, lang)), md(label(rules.title, lang)),
                     code(rules.id), md(rules.version));
  out += fmt::format("- {}: {}\n", md(ui(Ui::as_of, lang)), format_date(results.as_of));
  out += fmt::format("- {}: {}\n", md(ui(Ui::dataset, lang)),
                     md(options.dataset_display_path.empty() ? results.dataset->path
                                                             : options.dataset_display_path));
  out += fmt::format("- {}: {}\n", md(ui(Ui::tables_used, lang)),
                     md(table_list(*results.dataset, false, lang)));
  out += fmt::format("- {}: {}\n", md(ui(Ui::tables_absent, lang)),
                     md(table_list(*results.dataset, true, lang)));
  if (const std::string skipped = skipped_sentence(*results.dataset, lang); !skipped.empty()) {
    out += fmt::format("- {}\n", md(skipped));
  }
  out += '\n';

  out += fmt::format("## {}\n\n", md(ui(Ui::headline, lang)));
  table_head(out, {ui(Ui::item, lang), ui(Ui::value, lang)});
  table_row(out, {md(ui(Ui::organizations, lang)), fmt::format("{}", summary.organizations)});
  table_row(out, {md(ui(Ui::mean_total, lang)), fixed2(summary.mean_total)});
  for (std::size_t g = 0; g <= rules.grades.size(); ++g) {
    const int grade = g == rules.grades.size() ? audit::ungraded : static_cast<int>(g);
    const double share = summary.organizations == 0
                             ? 0
                             : 100.0 * static_cast<double>(summary.grades[g]) /
                                   static_cast<double>(summary.organizations);
    table_row(out, {md(grade_label(rules, grade, lang)),
                    fmt::format("{} ({:.1f}%)", summary.grades[g], share)});
  }
  table_row(out, {md(ui(Ui::vetoed, lang)), fmt::format("{}", summary.vetoed)});
  table_row(out, {md(ui(Ui::waived, lang)), fmt::format("{}", summary.waivers)});
  for (std::size_t f = 0; f < rules.flags.size(); ++f) {
    table_row(out, {md(label(rules.flags[f].label, lang)), fmt::format("{}", summary.flags[f])});
  }

  out += fmt::format("\n## {}\n\n", md(ui(Ui::dimension_scores, lang)));
  table_head(out, {ui(Ui::dimension, lang), ui(Ui::average, lang), ui(Ui::weight, lang)});
  for (std::size_t d = 0; d < rules.dimensions.size(); ++d) {
    table_row(out, {md(label(rules.dimensions[d].label, lang)), fixed2(summary.dimension_means[d]),
                    shortest(rules.dimensions[d].weight)});
  }

  const auto group_table = [&](Ui title, Ui key, const std::vector<audit::GroupSummary>& groups,
                               auto name_of) {
    out += fmt::format("\n## {}\n\n", md(ui(title, lang)));
    std::vector<std::string_view> headers = {ui(key, lang), ui(Ui::count, lang),
                                             ui(Ui::mean_total, lang)};
    for (std::size_t g = 0; g <= rules.grades.size(); ++g) {
      headers.push_back(grade_label(
          rules, g == rules.grades.size() ? audit::ungraded : static_cast<int>(g), lang));
    }
    table_head(out, headers);
    for (const audit::GroupSummary& group : groups) {
      std::vector<std::string> cells = {
          md(name_of(group.key)), fmt::format("{}", group.organizations), fixed2(group.mean_total)};
      for (std::size_t count : group.grades) {
        cells.push_back(fmt::format("{}", count));
      }
      table_row(out, cells);
    }
  };
  const schema::Schema& schema = *results.dataset->schema;
  group_table(Ui::by_region, Ui::region, summary.by_region,
              [&](const std::string& code) { return region_name(schema, code, lang); });
  group_table(Ui::by_type, Ui::type, summary.by_type,
              [&](const std::string& key) { return type_name(schema, key, lang); });
}

void append_program(std::string& out, const audit::ProgramFigures& program, rules::Lang lang)
{
  out += fmt::format(
      "\n## {}\n\n{}\n\n", md(ui(Ui::program, lang)),
      md(fmt::format(fmt::runtime(ui(Ui::program_scope, lang)), program.organizations)));
  table_head(out, {ui(Ui::item, lang), ui(Ui::value, lang)});
  for (const ProgramFigureRow& figure : program_figure_rows(program, lang)) {
    table_row(out, {md(ui(figure.key, lang)), md(figure.text)});
  }
  std::string units = program.honors_known ? "" : md(ui(Ui::unknown_figure, lang));
  for (const std::string& name : program.demonstration_units) {
    units += units.empty() ? "" : "、";
    units += md(shorten(name));
  }
  table_row(out, {md(ui(Ui::demonstration_units, lang)), units});
}

// The flagged organizations with a section in the report, and how many more
// each flag has, as the HTML report lists them.
void append_flagged(std::string& out, const audit::Results& results, const audit::Summary& summary,
                    const OrgView& view, const DetailSelection& detail,
                    const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  out += fmt::format("\n## {}\n", md(ui(Ui::flagged_orgs, lang)));
  if (summary.flagged == 0) {
    out += fmt::format("\n{}\n", md(ui(Ui::no_flagged, lang)));
  }
  for (std::size_t f = 0; f < rules.flags.size(); ++f) {
    if (summary.flags[f] == 0) {
      continue;
    }
    const rules::Flag& flag = rules.flags[f];
    out += fmt::format("\n### {} ({})\n\n", md(label(flag.label, lang)), summary.flags[f]);
    std::vector<std::string_view> headers = {ui(Ui::uscc, lang), ui(Ui::name, lang),
                                             ui(Ui::region, lang), ui(Ui::criteria, lang)};
    if (options.evidence != nullptr) {
      headers.push_back(ui(Ui::evidence, lang));
    }
    table_head(out, headers);
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
      std::string criteria;
      for (std::size_t c = 0; c < flag.criteria.size(); ++c) {
        criteria += c == 0 ? "" : "<br>";
        criteria +=
            md(fmt::format("{} {}: {}", flag.criteria[c].id, label(flag.criteria[c].label, lang),
                           criterion_status_label(results.criterion(o, f, c), lang)));
      }
      std::vector<std::string> cells = {md(view.uscc(org)), md(shorten(view.name(org))),
                                        md(view.region_label(org, lang)), criteria};
      if (options.evidence != nullptr) {
        cells.push_back(md(evidence_text(
            *results.dataset, options.evidence->evidence(o, {rules::RuleRef::Kind::flag, f, 0}),
            lang)));
      }
      table_row(out, cells);
    }
    if (not_listed > 0) {
      out += fmt::format(
          "\n{}\n",
          md(fmt::format(fmt::runtime(html_text(HtmlText::flagged_left_out, lang)), not_listed)));
    }
  }
}

void append_most_failed(std::string& out, const audit::Results& results,
                        const audit::Summary& summary, rules::Lang lang)
{
  const rules::RuleSet& rules = *results.ruleset;
  out += fmt::format("\n## {}\n\n", md(ui(Ui::most_failed, lang)));
  table_head(out, {ui(Ui::rule, lang), ui(Ui::indicator, lang), ui(Ui::failed, lang),
                   ui(Ui::partial, lang), ui(Ui::missing, lang), ui(Ui::count, lang)});
  for (std::size_t k = 0; k < std::min(most_failed_rows, summary.most_failed.size()); ++k) {
    const audit::IndicatorFailures& row = summary.most_failed[k];
    const rules::Indicator& indicator = rules.indicators[row.indicator];
    table_row(out, {code(indicator.id), md(label(indicator.label, lang)),
                    fmt::format("{}", row.failed), fmt::format("{}", row.partial),
                    fmt::format("{}", row.missing), fmt::format("{}", row.total())});
  }
}

void append_org(std::string& out, const audit::Results& results, const OrgView& view, std::size_t o,
                const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  const audit::OrgResult& org = results.organizations[o];
  out += fmt::format("\n### {} ({})\n\n", md(shorten(view.name(org.org))), md(view.uscc(org.org)));
  const std::vector<Fact> facts = org_facts(results, view, o, lang);
  for (std::size_t k = 0; k < facts.size(); ++k) {
    out += fmt::format("{}{} {}", k == 0 ? "" : " · ", md(facts[k].key), md(facts[k].value));
  }
  out += "\n";
  const std::vector<Finding> findings = org_findings(results, o);
  if (!findings.empty()) {
    out += '\n';
    table_head(out, {ui(Ui::rule, lang), ui(Ui::indicator, lang), ui(Ui::status, lang),
                     ui(Ui::earned, lang), ui(Ui::severity, lang), ui(Ui::remediation, lang)});
    for (const Finding& finding : findings) {
      const bool indicator = finding.rule.kind == rules::RuleRef::Kind::indicator;
      const std::string remedy = md(label(rules.info(finding.rule).remediation, lang));
      table_row(
          out,
          {id_cell(rules, finding.rule), md(label(rules.info(finding.rule).label, lang)),
           md(indicator
                  ? status_label(finding.status, lang)
                  : ui(finding.rule.kind == rules::RuleRef::Kind::veto ? Ui::vetoed : Ui::flagged,
                       lang)),
           indicator ? fmt::format("{} / {}", shortest(finding.earned), shortest(finding.points))
                     : "–",
           md(severity_label(rules.info(finding.rule).severity, lang)), remedy});
    }
  }
  if (!org.waived.empty()) {
    out += fmt::format("\n{}:\n\n", md(ui(Ui::waived, lang)));
    table_head(out, {ui(Ui::rule, lang), ui(Ui::reason, lang), ui(Ui::approved_by, lang),
                     ui(Ui::expires, lang)});
    for (const audit::AppliedWaiver& waiver : org.waived) {
      table_row(out, {code(waiver.rule), md(waiver.reason), md(waiver.approved_by),
                      format_date(waiver.expires)});
    }
  }
  if (options.recoverable) {
    const std::vector<audit::Recoverable> gains = options.recoverable(o);
    if (!gains.empty()) {
      out += fmt::format("\n{}:", md(ui(Ui::recoverable, lang)));
      for (std::size_t k = 0; k < gains.size(); ++k) {
        const rules::Indicator& indicator = rules.indicators[gains[k].indicator];
        out += fmt::format("{} `{}` {} +{}", k == 0 ? " " : " · ", md(indicator.id),
                           md(label(indicator.label, lang)), fixed2(gains[k].gain));
      }
      out += '\n';
    }
  }
}

} // namespace

void render_markdown(const audit::Results& results, const audit::Summary& summary,
                     const RenderOptions& options, Output& out)
{
  const OrgView view(*results.dataset);
  std::string buffer;
  append_summary(buffer, results, summary, options);
  if (options.program != nullptr) {
    append_program(buffer, *options.program, options.lang);
  }
  // The sections the default --detail measures are rendered once and kept.
  std::vector<std::string> rendered;
  const DetailSelection detail =
      select_detail(results, options.detail, [&](std::size_t, std::size_t o) {
        append_org(rendered.emplace_back(), results, view, o, options);
        return rendered.back().size();
      });
  append_flagged(buffer, results, summary, view, detail, options);
  append_most_failed(buffer, results, summary, options.lang);
  buffer += fmt::format(
      "\n## {}\n\n{}\n", md(ui(Ui::org_sections, options.lang)),
      md(fmt::format(fmt::runtime(ui(Ui::compact_note, options.lang)), detail.without_findings)));
  if (detail.left_out() > 0) {
    buffer += fmt::format("\n{}\n", md(left_out_text(detail, options)));
  }
  for (std::size_t k = 0; k < detail.shown; ++k) {
    if (k < rendered.size()) {
      buffer += rendered[k];
    } else {
      append_org(buffer, results, view, detail.order[k], options);
    }
    if (buffer.size() > 1 << 16) {
      out.write(buffer);
      buffer.clear();
    }
  }
  // Every rule once with its points, severity and basis.
  const rules::RuleSet& rules = *results.ruleset;
  buffer += fmt::format("\n## {}\n\n", md(ui(Ui::rules_basis, options.lang)));
  table_head(buffer, {ui(Ui::rule, options.lang), ui(Ui::indicator, options.lang),
                      ui(Ui::points, options.lang), ui(Ui::severity, options.lang),
                      ui(Ui::basis, options.lang)});
  for (const rules::RuleRef& ref : rules.all_rules()) {
    const double points = rules.points(ref);
    table_row(buffer, {id_cell(rules, ref), md(label(rules.info(ref).label, options.lang)),
                       std::isnan(points) ? std::string("–") : shortest(points),
                       md(severity_label(rules.info(ref).severity, options.lang)),
                       md(basis_text(rules.info(ref), options.lang))});
  }
  out.write(buffer);
}

} // namespace orgaudit::report::detail
