#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <orgaudit/core/date.hpp>
#include <orgaudit/data/dataset.hpp>
#include <orgaudit/rules/ruleset.hpp>

namespace orgaudit::audit {

// An indicator's status for one organization (SPEC §3.2). `error` is an
// evaluation error (e.g. integer overflow): it earns 0 and counts, like
// `missing` under on_missing: fail.
enum class Status : std::uint8_t { pass, partial, fail, missing, not_applicable, waived, error };
std::string_view status_name(Status status);

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
// --region; rules in rule-set order.
struct Results {
  std::shared_ptr<const rules::RuleSet> ruleset;
  std::shared_ptr<const data::Dataset> dataset;
  Date as_of;

  std::vector<OrgResult> organizations;
  std::vector<IndicatorResult> indicator_results; // organizations × ruleset->indicators
  std::vector<double> dimension_scores;  // organizations × dimensions, unrounded; NaN = excluded
  std::vector<std::uint8_t> vetoes_held; // organizations × vetoes
  std::vector<std::uint8_t> deductions_held; // organizations × deductions
  std::vector<std::uint8_t> bonuses_held;    // organizations × bonuses
  std::vector<std::uint8_t> flags_raised;    // organizations × flags (waived flags are not raised)
  std::vector<CriterionStatus> criteria;     // organizations × all criteria, flag by flag
  std::vector<std::size_t> criterion_offsets; // flag f's criteria start at criterion_offsets[f]
  std::vector<std::size_t>
      divisions_by_zero;        // per indicator: organizations where it divided by zero
  std::size_t skipped_rows = 0; // rows dropped by --lenient

  std::size_t size() const { return organizations.size(); }
  const IndicatorResult& indicator(std::size_t o, std::size_t i) const
  {
    return indicator_results[o * ruleset->indicators.size() + i];
  }
  double dimension_score(std::size_t o, std::size_t d) const
  {
    return dimension_scores[o * ruleset->dimensions.size() + d];
  }
  bool veto_held(std::size_t o, std::size_t v) const
  {
    return vetoes_held[o * ruleset->vetoes.size() + v] != 0;
  }
  bool deduction_held(std::size_t o, std::size_t d) const
  {
    return deductions_held[o * ruleset->deductions.size() + d] != 0;
  }
  bool bonus_held(std::size_t o, std::size_t b) const
  {
    return bonuses_held[o * ruleset->bonuses.size() + b] != 0;
  }
  bool flag_raised(std::size_t o, std::size_t f) const
  {
    return flags_raised[o * ruleset->flags.size() + f] != 0;
  }
  CriterionStatus criterion(std::size_t o, std::size_t f, std::size_t c) const
  {
    return criteria[o * criterion_offsets.back() + criterion_offsets[f] + c];
  }
};

} // namespace orgaudit::audit

namespace orgaudit::audit {

// The results of the organizations at `positions` only (in that order), for
// views such as `flag` that show a subset.
Results select_organizations(const Results& results, const std::vector<std::size_t>& positions);

} // namespace orgaudit::audit
