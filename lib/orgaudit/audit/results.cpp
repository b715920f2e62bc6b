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

namespace {

template <typename T>
void copy_rows(const std::vector<T>& from, std::vector<T>& to, std::size_t width,
               const std::vector<std::size_t>& positions)
{
  to.clear();
  to.reserve(positions.size() * width);
  for (std::size_t p : positions) {
    to.insert(to.end(), from.begin() + static_cast<std::ptrdiff_t>(p * width),
              from.begin() + static_cast<std::ptrdiff_t>((p + 1) * width));
  }
}

} // namespace

Results select_organizations(const Results& results, const std::vector<std::size_t>& positions)
{
  const rules::RuleSet& set = *results.ruleset;
  Results out;
  out.ruleset = results.ruleset;
  out.dataset = results.dataset;
  out.as_of = results.as_of;
  out.criterion_offsets = results.criterion_offsets;
  out.divisions_by_zero = results.divisions_by_zero;
  out.skipped_rows = results.skipped_rows;
  for (std::size_t p : positions) {
    out.organizations.push_back(results.organizations[p]);
  }
  copy_rows(results.indicator_results, out.indicator_results, set.indicators.size(), positions);
  copy_rows(results.dimension_scores, out.dimension_scores, set.dimensions.size(), positions);
  copy_rows(results.vetoes_held, out.vetoes_held, set.vetoes.size(), positions);
  copy_rows(results.deductions_held, out.deductions_held, set.deductions.size(), positions);
  copy_rows(results.bonuses_held, out.bonuses_held, set.bonuses.size(), positions);
  copy_rows(results.flags_raised, out.flags_raised, set.flags.size(), positions);
  copy_rows(results.criteria, out.criteria, results.criterion_offsets.back(), positions);
  return out;
}

} // namespace orgaudit::audit
