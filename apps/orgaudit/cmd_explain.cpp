#include <cmath>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <orgaudit/audit/evidence.hpp>
#include <orgaudit/cli.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/evaluate.hpp>
#include <orgaudit/history/labels.hpp>
#include <orgaudit/history/run_output.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/org_view.hpp>
#include <orgaudit/report/output.hpp>
#include <orgaudit/report/renderers.hpp>
#include <orgaudit/run_history.hpp>

namespace orgaudit::cli {

namespace {

struct ExplainOptions {
  EvaluateOptions evaluate;
  HistoryOptions history;
  std::string uscc;
  std::string rule;
};

std::string evidence_value(const audit::EvidenceCell& cell)
{
  switch (cell.kind) {
  case audit::EvidenceCell::Kind::null:
    return "null";
  case audit::EvidenceCell::Kind::boolean:
    return cell.boolean ? "true" : "false";
  case audit::EvidenceCell::Kind::integer:
    return std::to_string(cell.integer);
  case audit::EvidenceCell::Kind::number:
    return report::shortest(cell.number);
  case audit::EvidenceCell::Kind::money:
    return report::money_text(cell.number);
  case audit::EvidenceCell::Kind::text:
    return std::string(cell.text);
  case audit::EvidenceCell::Kind::date:
    return format_date(cell.date);
  }
  return {};
}

// The text view of one organization: every rule with its status, points and
// the cells that decided it, then what fixing each finding would add.
class ExplainText {
 public:
  ExplainText(const audit::Results& results, rules::Lang lang, const std::string& only,
              report::Output& out)
      : m_results(results), m_set(*results.ruleset), m_lang(lang), m_only(only), m_out(out),
        m_evidence(results)
  {
  }

  void render()
  {
    const report::OrgView view(*m_results.dataset);
    const audit::OrgResult& org = m_results.organizations[0];
    m_out.write(fmt::format("{}  {}\n", view.uscc(org.org), view.name(org.org)));
    m_out.write(fmt::format("  {} · {} · {} · {}:{}\n", view.type_label(org.org, m_lang),
                            report::region_name(view.region(org.org), m_lang),
                            view.status_label(org.org, m_lang), view.source_file(),
                            view.source_line(org.org)));
    m_out.write(fmt::format("  total {} (without waivers {}) · grade {} · coverage {}%{}\n\n",
                            report::fixed2(org.total), report::fixed2(org.total_without_waivers),
                            report::grade_label(m_set, org.grade, m_lang),
                            report::shortest(std::round(org.coverage * 1000) / 10),
                            org.vetoed ? " · VETOED" : ""));
    for (std::size_t d = 0; d < m_set.dimensions.size(); ++d) {
      dimension(d);
    }
    conditions("vetoes", m_set.vetoes, rules::RuleRef::Kind::veto);
    conditions("deductions", m_set.deductions, rules::RuleRef::Kind::deduction);
    conditions("bonuses", m_set.bonuses, rules::RuleRef::Kind::bonus);
    flags();
    waivers(org);
    if (m_only.empty()) {
      recoverable();
    }
  }

 private:
  bool shown(const std::string& id) const { return m_only.empty() || m_only == id; }

  // The file a table was read from, as diagnostics name it.
  std::string_view source_of(std::string_view table) const
  {
    for (const data::TableData& data : m_results.dataset->tables) {
      if (data.table->name == table && !data.source.empty()) {
        return data.source;
      }
    }
    return table;
  }

  void evidence(const rules::RuleRef& ref)
  {
    for (const audit::EvidenceCell& cell : m_evidence.evidence(0, ref)) {
      m_out.write(fmt::format("        {}.{} = {}  ({}:{})\n", cell.table, cell.column,
                              evidence_value(cell), source_of(cell.table), cell.line));
    }
  }

  void dimension(std::size_t d)
  {
    const rules::Dimension& dimension = m_set.dimensions[d];
    const double score = m_results.dimension_score(0, d);
    if (m_only.empty()) {
      m_out.write(fmt::format("{}  {} / {}\n", dimension.label.get(m_lang),
                              std::isnan(score) ? std::string("—") : report::fixed2(score),
                              report::shortest(dimension.weight)));
    }
    for (std::size_t i : dimension.indicators) {
      const rules::Indicator& indicator = m_set.indicators[i];
      if (!shown(indicator.id)) {
        continue;
      }
      const audit::IndicatorResult& result = m_results.indicator(0, i);
      m_out.write(fmt::format("  {:<8} {:<14} {:>5}/{:<4} {} [{}]\n", indicator.id,
                              std::string(audit::status_name(result.status)),
                              report::shortest(result.earned), report::shortest(indicator.points),
                              indicator.label.get(m_lang),
                              rules::severity_name(indicator.severity)));
      if (!m_only.empty() || result.status != audit::Status::pass) {
        evidence({rules::RuleRef::Kind::indicator, i, 0});
      }
      if (!m_only.empty()) {
        m_out.write(fmt::format("      {}: {}\n", indicator.pass ? "pass" : "score",
                                indicator.pass ? indicator.pass->source : indicator.score->source));
        if (!indicator.basis.empty()) {
          m_out.write(fmt::format("      basis: {}\n", indicator.basis));
        }
      }
      const std::string& remediation = indicator.remediation.get(m_lang);
      if (result.status != audit::Status::pass && result.status != audit::Status::not_applicable &&
          result.status != audit::Status::waived && !remediation.empty()) {
        m_out.write(fmt::format("      → {}\n", remediation));
      }
    }
  }

  void conditions(const char* title, const std::vector<rules::Condition>& list,
                  rules::RuleRef::Kind kind)
  {
    bool header = false;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const bool held = kind == rules::RuleRef::Kind::veto        ? m_results.veto_held(0, i)
                        : kind == rules::RuleRef::Kind::deduction ? m_results.deduction_held(0, i)
                                                                  : m_results.bonus_held(0, i);
      if (!shown(list[i].id) || (!held && m_only.empty())) {
        continue;
      }
      if (!header) {
        m_out.write(fmt::format("\n{}\n", title));
        header = true;
      }
      m_out.write(fmt::format("  {:<8} {:<6} {}{}\n", list[i].id, held ? "holds" : "—",
                              list[i].label.get(m_lang),
                              kind == rules::RuleRef::Kind::veto
                                  ? std::string()
                                  : fmt::format(" ({} points)", report::shortest(list[i].points))));
      evidence({kind, i, 0});
    }
  }

  void flags()
  {
    for (std::size_t f = 0; f < m_set.flags.size(); ++f) {
      const rules::Flag& flag = m_set.flags[f];
      const bool raised = m_results.flag_raised(0, f);
      if (!shown(flag.id) && std::none_of(flag.criteria.begin(), flag.criteria.end(),
                                          [&](const rules::Criterion& c) { return shown(c.id); })) {
        continue;
      }
      m_out.write(fmt::format("\nflag {} {}: {}\n", flag.id, flag.label.get(m_lang),
                              raised ? "RAISED" : "not raised"));
      for (std::size_t c = 0; c < flag.criteria.size(); ++c) {
        const audit::CriterionStatus status = m_results.criterion(0, f, c);
        m_out.write(fmt::format("  {:<8} {:<9} {}\n", flag.criteria[c].id,
                                std::string(audit::criterion_status_name(status)),
                                flag.criteria[c].label.get(m_lang)));
        if (status != audit::CriterionStatus::no_match) {
          evidence({rules::RuleRef::Kind::criterion, f, c});
        }
      }
    }
  }

  void waivers(const audit::OrgResult& org)
  {
    for (const audit::AppliedWaiver& waiver : org.waived) {
      m_out.write(fmt::format("\nwaived {}: {} (approved by {}, expires {})\n", waiver.rule,
                              waiver.reason, waiver.approved_by, format_date(waiver.expires)));
    }
  }

  void recoverable()
  {
    const auto gains = audit::points_recoverable(m_results, 0);
    if (gains.empty()) {
      return;
    }
    m_out.write("\npoints recoverable\n");
    for (const audit::Recoverable& gain : gains) {
      const rules::Indicator& indicator = m_set.indicators[gain.indicator];
      m_out.write(fmt::format("  +{:<6} {:<8} {}\n", report::fixed2(gain.gain), indicator.id,
                              indicator.label.get(m_lang)));
    }
  }

  const audit::Results& m_results;
  const rules::RuleSet& m_set;
  rules::Lang m_lang;
  const std::string& m_only;
  report::Output& m_out;
  audit::TracingEvidence m_evidence;
};

int run_explain(ExplainOptions options)
{
  options.evaluate.organizations = {options.uscc};
  const auto requests = output_requests(options.evaluate, report::Format::text);
  RunHistory past(options.history, "explain");
  const Evaluation evaluation = evaluate(options.evaluate);
  if (!options.rule.empty() && !evaluation.ruleset->find(options.rule)) {
    throw UsageError(fmt::format("--rule: the rule set has no rule \"{}\"", options.rule));
  }
  const audit::Results& results = *evaluation.results;
  // --db: the organization's results over the recorded runs, then this one.
  const auto trend = past.enabled() ? past.trend(evaluation, options.evaluate)
                                    : std::vector<history::TrajectoryPoint>();
  for (const OutputRequest& request : requests) {
    std::unique_ptr<report::Output> out;
    if (request.file.empty()) {
      out = std::make_unique<report::StreamOutput>(stdout);
    } else {
      out = std::make_unique<report::FileOutput>(request.file);
    }
    if (request.format == report::Format::json) {
      report::RenderOptions render = render_options(evaluation, options.evaluate, false);
      const audit::TracingEvidence evidence(results);
      render.evidence = &evidence;
      std::string text = "{\"organization\": ";
      report::detail::append_org_json(text, results, report::OrgView(*evaluation.dataset), 0,
                                      render);
      text += ", \"points_recoverable\": [";
      bool first = true;
      for (const audit::Recoverable& gain : audit::points_recoverable(results, 0)) {
        text += fmt::format("{}{{\"id\": \"{}\", \"gain\": {}}}", first ? "" : ", ",
                            evaluation.ruleset->indicators[gain.indicator].id,
                            report::detail::json_real(gain.gain));
        first = false;
      }
      text += ']';
      if (past.enabled()) {
        text += ", \"trend\": ";
        history::append_trajectory_json(text, trend);
      }
      text += "}\n";
      out->write(text);
    } else {
      ExplainText(results, evaluation.lang, options.rule, *out).render();
      if (past.enabled()) {
        out->write(fmt::format("\n{}\n{}", history::text(history::Text::trend, evaluation.lang),
                               history::trajectory_text(trend, evaluation.lang)));
      }
    }
    out->finish();
  }
  return threshold_exit_code(results, options.evaluate);
}

} // namespace

void add_explain_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* explain = app.add_subcommand(
      "explain", "Explain one organization's result: evidence and points recoverable");
  explain->add_option("uscc", options->uscc, "the organization's USCC")->required();
  add_evaluate_options(*explain, options->evaluate, true, {"text", "json"});
  add_history_options(*explain, options->history, HistoryUse::read);
  explain->add_option("--rule", options->rule,
                      "only this rule (indicator, veto, deduction, bonus, flag or criterion)");
  explain->callback(
      [&command, options] { command.action = [options] { return run_explain(*options); }; });
}

} // namespace orgaudit::cli
