#include <orgaudit/history/run.hpp>

#include <algorithm>
#include <cmath>

#include <orgaudit/audit/scoring.hpp>
#include <orgaudit/history/fingerprint.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/org_view.hpp>

namespace orgaudit::history {

namespace {

Outcome outcome_of(audit::Status status)
{
  switch (status) {
  case audit::Status::pass:
    return Outcome::pass;
  case audit::Status::partial:
    return Outcome::partial;
  case audit::Status::fail:
    return Outcome::fail;
  case audit::Status::missing:
    return Outcome::missing;
  case audit::Status::not_applicable:
    return Outcome::not_applicable;
  case audit::Status::waived:
    return Outcome::waived;
  case audit::Status::error:
    return Outcome::error;
  }
  return Outcome::error;
}

// Criteria are stored as no_match 0, match 1, missing 2.
char criterion_code(audit::CriterionStatus status)
{
  return status == audit::CriterionStatus::match     ? 1
         : status == audit::CriterionStatus::missing ? 2
                                                     : 0;
}

std::int32_t hundredths(double value)
{
  return static_cast<std::int32_t>(std::llround(audit::round2(value) * 100.0));
}

// Stored kinds are the rule set's, in the same order (the store keeps them as integers).
RuleKind kind_of(rules::RuleRef::Kind kind)
{
  static_assert(static_cast<int>(RuleKind::veto) == static_cast<int>(rules::RuleRef::Kind::veto));
  static_assert(static_cast<int>(RuleKind::criterion) ==
                static_cast<int>(rules::RuleRef::Kind::criterion));
  return static_cast<RuleKind>(kind);
}

RuleInfo rule_info(const rules::RuleSet& set, const rules::RuleRef& ref, std::uint32_t parent)
{
  const rules::RuleInfo& rule = set.info(ref);
  RuleInfo out;
  out.id = rule.id;
  out.kind = kind_of(ref.kind);
  out.parent = parent;
  out.severity = rule.severity;
  out.points = std::isnan(set.points(ref)) ? 0 : set.points(ref);
  out.label = rule.label;
  out.fingerprint = rule_fingerprint(set, ref);
  return out;
}

} // namespace

std::optional<std::size_t> RuleSetInfo::find(RuleKind kind, std::string_view rule_id) const
{
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (rules[r].kind == kind && rules[r].id == rule_id) {
      return r;
    }
  }
  return std::nullopt;
}

std::string_view RuleSetInfo::grade_label(int grade, rules::Lang lang) const
{
  if (grade < 0 || static_cast<std::size_t>(grade) >= grades.size()) {
    return report::ui(report::Ui::ungraded, lang);
  }
  return grades[static_cast<std::size_t>(grade)].label.get(lang);
}

int RuleSetInfo::grade_rank(int grade) const
{
  return grade < 0 ? static_cast<int>(grades.size()) : grade;
}

const OrgOutcome* Run::find(std::string_view uscc) const
{
  auto it =
      std::lower_bound(organizations.begin(), organizations.end(), uscc,
                       [](const OrgOutcome& org, std::string_view key) { return org.uscc < key; });
  return it != organizations.end() && it->uscc == uscc ? &*it : nullptr;
}

std::string_view outcome_name(Outcome outcome)
{
  return audit::status_name(status_of(outcome));
}

audit::Status status_of(Outcome outcome)
{
  switch (outcome) {
  case Outcome::pass:
    return audit::Status::pass;
  case Outcome::partial:
    return audit::Status::partial;
  case Outcome::fail:
    return audit::Status::fail;
  case Outcome::missing:
    return audit::Status::missing;
  case Outcome::not_applicable:
    return audit::Status::not_applicable;
  case Outcome::waived:
    return audit::Status::waived;
  case Outcome::error:
    return audit::Status::error;
  }
  return audit::Status::error;
}

std::shared_ptr<const RuleSetInfo> describe_ruleset(const rules::RuleSet& set)
{
  auto info = std::make_shared<RuleSetInfo>();
  info->id = set.id;
  info->version = set.version;
  info->sha256 = set.sha256;
  info->title = set.title;
  for (const rules::Grade& grade : set.grades) {
    info->grades.push_back({grade.id, grade.label, grade.min});
  }
  for (const rules::Dimension& dimension : set.dimensions) {
    info->dimensions.push_back({dimension.id, dimension.label, dimension.weight});
  }
  for (const rules::RuleRef& ref : set.all_rules()) {
    const bool indicator = ref.kind == rules::RuleRef::Kind::indicator;
    info->rules.push_back(rule_info(
        set, ref, indicator ? static_cast<std::uint32_t>(set.indicators[ref.index].dimension) : 0));
  }
  for (std::size_t f = 0; f < set.flags.size(); ++f) {
    for (std::size_t c = 0; c < set.flags[f].criteria.size(); ++c) {
      info->rules.push_back(
          rule_info(set, {rules::RuleRef::Kind::criterion, f, c}, static_cast<std::uint32_t>(f)));
    }
  }
  return info;
}

Run snapshot(const audit::Results& results, RunInfo info)
{
  const rules::RuleSet& set = *results.ruleset;
  const report::OrgView view(*results.dataset);
  Run run;
  run.organizations.resize(results.size());
  double sum = 0;
  std::size_t vetoed = 0;
  std::size_t flagged = 0;
  for (std::size_t o = 0; o < results.size(); ++o) {
    const audit::OrgResult& result = results.organizations[o];
    OrgOutcome& org = run.organizations[o];
    org.uscc = view.uscc(result.org);
    org.name = view.name(result.org);
    org.total = hundredths(result.total);
    org.total_without_waivers = hundredths(result.total_without_waivers);
    org.coverage = static_cast<std::int32_t>(std::llround(result.coverage * 10000.0));
    org.grade = result.grade;
    org.grade_without_waivers = result.grade_without_waivers;
    org.vetoed = result.vetoed;
    for (std::size_t d = 0; d < set.dimensions.size(); ++d) {
      const double score = results.dimension_score(o, d);
      org.dimensions.push_back(std::isnan(score) ? excluded_dimension : hundredths(score));
    }
    std::string& bytes = org.outcomes;
    for (std::size_t i = 0; i < set.indicators.size(); ++i) {
      const audit::IndicatorResult& indicator = results.indicator(o, i);
      bytes += static_cast<char>(outcome_of(indicator.status));
      if (indicator.status == audit::Status::partial) {
        org.partial_earned.push_back(indicator.earned);
      }
    }
    for (std::size_t v = 0; v < set.vetoes.size(); ++v) {
      bytes += static_cast<char>(results.veto_held(o, v));
    }
    for (std::size_t d = 0; d < set.deductions.size(); ++d) {
      bytes += static_cast<char>(results.deduction_held(o, d));
    }
    for (std::size_t b = 0; b < set.bonuses.size(); ++b) {
      bytes += static_cast<char>(results.bonus_held(o, b));
    }
    bool raised = false;
    for (std::size_t f = 0; f < set.flags.size(); ++f) {
      raised = raised || results.flag_raised(o, f);
      bytes += static_cast<char>(results.flag_raised(o, f));
    }
    for (std::size_t f = 0; f < set.flags.size(); ++f) {
      for (std::size_t c = 0; c < set.flags[f].criteria.size(); ++c) {
        bytes += criterion_code(results.criterion(o, f, c));
      }
    }
    sum += result.total;
    vetoed += result.vetoed ? 1 : 0;
    flagged += raised ? 1 : 0;
  }
  std::sort(run.organizations.begin(), run.organizations.end(),
            [](const OrgOutcome& a, const OrgOutcome& b) { return a.uscc < b.uscc; });
  info.ruleset = describe_ruleset(set);
  info.organizations = results.size();
  info.mean_total = results.size() == 0 ? 0 : hundredths(sum / static_cast<double>(results.size()));
  info.vetoed = vetoed;
  info.flagged = flagged;
  run.info = std::move(info);
  return run;
}

} // namespace orgaudit::history
