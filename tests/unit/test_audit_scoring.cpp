#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include <orgaudit/audit/scoring.hpp>

using namespace orgaudit;
using audit::IndicatorResult;
using audit::Status;

namespace {

// Two dimensions (weights 40 and 60) of two indicators each (5+5 and 8+2
// points), grades 90/75/60/0, bonus cap 3, min coverage 0.6.
rules::RuleSet make_ruleset()
{
  rules::RuleSet set;
  set.scale = 100;
  set.bonus_cap = 3;
  set.min_coverage = 0.6;
  set.grades = {{"exemplary", {}, 90}, {"good", {}, 75}, {"pass", {}, 60}, {"fail", {}, 0}};
  set.veto_grade = 3;
  set.dimensions = {{"institution", {}, 40, {0, 1}}, {"compliance", {}, 60, {2, 3}}};
  for (double points : {5.0, 5.0, 8.0, 2.0}) {
    rules::Indicator indicator;
    indicator.points = points;
    indicator.dimension = set.indicators.size() < 2 ? 0 : 1;
    set.indicators.push_back(indicator);
  }
  set.bonuses.resize(2);
  set.bonuses[0].points = 2;
  set.bonuses[1].points = 2;
  set.deductions.resize(1);
  set.deductions[0].points = 10;
  set.vetoes.resize(1);
  return set;
}

struct Case {
  rules::RuleSet set = make_ruleset();
  std::vector<IndicatorResult> indicators{
      {Status::pass, 5}, {Status::pass, 5}, {Status::pass, 8}, {Status::pass, 2}};
  std::vector<std::uint8_t> vetoes{0};
  std::vector<std::uint8_t> bonuses{0, 0};
  std::vector<std::uint8_t> deductions{0};
  std::vector<double> dimensions = std::vector<double>(2);

  audit::Score score()
  {
    return audit::compute_score(set, indicators, vetoes, bonuses, deductions, dimensions);
  }
};

} // namespace

TEST_CASE("round2 rounds half away from zero, also for halves binary doubles miss")
{
  CHECK(audit::round2(87.125) == 87.13);
  CHECK(audit::round2(2.675) == 2.68); // 2.67499999… in binary
  CHECK(audit::round2(1.005) == 1.01);
  CHECK(audit::round2(-1.005) == -1.01);
  CHECK(audit::round2(83.184) == 83.18);
  CHECK(audit::round2(0) == 0);
}

TEST_CASE("dimension scores, base and grade")
{
  Case c;
  c.indicators[1] = {Status::fail, 0};    // institution 40·5/10 = 20
  c.indicators[2] = {Status::partial, 4}; // compliance 60·6/10 = 36
  const audit::Score s = c.score();
  CHECK(c.dimensions[0] == doctest::Approx(20));
  CHECK(c.dimensions[1] == doctest::Approx(36));
  CHECK(s.total == 56);
  CHECK(s.grade == 3);
  CHECK(s.coverage == 1);
}

TEST_CASE("a total exactly on a grade's min gets that grade, rounding decides")
{
  Case c;
  c.indicators[3] = {Status::fail, 0}; // compliance 60·8/10 = 48 → 88
  c.bonuses = {1, 0};                  // +2 → 90
  CHECK(c.score().total == 90);
  CHECK(c.score().grade == 0);
  c.bonuses = {0, 0};
  c.indicators[0] = {Status::fail, 0}; // institution 20 → 68
  c.indicators[3] = {Status::pass, 2};
  c.indicators[2] = {Status::partial, 4.5}; // compliance 60·6.5/10 = 39 → 59
  CHECK(c.score().total == 59);
  CHECK(c.score().grade == 3);
}

TEST_CASE("bonuses are capped and deductions floor the total at zero")
{
  Case c;
  c.bonuses = {1, 1}; // 4 over the cap of 3
  CHECK(c.score().total == 103);
  c.deductions = {1};
  CHECK(c.score().total == 93);
  for (auto& indicator : c.indicators) {
    indicator = {Status::fail, 0};
  }
  c.bonuses = {0, 0};
  CHECK(c.score().total == 0); // 0 − 10 is floored
}

TEST_CASE("a dimension with nothing counted is excluded from the base")
{
  Case c;
  c.indicators[0] = {Status::not_applicable, 0};
  c.indicators[1] = {Status::waived, 0};
  c.indicators[2] = {Status::partial, 4}; // compliance 60·6/10 = 36 → base 100·36/60 = 60
  const audit::Score s = c.score();
  CHECK(std::isnan(c.dimensions[0]));
  CHECK(s.total == 60);
  CHECK(s.coverage == 1);
}

TEST_CASE(
    "missing data: on_missing fail counts 0, exclude leaves it out; coverage ignores on_missing")
{
  Case c;
  c.indicators[2] = {Status::missing, 0}; // 8 of 20 applicable points missing: coverage 0.6
  CHECK(c.score().total == 52);           // 40 + 60·2/10
  CHECK(c.score().coverage == doctest::Approx(0.6));
  CHECK(c.score().grade == 3); // coverage equal to min_coverage is graded
  c.set.indicators[2].on_missing = rules::OnMissing::exclude;
  CHECK(c.score().total == 100); // compliance 60·2/2
  CHECK(c.score().coverage == doctest::Approx(0.6));
  c.indicators[0] = {Status::missing, 0}; // 13 of 20 missing
  CHECK(c.score().grade == audit::ungraded);
}

TEST_CASE("a veto sets the veto grade whatever the coverage, and keeps the total")
{
  Case c;
  c.indicators[0] = {Status::missing, 0};
  c.indicators[1] = {Status::missing, 0};
  c.indicators[2] = {Status::missing, 0};
  c.vetoes = {1};
  const audit::Score s = c.score();
  CHECK(s.vetoed);
  CHECK(s.grade == 3);
  CHECK(s.total == 12); // missing counts 0: institution 0, compliance 60·2/10 = 12
}

TEST_CASE("coverage is 1 when nothing applies")
{
  Case c;
  for (auto& indicator : c.indicators) {
    indicator = {Status::not_applicable, 0};
  }
  const audit::Score s = c.score();
  CHECK(s.coverage == 1);
  CHECK(s.total == 0);
  CHECK(s.grade == 3);
}
