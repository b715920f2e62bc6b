#include <doctest/doctest.h>

#include <orgaudit/core/date.hpp>

using namespace orgaudit;

TEST_CASE("parse_date accepts the three forms of SPEC §2")
{
  const auto iso = parse_date("2024-02-29");
  REQUIRE(iso);
  CHECK(format_date(*iso) == "2024-02-29");
  CHECK(parse_date("2024/2/29") == iso);
  CHECK(parse_date("2024/02/29") == iso);
  CHECK(parse_date("2024年2月29日") == iso);
  CHECK(parse_date(" 2024-02-29 ") == iso);
}

TEST_CASE("parse_date rejects days that do not exist and malformed text")
{
  CHECK_FALSE(parse_date("2024-02-30"));
  CHECK_FALSE(parse_date("2023-02-29"));
  CHECK_FALSE(parse_date("2024-13-01"));
  CHECK_FALSE(parse_date("2024-00-10"));
  CHECK_FALSE(parse_date("2024-2-9"));
  CHECK_FALSE(parse_date("2024/02-09"));
  CHECK_FALSE(parse_date("2024-02-09x"));
  CHECK_FALSE(parse_date("24-02-09"));
  CHECK_FALSE(parse_date("2024年2月"));
  CHECK_FALSE(parse_date(""));
}

TEST_CASE("dates are days since 1970-01-01 and round-trip")
{
  CHECK(make_date(1970, 1, 1)->days == 0);
  CHECK(make_date(2000, 3, 1)->days == 11017);
  CHECK(make_date(1949, 10, 1)->days < 0);
  for (int days = -30000; days < 40000; days += 37) {
    const auto ymd = to_ymd(Date{days});
    CHECK(make_date(ymd.year, ymd.month, ymd.day)->days == days);
  }
  CHECK(year_of(*parse_date("2026-11-27")) == 2026);
  CHECK(*parse_date("2026-03-01") > *parse_date("2026-02-28"));
}

TEST_CASE("format_date pads every field and handles years outside 0–9999")
{
  CHECK(format_date(*make_date(1, 1, 1)) == "0001-01-01");
  CHECK(format_date(*make_date(999, 9, 9)) == "0999-09-09");
  CHECK(format_date(*make_date(9999, 12, 31)) == "9999-12-31");
  CHECK(format_date(Date{0}) == "1970-01-01");
  CHECK(format_date(Date{make_date(9999, 12, 31)->days + 2}) == "10000-01-02");
}

TEST_CASE("add_years keeps month and day, and turns Feb 29 into Feb 28 where a year has none")
{
  const auto at = [](const char* text) { return *parse_date(text); };
  CHECK(add_years(at("2021-06-30"), 5) == at("2026-06-30"));
  CHECK(add_years(at("2026-06-30"), -3) == at("2023-06-30"));
  CHECK(add_years(at("2024-02-29"), 1) == at("2025-02-28"));
  CHECK(add_years(at("2024-02-29"), 4) == at("2028-02-29"));
  CHECK(add_years(at("2024-02-29"), -5) == at("2019-02-28"));
  // Five calendar years that hold two Feb 29s are 1,827 days.
  CHECK(add_years(at("2023-03-01"), 5)->days - at("2023-03-01").days == 1827);
  CHECK(add_years(at("2026-11-27"), 0) == at("2026-11-27"));
  CHECK(add_years(at("9999-01-01"), 1) == std::nullopt);
  CHECK(add_years(at("0001-01-01"), -1) == std::nullopt);
  CHECK(add_years(at("2026-01-01"), 2'000'000'000) == std::nullopt);
}
