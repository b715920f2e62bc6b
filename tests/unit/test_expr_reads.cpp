#include <doctest/doctest.h>

#include <orgaudit/core/date.hpp>
#include <orgaudit/expr/reads.hpp>

#include "expr_fixture.hpp"

using expr_test::World;
using namespace orgaudit;

TEST_CASE("reads_of finds the lets and child tables an expression reads, through other lets")
{
  World w;
  std::vector<expr::Problem> problems;
  REQUIRE(w.compiler.define("cut_off", "date(string(year(as_of) - 2) + '-01-01')", problems));
  REQUIRE(w.compiler.define("recent", "activities.filter(a, a.date >= cut_off)", problems));
  REQUIRE(w.compiler.define("unused", "incidents.exists(i, true)", problems));
  const auto program = w.compiler.compile("size(recent) == 0 && org.dues_tiers > 1",
                                          expr::Expected::boolean, problems);
  REQUIRE(program);
  const expr::ProgramReads reads = expr::reads_of(*program);
  CHECK(reads.lets == std::vector<std::uint32_t>{0, 1});
  REQUIRE(reads.tables.size() == 1);
  CHECK(w.data.schema->tables[reads.tables[0]].name == "activities");
}

TEST_CASE("let: values that are dates, strings, enums and lists come back in the outcome")
{
  World w;
  std::vector<expr::Problem> problems;
  auto value = [&](std::string_view source) {
    const auto program = w.compiler.compile(source, expr::Expected::any, problems);
    REQUIRE(program);
    return w.evaluator.evaluate(*program, 0);
  };
  CHECK(format_date(value("date('2024-01-01')").date) == "2024-01-01");
  CHECK(value("'-05-31'").text == "-05-31");
  CHECK(value("org.type").text == "social_group");
  CHECK(value("annual_reports").number == 3);
}
