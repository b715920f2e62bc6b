#include <doctest/doctest.h>

#include <cmath>

#include <orgaudit/audit/summary.hpp>

#include "report_fixture.hpp"

using namespace orgaudit;

TEST_CASE("summarize counts grades, vetoes, flags, regions, types and failures")
{
  const test::ReportFixture f = test::make_report_fixture();
  const audit::Summary s = audit::summarize(f.results);
  CHECK(s.organizations == 9);
  // exemplary: 2 (orgs 1, 6); good: 3 (5, 8, 9); pass: 1 (7); fail: 2 (2, 3 vetoed); ungraded: 1
  // (4).
  CHECK(s.grades == std::vector<std::size_t>{2, 3, 1, 2, 1});
  CHECK(s.vetoed == 1);
  CHECK(s.flags == std::vector<std::size_t>{2});
  CHECK(s.flagged == 2);
  CHECK(s.waivers == 1);
  // (96 + 40.5 + 90 + 20 + 78.25 + 96 + 61 + 75 + 75) / 9 = 631.75 / 9 = 70.194…
  CHECK(s.mean_total == 70.19);
  // Institutions: org 8 is excluded (NaN); (60+10+60+0+48+56+40+60) / 8 = 41.75.
  CHECK(s.dimension_means[0] == doctest::Approx(41.75));
  CHECK(s.dimension_means[1] ==
        doctest::Approx((40 + 26.67 + 40 + 40 + 26.67 + 40 + 13.33 + 30 + 13.33) / 9));

  REQUIRE(s.by_region.size() == 7);
  CHECK(s.by_region[0].key == "330500");
  CHECK(s.by_region[0].organizations == 2);
  CHECK(s.by_region[0].mean_total == doctest::Approx(78.5)); // (96 + 61) / 2
  CHECK(s.by_region[6].key == "330599");
  REQUIRE(s.by_type.size() == 3);
  CHECK(s.by_type[0].key == "social_group");
  CHECK(s.by_type[0].organizations == 4);
  CHECK(s.by_type[2].key == "foundation");
  CHECK(s.by_type[2].grades == std::vector<std::size_t>{1, 1, 0, 0, 0});
  CHECK(s.by_type[2].mean_total == 85.5);

  // ZD-02: fail 1 + partial 3 + missing 1 = 5; GF-02: fail 1 + error 1 + partial 1 = 3;
  // ZD-01: partial 1 + missing 1 = 2; GF-01: fail 2 = 2 (ties keep rule-set order).
  REQUIRE(s.most_failed.size() == 4);
  CHECK(s.most_failed[0].indicator == 1);
  CHECK(s.most_failed[0].failed == 1);
  CHECK(s.most_failed[0].partial == 3);
  CHECK(s.most_failed[0].missing == 1);
  CHECK(s.most_failed[1].indicator == 3);
  CHECK(s.most_failed[1].failed == 2);
  CHECK(s.most_failed[2].indicator == 0);
  CHECK(s.most_failed[3].indicator == 2);
}

TEST_CASE("round2 rounds half away from zero")
{
  CHECK(audit::round2(0.125) == 0.13);
  CHECK(audit::round2(-0.125) == -0.13);
}
