#include <map>
#include <set>

#include <doctest/doctest.h>

#include <orgaudit/core/grade_validity.hpp>
#include <orgaudit/sample/plan.hpp>

using namespace orgaudit::sample;

TEST_CASE("targets are the article's figures at 3,500 organizations and scale with N")
{
  const ProgramTargets at_article = program_targets(3500);
  CHECK(at_article.high_grade == 150);
  CHECK(at_article.brand_orgs == 133);
  CHECK(at_article.brand_orgs_provincial == 20);
  CHECK(at_article.brand_projects == 123);
  CHECK(at_article.leading_figures == 105);
  CHECK(at_article.leading_figures_provincial == 51);
  CHECK(at_article.best_practices == 8);
  CHECK(at_article.demonstration_units);
  CHECK(at_article.venture_projects == 500);
  CHECK(at_article.venture_rounds == 8);
  CHECK(at_article.venture_amount_yuan == 26'400'000);
  CHECK(at_article.integrity_trainings == 96);
  CHECK(at_article.association_interviews == 66);
  CHECK(at_article.dormant_cleared == 309);

  const ProgramTargets tenfold = program_targets(35000);
  CHECK(tenfold.high_grade == 1500);
  CHECK(tenfold.dormant_cleared == 3090);
  CHECK(tenfold.venture_rounds == 8);

  const ProgramTargets small = program_targets(99);
  CHECK_FALSE(small.demonstration_units);
  CHECK(small.high_grade == 4); // round(150 × 99 / 3500) = round(4.24)
  CHECK(small.venture_rounds == 8);
  CHECK(program_targets(40).venture_rounds == 6); // fewer projects than rounds
}

TEST_CASE("the plan places exactly the targeted roles")
{
  const auto as_of = *orgaudit::make_date(2026, 11, 27);
  const SamplePlan plan = make_plan(3500, 2026, as_of);
  std::size_t cleared = 0;
  std::size_t high = 0;
  std::size_t interviews = 0;
  for (std::size_t org = 0; org < plan.roles.size(); ++org) {
    const OrgRoles& roles = plan.roles[org];
    const orgaudit::Date registered = plan.profiles[org].registered_on;
    if (roles.status != Status::active && roles.closed_reason == ClosedReason::dormant) {
      ++cleared;
      // Old enough to have missed two reports and the activity cut-off.
      CHECK(roles.closed_on >= *orgaudit::add_years(registered, 4));
      CHECK(roles.closed_on <= as_of);
    }
    if (roles.grade > 0) {
      // 民政部令第39号 第六条: two full years of registration before the award.
      CHECK(roles.grade_awarded_on >= *orgaudit::add_years(registered, 2));
      CHECK(roles.grade_awarded_on <= as_of);
    }
    if (roles.status == Status::active && roles.grade >= 4 &&
        orgaudit::grade_valid_on(roles.grade_awarded_on, as_of)) {
      ++high;
    }
    CHECK((!roles.interview || plan.profiles[org].industry_association));
    interviews += roles.interview ? 1 : 0;
  }
  CHECK(cleared == 309);
  CHECK(high == 150);
  CHECK(interviews == 66);
  // Other closures exist, and grades of 4A or 5A that expired: no figure counts them.
  std::map<ClosedReason, std::size_t> others;
  std::size_t expired_high = 0;
  for (const OrgRoles& roles : plan.roles) {
    if (roles.status != Status::active && roles.closed_reason != ClosedReason::dormant) {
      ++others[roles.closed_reason];
    }
    if (roles.grade >= 4 && !orgaudit::grade_valid_on(roles.grade_awarded_on, as_of)) {
      ++expired_high;
    }
  }
  CHECK(others[ClosedReason::voluntary] == 70); // 2 % of 3,500
  CHECK(others[ClosedReason::merger] == 11);
  CHECK(others[ClosedReason::violation] == 9);
  CHECK(expired_high > 0);
  std::set<std::int32_t> sessions;
  for (const PlannedTraining& training : plan.trainings) {
    sessions.insert(training.date.days);
  }
  CHECK(sessions.size() == 96);
  CHECK(plan.trainings.size() > 3 * sessions.size()); // most leaders attend some
  CHECK(plan.venture_projects.size() == 500);
  CHECK(plan.name(0) == "湖州市电梯行业协会");
  CHECK(plan.name(1) == "湖州市重庆商会");
  std::int64_t total = 0;
  for (const PlannedProject& project : plan.venture_projects) {
    CHECK(project.amount_yuan > 0);
    total += project.amount_yuan;
  }
  CHECK(total == 26'400'000);
}

TEST_CASE("tiny samples plan without failing")
{
  const auto as_of = *orgaudit::make_date(2026, 11, 27);
  for (std::size_t orgs : {1, 2, 7, 40}) {
    CAPTURE(orgs);
    const SamplePlan plan = make_plan(orgs, 1, as_of);
    CHECK(plan.profiles.size() == orgs);
    CHECK(plan.venture_projects.size() == program_targets(orgs).venture_projects);
  }
}
