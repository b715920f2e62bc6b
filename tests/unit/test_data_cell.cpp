#include <doctest/doctest.h>

#include <charconv>
#include <cmath>

#include <orgaudit/data/cell.hpp>

using namespace orgaudit::data;

TEST_CASE("booleans accept the spellings of SPEC §2")
{
  for (const char* yes : {"true", "TRUE", "1", "yes", "Yes", "是", " 是 "}) {
    CAPTURE(yes);
    CHECK(parse_boolean(yes) == true);
  }
  for (const char* no : {"false", "False", "0", "no", "NO", "否"}) {
    CAPTURE(no);
    CHECK(parse_boolean(no) == false);
  }
  CHECK_FALSE(parse_boolean("对"));
  CHECK_FALSE(parse_boolean("2"));
}

TEST_CASE("integers and decimals must be whole tokens")
{
  CHECK(parse_integer(" 42 ") == 42);
  CHECK(parse_integer("+7") == 7);
  CHECK(parse_integer("-3") == -3);
  CHECK_FALSE(parse_integer("3.0"));
  CHECK_FALSE(parse_integer("12a"));
  CHECK_FALSE(parse_integer("99999999999999999999"));
  CHECK(parse_decimal("1200.50") == 1200.5);
  CHECK(parse_decimal("-0.25") == -0.25);
  CHECK(parse_decimal("1e3") == 1000.0);
  CHECK_FALSE(parse_decimal("1,200"));
  CHECK_FALSE(parse_decimal("nan"));
  CHECK_FALSE(parse_decimal(""));
}

TEST_CASE("looks_like_date tells a bad day from text that is no date at all")
{
  CHECK(looks_like_date("2024-02-30"));
  CHECK(looks_like_date("2024/2/30"));
  CHECK(looks_like_date("2024年2月30日"));
  CHECK_FALSE(looks_like_date("soon"));
  CHECK_FALSE(looks_like_date("2024-02"));
  CHECK_FALSE(looks_like_date("24-02-03"));
}

TEST_CASE("cells are null when empty after trimming and describe themselves for messages")
{
  CHECK(Cell{}.is_null());
  CHECK(Cell::of_text("  ").is_null());
  CHECK_FALSE(Cell::of_text("0").is_null());
  CHECK(describe_cell(Cell::of_text("x")) == "\"x\"");
  CHECK(describe_cell(Cell::of_integer(-4)) == "-4");
  CHECK(describe_cell(Cell::of_boolean(true)) == "true");
}

TEST_CASE("parse_decimal gives exactly what from_chars gives, on the fast path and off it")
{
  const std::string_view alphabet = "0123456789.-e+ ";
  std::uint32_t x = 99;
  for (int round = 0; round < 200000; ++round) {
    std::string text;
    x = x * 1664525 + 1013904223;
    const int length = 1 + static_cast<int>((x >> 8) % 20);
    for (int k = 0; k < length; ++k) {
      x = x * 1664525 + 1013904223;
      // Mostly digits, sometimes a point or a sign, rarely anything else.
      const std::uint32_t pick = (x >> 16) % 100;
      text += pick < 85   ? alphabet[pick % 10]
              : pick < 93 ? '.'
              : pick < 97 ? '-'
                          : alphabet[11 + pick % 4];
    }
    CAPTURE(text);
    std::string_view view = text;
    while (!view.empty() && view.front() == ' ') {
      view.remove_prefix(1);
    }
    while (!view.empty() && view.back() == ' ') {
      view.remove_suffix(1);
    }
    if (!view.empty() && view.front() == '+') {
      view.remove_prefix(1);
    }
    double expected = 0;
    const auto [end, ec] = std::from_chars(view.data(), view.data() + view.size(), expected);
    const bool valid = !view.empty() && ec == std::errc() && end == view.data() + view.size() &&
                       std::isfinite(expected);
    const auto parsed = orgaudit::data::parse_decimal(text);
    REQUIRE(parsed.has_value() == valid);
    if (valid) {
      CHECK(std::signbit(*parsed) == std::signbit(expected));
      CHECK(*parsed == expected);
    }
  }
}
