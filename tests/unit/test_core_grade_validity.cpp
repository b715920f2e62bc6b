#include <doctest/doctest.h>

#include <orgaudit/core/grade_validity.hpp>

using namespace orgaudit;

namespace {

Date at(const char* text)
{
  return *parse_date(text);
}

} // namespace

TEST_CASE("a grade announced before 2026-03-01 is valid to the day before its fifth anniversary")
{
  CHECK(grade_expires_on(at("2025-06-15")) == at("2030-06-15"));
  CHECK(grade_valid_on(at("2025-06-15"), at("2030-06-14")));
  CHECK_FALSE(grade_valid_on(at("2025-06-15"), at("2030-06-15")));
  // Five years holding two Feb 29s.
  CHECK(grade_valid_on(at("2023-03-01"), at("2028-02-29")));
  CHECK_FALSE(grade_valid_on(at("2023-03-01"), at("2028-03-01")));
  CHECK(grade_expires_on(at("2024-02-29")) == at("2029-02-28"));
  CHECK(grade_expires_on(at("2026-02-28")) == at("2031-02-28"));
}

TEST_CASE("a grade announced from 2026-03-01 on is valid to Dec 31 of year 5")
{
  CHECK(grade_expires_on(at("2026-03-01")) == at("2032-01-01"));
  CHECK(grade_valid_on(at("2026-04-01"), at("2031-12-31")));
  CHECK_FALSE(grade_valid_on(at("2026-04-01"), at("2032-01-01")));
  CHECK(grade_valid_on(at("2026-04-01"), at("2026-04-01")));
  CHECK_FALSE(grade_valid_on(at("2026-04-01"), at("2026-03-31"))); // not yet announced
  CHECK(grade_valid_on(at("9999-06-01"), at("9999-12-31")));
}
