#include <orgaudit/report/explain.hpp>

#include <algorithm>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include <orgaudit/audit/evidence.hpp>
#include <orgaudit/report/explain_facts.hpp>
#include <orgaudit/report/findings.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/org_view.hpp>
#include <orgaudit/report/renderers.hpp>

namespace orgaudit::report {

namespace {

// The words of the text view, in each language (statuses, severities and
// grades come from labels.hpp).
struct Phrases {
  std::string_view as_of;  // the audit date
  std::string_view totals; // total, total without waivers, grade, coverage, vetoed
  std::string_view vetoed;
  std::string_view vetoes;
  std::string_view deductions;
  std::string_view bonuses;
  std::string_view holds;
  std::string_view points; // a deduction's or bonus's points
  std::string_view flag;   // label, raised or not
  std::string_view raised;
  std::string_view not_raised;
  std::string_view pass; // the expressions, with --rule
  std::string_view score;
  std::string_view when;
  std::string_view applies;
  std::string_view basis;
  std::string_view remediation;
  std::string_view waived; // rule, reason, approved by, expires
  std::string_view recoverable;
  std::string_view veto_cap; // the grade a veto caps the total at
};

constexpr Phrases english = {
    "  as of {}\n",
    "  total {} (without waivers {}) · grade {} · coverage {}%{}\n",
    " · vetoed",
    "Vetoes",
    "Deductions",
    "Bonuses",
    "holds",
    " ({} points)",
    "\nFlag {}: {}\n",
    "raised",
    "not raised",
    "condition",
    "score",
    "when",
    "applies if",
    "basis",
    "remediation",
    "\nWaived {}: {} (approved by {}, expires {})\n",
    "Points recoverable",
    "  While a veto holds, the grade is at most {} whatever the points; fix it first:\n",
};

constexpr Phrases chinese = {
    "  评价基准日 {}\n",
    "  总分 {}（不计豁免 {}）· 等级 {} · 数据覆盖率 {}%{}\n",
    " · 一票否决",
    "否决项",
    "扣分项",
    "加分项",
    "成立",
    "（{} 分）",
    "\n标记 {}：{}\n",
    "已标记",
    "未标记",
    "判定条件",
    "计分公式",
    "成立条件",
    "适用条件",
    "依据",
    "整改建议",
    "\n豁免 {}：{}（批准单位 {}，有效期至 {}）\n",
    "可挽回分值",
    "  一票否决有效期间，等级不超过{}，无论得分多少；请先整改否决项：\n",
};

// The points each finding of the organization would recover; none without
// render.recoverable.
std::vector<audit::Recoverable> recoverable_points(const RenderOptions& render)
{
  return render.recoverable ? render.recoverable(0) : std::vector<audit::Recoverable>();
}

class ExplainText {
 public:
  ExplainText(const audit::Results& results, const RenderOptions& render, const std::string& only,
              Output& out)
      : m_results(results), m_set(*results.ruleset), m_render(render), m_lang(render.lang),
        m_words(m_lang == rules::Lang::zh ? chinese : english), m_only(only), m_out(out)
  {
  }

  void render()
  {
    const OrgView view(*m_results.dataset);
    const audit::OrgResult& org = m_results.organizations[0];
    write(fmt::format("{}  {}\n", view.uscc(org.org), view.name(org.org)));
    write(fmt::format("  {} · {} · {} · {}:{}\n", view.type_label(org.org, m_lang),
                      view.region_label(org.org, m_lang), view.status_label(org.org, m_lang),
                      view.source_file(), view.source_line(org.org)));
    write(fmt::format(fmt::runtime(m_words.as_of), format_date(m_results.as_of)));
    write(fmt::format(fmt::runtime(m_words.totals), fixed2(org.total),
                      fixed2(org.total_without_waivers), grade_label(m_set, org.grade, m_lang),
                      shortest(std::round(org.coverage * 1000) / 10),
                      org.vetoed ? m_words.vetoed : ""));
    write("\n");
    for (std::size_t d = 0; d < m_set.dimensions.size(); ++d) {
      dimension(d);
    }
    conditions(m_words.vetoes, m_set.vetoes, rules::RuleRef::Kind::veto);
    conditions(m_words.deductions, m_set.deductions, rules::RuleRef::Kind::deduction);
    conditions(m_words.bonuses, m_set.bonuses, rules::RuleRef::Kind::bonus);
    flags();
    waivers(org);
    if (m_only.empty()) {
      recoverable(org);
    }
  }

 private:
  void write(std::string_view text) { m_out.write(text); }

  bool shown(const std::string& id) const { return m_only.empty() || m_only == id; }

  // `key: text`, indented under a rule (an expression, the basis, a remedy).
  void keyed(std::string_view key, std::string_view text)
  {
    if (!text.empty()) {
      write(
          fmt::format(fmt::runtime(m_lang == rules::Lang::zh ? "      {}：{}\n" : "      {}: {}\n"),
                      key, text));
    }
  }

  // What decided `ref`: the rows it read, then the labelled values and the
  // empty tables.
  void evidence(const rules::RuleRef& ref)
  {
    if (m_render.evidence == nullptr) {
      return;
    }
    const data::Dataset& dataset = *m_results.dataset;
    for (const std::string& line :
         detail::evidence_lines(dataset, m_render.evidence->evidence(0, ref), m_lang)) {
      write(fmt::format("        {}\n", line));
    }
    for (const std::string& line :
         detail::fact_lines(dataset, m_render.evidence->facts(0, ref), m_lang)) {
      write(fmt::format("        {}\n", line));
    }
  }

  // With --rule: the rule's basis and remediation.
  void basis_and_remedy(const rules::RuleInfo& rule)
  {
    keyed(m_words.basis, basis_text(rule, m_lang));
    keyed(m_words.remediation, rule.remediation.get(m_lang));
  }

  void dimension(std::size_t d)
  {
    const rules::Dimension& dimension = m_set.dimensions[d];
    const double score = m_results.dimension_score(0, d);
    if (m_only.empty()) {
      write(fmt::format("{}  {} / {}\n", dimension.label.get(m_lang),
                        std::isnan(score) ? std::string("—") : fixed2(score),
                        shortest(dimension.weight)));
    }
    for (std::size_t i : dimension.indicators) {
      const rules::Indicator& indicator = m_set.indicators[i];
      if (!shown(indicator.id)) {
        continue;
      }
      const audit::IndicatorResult& result = m_results.indicator(0, i);
      write(fmt::format("  {:<8} {:<14} {:>5}/{:<4} {} [{}]\n", indicator.id,
                        status_label(result.status, m_lang), shortest(result.earned),
                        shortest(indicator.points), indicator.label.get(m_lang),
                        severity_label(indicator.severity, m_lang)));
      const bool explained =
          result.status != audit::Status::pass && result.status != audit::Status::not_applicable;
      if (!m_only.empty() || explained) {
        evidence({rules::RuleRef::Kind::indicator, i, 0});
      }
      if (!m_only.empty()) {
        if (indicator.applies) {
          keyed(m_words.applies, indicator.applies->source);
        }
        keyed(indicator.pass ? m_words.pass : m_words.score,
              indicator.pass ? indicator.pass->source : indicator.score->source);
        basis_and_remedy(indicator);
        continue;
      }
      const std::string& remediation = indicator.remediation.get(m_lang);
      if (explained && result.status != audit::Status::waived && !remediation.empty()) {
        write(fmt::format("      → {}\n", remediation));
      }
    }
  }

  void conditions(std::string_view title, const std::vector<rules::Condition>& list,
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
        write(fmt::format("\n{}\n", title));
        header = true;
      }
      const std::string points =
          kind == rules::RuleRef::Kind::veto
              ? std::string()
              : fmt::format(fmt::runtime(m_words.points), shortest(list[i].points));
      write(fmt::format("  {:<8} {:<6} {}{}\n", list[i].id, held ? m_words.holds : "—",
                        list[i].label.get(m_lang), points));
      evidence({kind, i, 0});
      if (!m_only.empty()) {
        keyed(m_words.when, list[i].when.source);
        basis_and_remedy(list[i]);
      } else if (kind != rules::RuleRef::Kind::bonus && !list[i].remediation.get(m_lang).empty()) {
        write(fmt::format("      → {}\n", list[i].remediation.get(m_lang)));
      }
    }
  }

  void flags()
  {
    for (std::size_t f = 0; f < m_set.flags.size(); ++f) {
      const rules::Flag& flag = m_set.flags[f];
      const bool whole = shown(flag.id);
      if (!whole && std::none_of(flag.criteria.begin(), flag.criteria.end(),
                                 [&](const rules::Criterion& c) { return shown(c.id); })) {
        continue;
      }
      const bool raised = m_results.flag_raised(0, f);
      write(fmt::format(fmt::runtime(m_words.flag), flag.label.get(m_lang),
                        raised ? m_words.raised : m_words.not_raised));
      for (std::size_t c = 0; c < flag.criteria.size(); ++c) {
        const rules::Criterion& criterion = flag.criteria[c];
        if (!whole && !shown(criterion.id)) {
          continue;
        }
        const audit::CriterionStatus status = m_results.criterion(0, f, c);
        write(fmt::format("  {:<8} {:<9} {}\n", criterion.id,
                          criterion_status_label(status, m_lang), criterion.label.get(m_lang)));
        if (!m_only.empty() || status != audit::CriterionStatus::no_match) {
          evidence({rules::RuleRef::Kind::criterion, f, c});
        }
        if (!m_only.empty()) {
          keyed(m_words.when, criterion.when.source);
          keyed(m_words.basis, basis_text(criterion, m_lang));
        }
      }
      if (!m_only.empty()) {
        basis_and_remedy(flag);
      } else if (raised && !flag.remediation.get(m_lang).empty()) {
        write(fmt::format("      → {}\n", flag.remediation.get(m_lang)));
      }
    }
  }

  void waivers(const audit::OrgResult& org)
  {
    for (const audit::AppliedWaiver& waiver : org.waived) {
      write(fmt::format(fmt::runtime(m_words.waived), waiver.rule, waiver.reason,
                        waiver.approved_by, format_date(waiver.expires)));
    }
  }

  // The points each finding would recover; while a veto holds, first that
  // the grade stays capped whatever they add, and the vetoes' remedies.
  void recoverable(const audit::OrgResult& org)
  {
    const auto gains = recoverable_points(m_render);
    if (gains.empty() && !org.vetoed) {
      return;
    }
    write(fmt::format("\n{}\n", m_words.recoverable));
    if (org.vetoed) {
      write(fmt::format(fmt::runtime(m_words.veto_cap),
                        label(m_set.grades[m_set.veto_grade].label, m_lang)));
      for (std::size_t v = 0; v < m_set.vetoes.size(); ++v) {
        if (m_results.veto_held(0, v)) {
          const rules::Condition& veto = m_set.vetoes[v];
          write(fmt::format("  !       {:<8} {}\n", veto.id, veto.label.get(m_lang)));
          if (!veto.remediation.get(m_lang).empty()) {
            write(fmt::format("      → {}\n", veto.remediation.get(m_lang)));
          }
        }
      }
    }
    for (const audit::Recoverable& gain : gains) {
      const rules::Indicator& indicator = m_set.indicators[gain.indicator];
      write(fmt::format("  +{:<6} {:<8} {}\n", fixed2(gain.gain), indicator.id,
                        indicator.label.get(m_lang)));
    }
  }

  const audit::Results& m_results;
  const rules::RuleSet& m_set;
  const RenderOptions& m_render;
  rules::Lang m_lang;
  const Phrases& m_words;
  const std::string& m_only;
  Output& m_out;
};

std::string explain_json(const audit::Results& results, const RenderOptions& render,
                         const ExplainOptions& options)
{
  std::string text = "{\"organization\": ";
  detail::append_org_json(text, results, OrgView(*results.dataset), 0, render);
  text += ", \"points_recoverable\": [";
  bool first = true;
  for (const audit::Recoverable& gain : recoverable_points(render)) {
    text +=
        fmt::format("{}{{\"id\": \"{}\", \"gain\": {}}}", first ? "" : ", ",
                    results.ruleset->indicators[gain.indicator].id, detail::json_real(gain.gain));
    first = false;
  }
  text += ']';
  if (!options.trend.empty()) {
    text += ", \"trend\": ";
    text += options.trend;
  }
  text += "}\n";
  return text;
}

} // namespace

void render_explain(Format format, const audit::Results& results, const RenderOptions& render,
                    const ExplainOptions& options, Output& out)
{
  if (format == Format::json) {
    out.write(explain_json(results, render, options));
    return;
  }
  ExplainText(results, render, options.rule, out).render();
  out.write(options.trend);
}

} // namespace orgaudit::report
