#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include <orgaudit/audit/engine.hpp>

#include "engine_fixture.hpp"
#include "string_lists.hpp"

using namespace orgaudit;

namespace {

// The small fixture audited with `options` (as of 2026-06-30), expecting no diagnostics.
audit::Results run(audit::EngineOptions options = {})
{
  static const auto ruleset = engine_test::basic_ruleset();
  static const auto dataset = engine_test::small_dataset(*ruleset);
  options.as_of = engine_test::as_of;
  Diagnostics diagnostics;
  audit::Results results = audit::run_audit(ruleset, dataset, options, diagnostics);
  CHECK_MESSAGE(diagnostics.empty(), diagnostics.format());
  return results;
}

// The statuses of T-01..T-04 for the organization at `position`, by name.
std::vector<std::string_view> statuses(const audit::Results& results, std::size_t position)
{
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < results.ruleset->indicators.size(); ++i) {
    out.push_back(audit::status_name(results.indicator(position, i).status));
  }
  return out;
}

rules::Waiver waiver(std::string org, std::string rule)
{
  return {std::move(org), std::move(rule), "测试", "湖州市民政局", *make_date(2026, 12, 31), {}};
}

using Names = std::vector<std::string_view>;

} // namespace

// The four organizations in USCC order: 0 the chamber (vetoed, one datum
// missing), 1 the association (full marks and a capped bonus), 2 the service
// centre (a deduction, a raised flag), 3 the foundation (no annual report:
// under min_coverage, ungraded, dormant).
TEST_CASE("the engine gives each indicator its status and points")
{
  const auto results = run();
  REQUIRE(results.size() == 4);
  CHECK(statuses(results, 0) == Names{"pass", "missing", "pass", "fail"});
  CHECK(statuses(results, 1) == Names{"pass", "pass", "pass", "not_applicable"});
  CHECK(statuses(results, 2) == Names{"fail", "fail", "partial", "not_applicable"});
  CHECK(statuses(results, 3) == Names{"pass", "pass", "missing", "not_applicable"});
  CHECK(results.indicator(2, 2).earned == 4);
  CHECK(results.indicator(0, 0).earned == 5);
  CHECK(results.indicator(0, 1).earned == 0);
}

TEST_CASE("the engine scales dimensions, adds bonuses up to the cap and subtracts deductions")
{
  const auto results = run();
  CHECK(results.dimension_score(0, 0) == 20);
  CHECK(results.dimension_score(0, 1) == 48);
  CHECK(results.organizations[0].total == 68);
  CHECK(results.bonus_held(1, 0));
  CHECK(results.organizations[1].total == 103); // 100 + a bonus of 5 capped at 3
  CHECK(results.deduction_held(2, 0));
  CHECK(results.organizations[2].total == 20); // 0 + 30 − 10
  CHECK(results.organizations[3].total == 40);
}

TEST_CASE("a veto sets the veto grade, and too little data leaves an organization ungraded")
{
  const auto results = run();
  const auto& grades = results.ruleset->grades;
  CHECK(results.veto_held(0, 0));
  CHECK(results.organizations[0].vetoed);
  CHECK(grades[results.organizations[0].grade].id == "fail"); // 68 would be "pass"
  CHECK(!results.organizations[1].vetoed);
  CHECK(grades[results.organizations[1].grade].id == "exemplary");
  CHECK(grades[results.organizations[2].grade].id == "fail");
  CHECK(results.organizations[0].coverage == doctest::Approx(0.75));
  CHECK(results.organizations[3].coverage < 0.6);
  CHECK(results.organizations[3].grade == audit::ungraded);
}

TEST_CASE("flags are raised by their criteria: any one, or at least N")
{
  const auto results = run();
  // dormant: Z1 (no annual report) or Z4 (unreachable); risky: both R1 and R2.
  CHECK(results.flag_raised(3, 0));
  CHECK(results.criterion(3, 0, 0) == audit::CriterionStatus::match);
  CHECK(results.criterion(3, 0, 1) == audit::CriterionStatus::match);
  CHECK(!results.flag_raised(1, 0));
  CHECK(results.criterion(1, 0, 0) == audit::CriterionStatus::no_match);
  CHECK(results.flag_raised(2, 1));
  CHECK(!results.flag_raised(0, 1)); // no complaint, no warning
  CHECK(!results.flag_raised(2, 0));
}

TEST_CASE("a waiver applies to its organization, or to every one with *, and is recorded")
{
  audit::EngineOptions options;
  options.waivers = {waiver("52330521MJ0000026L", "D-01"), waiver("*", "dormant")};
  const auto results = run(options);
  const audit::OrgResult& centre = results.organizations[2];
  CHECK(!results.deduction_held(2, 0));
  CHECK(centre.total == 30);
  CHECK(centre.total_without_waivers == 20);
  REQUIRE(centre.waived.size() == 1);
  CHECK(centre.waived[0].rule == "D-01");
  CHECK(centre.waived[0].approved_by == "湖州市民政局");
  CHECK(!results.flag_raised(3, 0));
  // The association, named by neither waiver, keeps its results.
  CHECK(results.organizations[1].waived.empty());
  CHECK(results.organizations[1].total == 103);
}

TEST_CASE("a waived indicator has the waived status and does not count against the organization")
{
  audit::EngineOptions options;
  options.waivers = {waiver("51330500MJ00000420", "T-02")};
  const auto results = run(options);
  CHECK(statuses(results, 0) == Names{"pass", "waived", "pass", "fail"});
  CHECK(results.dimension_score(0, 0) == 40); // T-01 alone: 5 of 5
  CHECK(results.organizations[0].total_without_waivers == 68);
}

TEST_CASE("a waiver naming an organization not in the data is an error and gives no results")
{
  const auto ruleset = engine_test::basic_ruleset();
  const auto dataset = engine_test::small_dataset(*ruleset);
  audit::EngineOptions options;
  options.as_of = engine_test::as_of;
  rules::Waiver unknown = waiver("51330502MJ00000999", "T-01");
  unknown.pos = {"waivers.yaml", 4, 3};
  options.waivers = {unknown};
  Diagnostics diagnostics;
  const auto results = audit::run_audit(ruleset, dataset, options, diagnostics);
  CHECK(results.size() == 0);
  REQUIRE(diagnostics.error_count() == 1);
  const Diagnostic& d = diagnostics.items()[0];
  CHECK(d.file == "waivers.yaml");
  CHECK(d.line == 4);
  CHECK(d.message.find("51330502MJ00000999") != std::string::npos);
}

TEST_CASE("--org and --region select organizations, in dataset order")
{
  audit::EngineOptions options;
  options.organizations = {"53330523MJ00000349", "51330502MJ0000018C"};
  const auto by_org = run(options);
  REQUIRE(by_org.size() == 2);
  CHECK(by_org.organizations[0].total == 103); // dataset order, not the order given
  CHECK(by_org.organizations[1].total == 40);

  audit::EngineOptions by_region_options;
  by_region_options.regions = {"330521"};
  const auto by_region = run(by_region_options);
  REQUIRE(by_region.size() == 1);
  CHECK(by_region.organizations[0].total == 20);
}

TEST_CASE("results do not depend on the number of worker threads")
{
  audit::EngineOptions four;
  four.jobs = 4;
  const auto one_job = run();
  const auto four_jobs = run(four);
  REQUIRE(one_job.size() == four_jobs.size());
  for (std::size_t o = 0; o < one_job.size(); ++o) {
    CAPTURE(o);
    CHECK(one_job.organizations[o].total == four_jobs.organizations[o].total);
    CHECK(statuses(one_job, o) == statuses(four_jobs, o));
  }
}

TEST_CASE("an exception in an engine worker reaches the caller instead of ending the process")
{
  const auto ruleset = engine_test::basic_ruleset();
  const auto dataset = engine_test::small_dataset(*ruleset);
  for (unsigned jobs : {1u, 4u}) {
    CAPTURE(jobs);
    audit::EngineOptions options;
    options.as_of = engine_test::as_of;
    options.jobs = jobs;
    options.progress = [](std::size_t, std::size_t) {
      throw std::runtime_error("progress bar broke");
    };
    Diagnostics diagnostics;
    CHECK_THROWS_WITH_AS(audit::run_audit(ruleset, dataset, options, diagnostics),
                         "progress bar broke", std::runtime_error);
  }
}
