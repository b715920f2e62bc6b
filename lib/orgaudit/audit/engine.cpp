#include <orgaudit/audit/engine.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include <orgaudit/audit/scoring.hpp>
#include <orgaudit/core/interrupt.hpp>
#include <orgaudit/core/parallel.hpp>
#include <orgaudit/expr/evaluator.hpp>

namespace orgaudit::audit {

namespace {

using rules::RuleRef;

// The waivers that apply to one organization, by rule.
struct WaiverIndex {
  std::vector<const rules::Waiver*> everyone;
  std::unordered_map<std::uint32_t, std::vector<const rules::Waiver*>> by_org;

  const rules::Waiver* find(std::uint32_t org, std::string_view rule) const
  {
    if (auto it = by_org.find(org); it != by_org.end()) {
      for (const auto* waiver : it->second) {
        if (waiver->rule == rule) {
          return waiver;
        }
      }
    }
    for (const auto* waiver : everyone) {
      if (waiver->rule == rule) {
        return waiver;
      }
    }
    return nullptr;
  }
  bool empty() const { return everyone.empty() && by_org.empty(); }
};

// Evaluates one organization into its slices of `results`.
class OrganizationScorer {
 public:
  OrganizationScorer(Results& results, const WaiverIndex& waivers,
                     std::vector<std::size_t>& divisions)
      : m_results(results), m_set(*results.ruleset), m_waivers(waivers),
        m_evaluator(*results.dataset, results.as_of), m_divisions(divisions),
        m_raw(m_set.indicators.size()), m_raw_vetoes(m_set.vetoes.size()),
        m_dimensions(m_set.dimensions.size())
  {
  }

  void score(std::size_t position)
  {
    OrgResult& org = m_results.organizations[position];
    const std::uint32_t index = org.org;
    const std::span<IndicatorResult> indicators = m_results.indicator_results.row(position);
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      m_raw[i] = indicator(m_set.indicators[i], index, i);
      indicators[i] = m_raw[i];
    }
    const std::span<std::uint8_t> vetoes = m_results.vetoes_held.row(position);
    for (std::size_t v = 0; v < vetoes.size(); ++v) {
      m_raw_vetoes[v] = holds(m_set.vetoes[v].when, index);
      vetoes[v] = m_raw_vetoes[v];
    }
    const std::span<std::uint8_t> deductions = m_results.deductions_held.row(position);
    for (std::size_t d = 0; d < deductions.size(); ++d) {
      deductions[d] = holds(m_set.deductions[d].when, index);
    }
    const std::span<std::uint8_t> bonuses = m_results.bonuses_held.row(position);
    for (std::size_t b = 0; b < bonuses.size(); ++b) {
      bonuses[b] = holds(m_set.bonuses[b].when, index);
    }
    flags(position, index);

    const Score unwaived =
        compute_score(m_set, m_raw, m_raw_vetoes, bonuses, deductions, m_dimensions);
    org.total_without_waivers = unwaived.total;
    org.grade_without_waivers = unwaived.grade;
    if (!m_waivers.empty()) {
      apply_waivers(position);
    }
    const Score waived = compute_score(m_set, indicators, vetoes, bonuses, deductions,
                                       m_results.dimension_scores.row(position));
    org.total = waived.total;
    org.coverage = waived.coverage;
    org.grade = waived.grade;
    org.vetoed = waived.vetoed;
  }

 private:
  IndicatorResult indicator(const rules::Indicator& rule, std::uint32_t org, std::size_t i)
  {
    if (rule.applies) {
      const expr::Outcome applies = evaluate(*rule.applies->program, org, i);
      if (applies.kind == expr::Outcome::Kind::error) {
        return {Status::error, 0};
      }
      if (applies.kind == expr::Outcome::Kind::null || !applies.boolean) {
        return {Status::not_applicable, 0};
      }
    }
    const bool scored = rule.score.has_value();
    const expr::Outcome outcome = evaluate(*(scored ? rule.score : rule.pass)->program, org, i);
    if (outcome.kind == expr::Outcome::Kind::error) {
      return {Status::error, 0};
    }
    if (outcome.kind == expr::Outcome::Kind::null || (scored && std::isnan(outcome.number))) {
      return {Status::missing, 0};
    }
    const double earned = scored ? std::clamp(outcome.number, 0.0, rule.points)
                                 : (outcome.boolean ? rule.points : 0.0);
    const Status status = earned >= rule.points ? Status::pass
                          : earned <= 0         ? Status::fail
                                                : Status::partial;
    return {status, earned};
  }

  expr::Outcome evaluate(const expr::Program& program, std::uint32_t org, std::size_t indicator)
  {
    expr::Outcome outcome = m_evaluator.evaluate(program, org);
    if (outcome.divided_by_zero) {
      ++m_divisions[indicator];
    }
    return outcome;
  }

  std::uint8_t holds(const rules::Expression& when, std::uint32_t org)
  {
    const expr::Outcome outcome = m_evaluator.evaluate(*when.program, org);
    return outcome.kind == expr::Outcome::Kind::value && outcome.boolean ? 1 : 0;
  }

  void flags(std::size_t position, std::uint32_t org)
  {
    for (std::size_t f = 0; f < m_set.flags.size(); ++f) {
      const rules::Flag& flag = m_set.flags[f];
      const std::span<CriterionStatus> statuses = m_results.criteria_of(position, f);
      std::size_t matches = 0;
      for (std::size_t c = 0; c < flag.criteria.size(); ++c) {
        const expr::Outcome outcome = m_evaluator.evaluate(*flag.criteria[c].when.program, org);
        if (outcome.kind != expr::Outcome::Kind::value) {
          statuses[c] = CriterionStatus::missing;
        } else if (outcome.boolean && !waived(org, flag.criteria[c].id, position)) {
          statuses[c] = CriterionStatus::match;
          ++matches;
        } else {
          statuses[c] = CriterionStatus::no_match;
        }
      }
      bool raised = false;
      switch (flag.match) {
      case rules::Flag::Match::any:
        raised = matches > 0;
        break;
      case rules::Flag::Match::all:
        raised = !flag.criteria.empty() && matches == flag.criteria.size();
        break;
      case rules::Flag::Match::at_least:
        raised = matches >= flag.at_least;
        break;
      }
      if (raised && waived(org, flag.id, position)) {
        raised = false;
      }
      m_results.flags_raised.at(position, f) = raised ? 1 : 0;
    }
  }

  // True if a waiver covers `rule` for `org`; records it on the organization.
  bool waived(std::uint32_t org, std::string_view rule, std::size_t position)
  {
    if (m_waivers.empty()) {
      return false;
    }
    const rules::Waiver* waiver = m_waivers.find(org, rule);
    if (waiver == nullptr) {
      return false;
    }
    auto& list = m_results.organizations[position].waived;
    if (std::none_of(list.begin(), list.end(),
                     [&](const AppliedWaiver& w) { return w.rule == rule; })) {
      list.push_back({waiver->rule, waiver->reason, waiver->approved_by, waiver->expires});
    }
    return true;
  }

  void apply_waivers(std::size_t position)
  {
    const std::uint32_t org = m_results.organizations[position].org;
    for (std::size_t i = 0; i < m_set.indicators.size(); ++i) {
      if (waived(org, m_set.indicators[i].id, position)) {
        m_results.indicator_results.at(position, i) = {Status::waived, 0};
      }
    }
    const std::pair<const std::vector<rules::Condition>*, Matrix<std::uint8_t>*> conditions[] = {
        {&m_set.vetoes, &m_results.vetoes_held},
        {&m_set.deductions, &m_results.deductions_held},
        {&m_set.bonuses, &m_results.bonuses_held}};
    for (const auto& [rules, held] : conditions) {
      for (std::size_t r = 0; r < rules->size(); ++r) {
        if (waived(org, (*rules)[r].id, position)) {
          held->at(position, r) = 0;
        }
      }
    }
  }

  Results& m_results;
  const rules::RuleSet& m_set;
  const WaiverIndex& m_waivers;
  expr::Evaluator m_evaluator;
  std::vector<std::size_t>& m_divisions;
  std::vector<IndicatorResult> m_raw;
  std::vector<std::uint8_t> m_raw_vetoes;
  std::vector<double> m_dimensions;
};

std::vector<std::uint32_t> select_organizations(const data::Dataset& dataset,
                                                const EngineOptions& options)
{
  const data::TableData& orgs = dataset.organizations();
  std::vector<std::uint8_t> wanted(orgs.rows, options.organizations.empty() ? 1 : 0);
  for (const std::string& uscc : options.organizations) {
    if (auto index = dataset.find_organization(uscc)) {
      wanted[*index] = 1;
    }
  }
  const std::size_t region_column = dataset.schema->root_columns.region;
  std::vector<std::uint32_t> selected;
  for (std::uint32_t o = 0; o < orgs.rows; ++o) {
    if (wanted[o] == 0) {
      continue;
    }
    if (!options.regions.empty()) {
      const auto region = orgs.columns[region_column].string_at(o);
      if (std::find(options.regions.begin(), options.regions.end(), region) ==
          options.regions.end()) {
        continue;
      }
    }
    selected.push_back(o);
  }
  return selected;
}

} // namespace

Results run_audit(std::shared_ptr<const rules::RuleSet> ruleset,
                  std::shared_ptr<const data::Dataset> dataset, const EngineOptions& options,
                  Diagnostics& diagnostics)
{
  Results results;
  results.ruleset = ruleset;
  results.dataset = dataset;
  results.as_of = options.as_of;

  WaiverIndex waivers;
  for (const rules::Waiver& waiver : options.waivers) {
    if (waiver.org == "*") {
      waivers.everyone.push_back(&waiver);
    } else if (auto index = dataset->find_organization(waiver.org)) {
      waivers.by_org[static_cast<std::uint32_t>(*index)].push_back(&waiver);
    } else {
      diagnostics.error(
          waiver.pos.file, waiver.pos.line, waiver.pos.column,
          fmt::format("the waiver names organization \"{}\", which is not in the data",
                      waiver.org));
    }
  }
  if (diagnostics.has_errors()) {
    return results;
  }

  const std::vector<std::uint32_t> selected = select_organizations(*dataset, options);
  const std::size_t n = selected.size();
  results.resize(n);
  for (std::size_t p = 0; p < n; ++p) {
    results.organizations[p].org = selected[p];
  }

  // Each worker scores chunks of organizations with its own evaluator and
  // counts its own divisions by zero; the counts are added up afterwards.
  constexpr std::size_t chunk = 256;
  std::vector<std::vector<std::size_t>> divisions(
      parallel_workers(n, options.jobs, chunk),
      std::vector<std::size_t>(ruleset->indicators.size()));
  std::atomic<std::size_t> done{0};
  for_each_parallel(
      n, options.jobs, chunk,
      [&](unsigned worker) { return OrganizationScorer(results, waivers, divisions[worker]); },
      [&](OrganizationScorer& scorer, std::size_t begin, std::size_t end) {
        if (interrupt_signal() != 0) {
          return;
        }
        for (std::size_t p = begin; p < end; ++p) {
          scorer.score(p);
        }
        const std::size_t finished = done.fetch_add(end - begin) + (end - begin);
        if (options.progress) {
          options.progress(finished, n);
        }
      });
  check_interrupted();
  results.divisions_by_zero.assign(ruleset->indicators.size(), 0);
  for (const auto& counts : divisions) {
    for (std::size_t i = 0; i < counts.size(); ++i) {
      results.divisions_by_zero[i] += counts[i];
    }
  }
  return results;
}

} // namespace orgaudit::audit
