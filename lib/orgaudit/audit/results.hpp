#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <orgaudit/audit/matrix.hpp>
#include <orgaudit/core/date.hpp>
#include <orgaudit/data/dataset.hpp>
#include <orgaudit/rules/ruleset.hpp>

namespace orgaudit::audit {

// An indicator's status for one organization (SPEC §3.2). `error` is an
// evaluation error (e.g. integer overflow): it earns 0 and counts, like
// `missing` under on_missing: fail.
enum class Status : std::uint8_t { pass, partial, fail, missing, not_applicable, waived, error };
std::string_view status_name(Status status);

// True for the statuses that make an indicator a finding (SPEC §5): fail,
// partial, missing and error; pass, not_applicable and waived are not.
bool is_finding(Status status);

enum class CriterionStatus : std::uint8_t { no_match, match, missing };
std::string_view criterion_status_name(CriterionStatus status);

inline constexpr int ungraded = -1;

struct IndicatorResult {
  Status status = Status::not_applicable;
  double earned = 0;
};

// A waiver that applied to this organization (expired waivers never apply).
struct AppliedWaiver {
  std::string rule;
  std::string reason;
  std::string approved_by;
  Date expires;
};

// The scores of one organization. Per-rule results live in Results' flat
// arrays, reached through Results' accessors.
struct OrgResult {
  std::uint32_t org = 0;            // index into the dataset's organizations
  double total = 0;                 // rounded to 2 decimals
  double total_without_waivers = 0; // the same, had no waiver applied
  double coverage = 1;
  int grade = ungraded; // index into RuleSet::grades, or ungraded
  int grade_without_waivers = ungraded;
  bool vetoed = false;
  std::vector<AppliedWaiver> waived;
};

// Everything the engine computed for one run; every report reads only this.
// Organizations are in dataset order (sorted by USCC), filtered by --org and
// --region; rules in rule-set order. Each matrix has one row per
// organization (the position in `organizations`) and one column per rule of
// its kind.
struct Results {
  std::shared_ptr<const rules::RuleSet> ruleset;
  std::shared_ptr<const data::Dataset> dataset;
  Date as_of;

  std::vector<OrgResult> organizations;
  Matrix<IndicatorResult> indicator_results;
  Matrix<double> dimension_scores; // unrounded; NaN = excluded
  Matrix<std::uint8_t> vetoes_held;
  Matrix<std::uint8_t> deductions_held;
  Matrix<std::uint8_t> bonuses_held;
  Matrix<std::uint8_t> flags_raised;          // waived flags are not raised
  Matrix<CriterionStatus> criteria;           // every flag's criteria, flag by flag
  std::vector<std::size_t> criterion_offsets; // flag f's criteria start at criterion_offsets[f]
  std::vector<std::size_t>
      divisions_by_zero; // per indicator: organizations where it divided by zero

  // Gives `organizations` default results and every matrix that many rows,
  // with as many columns as the rule set has rules of its kind.
  void resize(std::size_t organizations);

  std::size_t size() const { return organizations.size(); }
  const IndicatorResult& indicator(std::size_t o, std::size_t i) const
  {
    return indicator_results.at(o, i);
  }
  double dimension_score(std::size_t o, std::size_t d) const { return dimension_scores.at(o, d); }
  bool veto_held(std::size_t o, std::size_t v) const { return vetoes_held.at(o, v) != 0; }
  bool deduction_held(std::size_t o, std::size_t d) const { return deductions_held.at(o, d) != 0; }
  bool bonus_held(std::size_t o, std::size_t b) const { return bonuses_held.at(o, b) != 0; }
  bool flag_raised(std::size_t o, std::size_t f) const { return flags_raised.at(o, f) != 0; }
  CriterionStatus criterion(std::size_t o, std::size_t f, std::size_t c) const
  {
    return criteria.at(o, criterion_offsets[f] + c);
  }
  // The statuses of flag f's criteria for organization o.
  std::span<CriterionStatus> criteria_of(std::size_t o, std::size_t f)
  {
    return criteria.row(o).subspan(criterion_offsets[f],
                                   criterion_offsets[f + 1] - criterion_offsets[f]);
  }
};

} // namespace orgaudit::audit

namespace orgaudit::audit {

// The results of the organizations at `positions` only (in that order), for
// views such as `flag` that show a subset.
Results select_organizations(const Results& results, const std::vector<std::size_t>& positions);

} // namespace orgaudit::audit
