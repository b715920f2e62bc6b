#include <doctest/doctest.h>

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
