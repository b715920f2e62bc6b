#include <orgaudit/audit/scoring.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace orgaudit::audit {

double round2(double value)
{
  const double scaled = std::abs(value) * 100.0;
  const double floor = std::floor(scaled);
  const double fraction = scaled - floor;
  // Binary doubles rarely hold an exact half; a fraction within 1e-9 of one is
  // taken as the half the decimal arithmetic meant.
  const double rounded = fraction >= 0.5 - 1e-9 ? floor + 1 : floor;
  return std::copysign(rounded / 100.0, value);
}

namespace {

bool counts(const rules::Indicator& indicator, Status status)
{
  switch (status) {
  case Status::pass:
  case Status::partial:
  case Status::fail:
  case Status::error:
    return true;
  case Status::missing:
    return indicator.on_missing == rules::OnMissing::fail;
  case Status::not_applicable:
  case Status::waived:
    return false;
  }
  return false;
}

} // namespace

Score compute_score(const rules::RuleSet& ruleset, std::span<const IndicatorResult> indicators,
                    std::span<const std::uint8_t> vetoes, std::span<const std::uint8_t> bonuses,
                    std::span<const std::uint8_t> deductions, std::span<double> dimension_scores)
{
  Score score;
  double weighted = 0;
  double weights = 0;
  double covered = 0;
  double applicable = 0;
  for (std::size_t d = 0; d < ruleset.dimensions.size(); ++d) {
    const rules::Dimension& dimension = ruleset.dimensions[d];
    double earned = 0;
    double possible = 0;
    for (std::size_t i : dimension.indicators) {
      const rules::Indicator& indicator = ruleset.indicators[i];
      const IndicatorResult& result = indicators[i];
      if (result.status != Status::not_applicable && result.status != Status::waived) {
        applicable += indicator.points;
        if (result.status != Status::missing && result.status != Status::error) {
          covered += indicator.points;
        }
      }
      if (counts(indicator, result.status)) {
        earned += result.earned;
        possible += indicator.points;
      }
    }
    if (possible > 0) {
      const double value = dimension.weight * earned / possible;
      dimension_scores[d] = value;
      weighted += value;
      weights += dimension.weight;
    } else {
      dimension_scores[d] = std::numeric_limits<double>::quiet_NaN();
    }
  }
  const double base = weights > 0 ? ruleset.scale * weighted / weights : 0;
  double bonus = 0;
  for (std::size_t b = 0; b < ruleset.bonuses.size(); ++b) {
    bonus += bonuses[b] != 0 ? ruleset.bonuses[b].points : 0;
  }
  double deduction = 0;
  for (std::size_t d = 0; d < ruleset.deductions.size(); ++d) {
    deduction += deductions[d] != 0 ? ruleset.deductions[d].points : 0;
  }
  score.total = round2(std::max(0.0, base + std::min(bonus, ruleset.bonus_cap) - deduction));
  score.coverage = applicable > 0 ? covered / applicable : 1.0;
  score.vetoed = std::any_of(vetoes.begin(), vetoes.end(), [](std::uint8_t v) { return v != 0; });
  if (score.vetoed) {
    score.grade = static_cast<int>(ruleset.veto_grade);
  } else if (score.coverage < ruleset.min_coverage) {
    score.grade = ungraded;
  } else {
    for (std::size_t g = 0; g < ruleset.grades.size(); ++g) {
      if (ruleset.grades[g].min <= score.total) {
        score.grade = static_cast<int>(g);
        break;
      }
    }
  }
  return score;
}

} // namespace orgaudit::audit
