#include <orgaudit/audit/results.hpp>

namespace orgaudit::audit {

std::string_view status_name(Status status)
{
  switch (status) {
  case Status::pass:
    return "pass";
  case Status::partial:
    return "partial";
  case Status::fail:
    return "fail";
  case Status::missing:
    return "missing";
  case Status::not_applicable:
    return "not_applicable";
  case Status::waived:
    return "waived";
  case Status::error:
    return "error";
  }
  return "?";
}

bool is_finding(Status status)
{
  return status == Status::fail || status == Status::partial || status == Status::missing ||
         status == Status::error;
}

std::string_view criterion_status_name(CriterionStatus status)
{
  switch (status) {
  case CriterionStatus::no_match:
    return "no_match";
  case CriterionStatus::match:
    return "match";
  case CriterionStatus::missing:
    return "missing";
  }
  return "?";
}

} // namespace orgaudit::audit

namespace orgaudit::audit {

void Results::resize(std::size_t count)
{
  const rules::RuleSet& set = *ruleset;
  organizations.assign(count, OrgResult{});
  criterion_offsets.assign(1, 0);
  for (const rules::Flag& flag : set.flags) {
    criterion_offsets.push_back(criterion_offsets.back() + flag.criteria.size());
  }
  indicator_results = Matrix<IndicatorResult>(count, set.indicators.size());
  dimension_scores = Matrix<double>(count, set.dimensions.size());
  vetoes_held = Matrix<std::uint8_t>(count, set.vetoes.size());
  deductions_held = Matrix<std::uint8_t>(count, set.deductions.size());
  bonuses_held = Matrix<std::uint8_t>(count, set.bonuses.size());
  flags_raised = Matrix<std::uint8_t>(count, set.flags.size());
  criteria = Matrix<CriterionStatus>(count, criterion_offsets.back());
}

Results select_organizations(const Results& results, const std::vector<std::size_t>& positions)
{
  Results out;
  out.ruleset = results.ruleset;
  out.dataset = results.dataset;
  out.as_of = results.as_of;
  out.criterion_offsets = results.criterion_offsets;
  out.divisions_by_zero = results.divisions_by_zero;
  for (std::size_t p : positions) {
    out.organizations.push_back(results.organizations[p]);
  }
  out.indicator_results = results.indicator_results.select_rows(positions);
  out.dimension_scores = results.dimension_scores.select_rows(positions);
  out.vetoes_held = results.vetoes_held.select_rows(positions);
  out.deductions_held = results.deductions_held.select_rows(positions);
  out.bonuses_held = results.bonuses_held.select_rows(positions);
  out.flags_raised = results.flags_raised.select_rows(positions);
  out.criteria = results.criteria.select_rows(positions);
  return out;
}

} // namespace orgaudit::audit
