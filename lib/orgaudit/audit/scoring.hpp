#pragma once

#include <cstdint>
#include <span>

#include <orgaudit/audit/results.hpp>
#include <orgaudit/rules/ruleset.hpp>

namespace orgaudit::audit {

// Rounds to 2 decimals, half away from zero (SPEC §3.2). Values within a few
// ulps of a half are treated as the half, so 87.125 computed as 87.12499999…
// still rounds up.
double round2(double value);

// The outcome of SPEC §3.2 for one organization.
struct Score {
  double total = 0; // rounded
  double coverage = 1;
  int grade = ungraded;
  bool vetoed = false;
};

// Applies SPEC §3.2 to one organization's indicator results and the vetoes,
// bonuses and deductions that hold (1 = holds). Writes each dimension's
// unrounded score to `dimension_scores` (NaN when it has nothing counted).
Score compute_score(const rules::RuleSet& ruleset, std::span<const IndicatorResult> indicators,
                    std::span<const std::uint8_t> vetoes, std::span<const std::uint8_t> bonuses,
                    std::span<const std::uint8_t> deductions, std::span<double> dimension_scores);

} // namespace orgaudit::audit
