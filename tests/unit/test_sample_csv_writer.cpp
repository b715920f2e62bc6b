#include <doctest/doctest.h>

#include <string>

#include <orgaudit/sample/csv_writer.hpp>

using namespace orgaudit::sample;

TEST_CASE("fields are quoted only when they must be, quotes doubled")
{
  std::string out;
  CsvWriter row(out);
  row.text("湖州市电梯行业协会");
  row.text("a,b");
  row.text("say \"hi\"");
  row.text("two\nlines");
  row.text("cr\rhere");
  row.text("");
  row.end_row();
  CHECK(out == "湖州市电梯行业协会,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\n");
}

TEST_CASE("numbers, money, dates, booleans and nulls have one canonical spelling")
{
  std::string out;
  CsvWriter row(out);
  row.integer(0);
  row.integer(-42);
  row.integer(9'007'199'254'740'993);
  row.money(0);
  row.money(5);
  row.money(2'640'000'000);
  row.money(-150);
  row.date(*orgaudit::make_date(2026, 3, 1));
  row.date(*orgaudit::make_date(1990, 12, 31));
  row.boolean(true);
  row.boolean(false);
  row.null();
  row.end_row();
  row.null();
  row.null();
  row.end_row();
  CHECK(
      out ==
      "0,-42,9007199254740993,0.00,0.05,26400000.00,-1.50,2026-03-01,1990-12-31,true,false,\n,\n");
}
