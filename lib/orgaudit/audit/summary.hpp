#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <orgaudit/audit/results.hpp>
#include <orgaudit/audit/scoring.hpp>

namespace orgaudit::audit {

// Counts for a group of organizations (one region, one type).
struct GroupSummary {
  std::string key; // region code, or the type's canonical enum value
  std::size_t organizations = 0;
  double mean_total = 0;           // rounded to 2 decimals
  std::vector<std::size_t> grades; // per RuleSet grade, then ungraded last
};

// How often one indicator was a finding (fail, partial, missing or error).
struct IndicatorFailures {
  std::size_t indicator = 0; // index into RuleSet::indicators
  std::size_t failed = 0;    // fail and error
  std::size_t partial = 0;
  std::size_t missing = 0;
  std::size_t total() const { return failed + partial + missing; }
};

// The figures every report's summary shows, computed once from the results.
struct Summary {
  std::size_t organizations = 0;
  std::vector<std::size_t> grades; // per RuleSet grade, then ungraded last
  std::size_t vetoed = 0;
  std::vector<std::size_t> flags; // organizations per flag
  std::size_t flagged = 0;        // organizations with at least one flag raised
  double mean_total = 0;          // rounded to 2 decimals; 0 without organizations
  std::vector<double>
      dimension_means;     // mean dimension score per dimension; NaN when excluded everywhere
  std::size_t waivers = 0; // waivers applied
  std::vector<GroupSummary> by_region; // region codes ascending; "" for a null region
  std::vector<GroupSummary> by_type;   // in the schema's enum order, types present only
  std::vector<IndicatorFailures>
      most_failed; // most findings first, ties in rule-set order; none omitted
};

// Summarizes `results` (organizations in the results only, i.e. after --org
// and --region filters).
Summary summarize(const Results& results);

} // namespace orgaudit::audit
