#include <doctest/doctest.h>

#include "expr_fixture.hpp"

using namespace orgaudit::expr;
using expr_test::message_of;
using expr_test::problems_of;

namespace {

Compiler make_compiler()
{
  return Compiler(expr_test::make_schema());
}

bool compiles(Compiler& compiler, std::string_view source, Expected expected = Expected::any)
{
  std::vector<Problem> problems;
  const bool ok = compiler.compile(source, expected, problems) != nullptr;
  CHECK_MESSAGE(problems.empty(), (problems.empty() ? "" : problems[0].message));
  return ok;
}

} // namespace

TEST_CASE("well-typed expressions over the schema compile")
{
  Compiler compiler = make_compiler();
  CHECK(compiles(compiler, "org.status == 'active'", Expected::boolean));
  CHECK(compiles(compiler, "org.type == '社会团体'", Expected::boolean)); // an alias
  CHECK(compiles(compiler, "org.grade >= '4A'", Expected::boolean));
  CHECK(compiles(compiler, "org.type in ['foundation', 'social_group']", Expected::boolean));
  CHECK(compiles(compiler, "'fine' in incidents.map(i, i.kind)", Expected::boolean));
  CHECK(compiles(compiler, "org.dues_tiers * 2.5", Expected::number));
  CHECK(
      compiles(compiler, "annual_reports.exists(r, r.year == year(as_of) - 1)", Expected::boolean));
  CHECK(compiles(compiler, "sum(activities.map(a, a.amount)) / 2", Expected::number));
  CHECK(
      compiles(compiler, "max(activities.map(a, a.date)) > date('2025-01-01')", Expected::boolean));
  CHECK(compiles(compiler, "days_between(org.registered_on, as_of) > 365", Expected::boolean));
  CHECK(compiles(compiler, "org.name.matches('协会$') && uscc_valid(org.uscc)", Expected::boolean));
  CHECK(compiles(compiler, "string(org.type) + '/' + string(org.registered_on)"));
  CHECK(compiles(compiler, "has(org.grade) ? 1 : 0.5", Expected::number));
  CHECK(
      compiles(compiler, "incidents.sort_by(i, i.date).last().kind == 'fine'", Expected::boolean));
  CHECK(compiles(compiler, "null", Expected::boolean)); // null is `missing`, whatever is expected
}

TEST_CASE("unknown names, columns and functions suggest the nearest")
{
  Compiler compiler = make_compiler();
  CHECK(problems_of(compiler, "org.grdae == '4A'") ==
        "4+5: unknown column \"grdae\" of organizations; did you mean \"grade\"?\n");
  CHECK(problems_of(compiler, "annual_report.size() > 0") ==
        "0+13: unknown name \"annual_report\"; did you mean \"annual_reports\"?\n");
  CHECK(message_of(compiler, "organizations.size()") ==
        "unknown name \"organizations\"; the organization is \"org\"");
  CHECK(message_of(compiler, "foo") == "unknown name \"foo\"");
  CHECK(message_of(compiler, "incidents.exists(i, i.knd == 'fine')") ==
        "unknown column \"knd\" of incidents; did you mean \"kind\"?");
  CHECK(message_of(compiler, "incidents.exists(i, x.kind == 'fine')") ==
        "unknown name \"x\"; did you mean \"i\"?");
  CHECK(message_of(compiler, "org.name.startswith('a')") ==
        "unknown function \"startswith\"; did you mean \"startsWith\"?");
  CHECK(message_of(compiler, "annual_reports.exist(r, true)") ==
        "unknown function \"exist\"; did you mean \"exists\"?");
}

TEST_CASE("enum literals are checked against the column's values")
{
  Compiler compiler = make_compiler();
  CHECK(
      problems_of(compiler, "org.type == \"foundatoin\"") ==
      "12+12: \"foundatoin\" is not a value of organizations.type; did you mean \"foundation\"?\n");
  CHECK(message_of(compiler, "'company' == org.type") ==
        "\"company\" is not a value of organizations.type (values: social_group, "
        "social_service_agency, foundation)");
  CHECK(message_of(compiler, "org.status in ['active', 'revokd']") ==
        "\"revokd\" is not a value of organizations.status; did you mean \"revoked\"?");
  CHECK(message_of(compiler, "'fien' in incidents.map(i, i.kind)") ==
        "\"fien\" is not a value of incidents.kind; did you mean \"fine\"?");
}

TEST_CASE("type errors name both types")
{
  Compiler compiler = make_compiler();
  CHECK(problems_of(compiler, "org.grade > 3") ==
        "0+13: cannot compare enum organizations.grade with int\n");
  CHECK(message_of(compiler, "org.name > 3") == "cannot compare string with int");
  CHECK(message_of(compiler, "org.type == incidents.first().kind") ==
        "cannot compare enum organizations.type with enum incidents.kind");
  CHECK(message_of(compiler, "org.registered_on < 2020") == "cannot compare date with int");
  CHECK(message_of(compiler, "org.industry_association < true") == "'<' cannot order bools");
  CHECK(message_of(compiler, "org.name + 1") == "'+' cannot combine string and int");
  CHECK(message_of(compiler, "org.dues_tiers % 2.0") ==
        "'%' takes ints only, this is int % double");
  CHECK(message_of(compiler, "org.dues_tiers && true") == "'&&' needs bool operands, this is int");
  CHECK(message_of(compiler, "!org.name") == "'!' needs a bool, this is string");
  CHECK(message_of(compiler, "-org.name") == "'-' needs a number, this is string");
  CHECK(message_of(compiler, "org.dues_tiers ? 1 : 2") ==
        "the condition of '?:' must be a bool, this is int");
  CHECK(message_of(compiler, "true ? 1 : 'a'") ==
        "the branches of '?:' have different types: int and string");
  CHECK(message_of(compiler, "[1, 'a']") == "list elements must have one type: int and string");
  CHECK(message_of(compiler, "[[1]]") == "lists of lists are not supported");
  CHECK(message_of(compiler, "annual_reports.year") ==
        "cannot select field \"year\" from list<row<annual_reports>>");
  CHECK(message_of(compiler, "1 in org.dues_tiers") ==
        "'in' needs a list on its right, this is int");
  CHECK(message_of(compiler, "'a' in [1, 2]") == "cannot look for string in list<int>");
  CHECK(message_of(compiler, "org.exists(x, true)") ==
        "exists() needs a list, this is row<organizations>");
  CHECK(message_of(compiler, "incidents.exists(i, i.amount)") ==
        "the predicate of exists() must be a bool, this is double");
  CHECK(message_of(compiler, "incidents.all(1, true)") ==
        "the first argument of all() must be a variable name");
  CHECK(message_of(compiler, "incidents.filter(i)") ==
        "filter() takes 2 arguments (a variable name and an expression), got 1");
  CHECK(message_of(compiler, "incidents.sort_by(i, i)") ==
        "the key of sort_by() must be a scalar, this is row<incidents>");
  CHECK(message_of(compiler, "size(1)") == "size() needs a list or a string, this is int");
  CHECK(message_of(compiler, "size(org.name, 1)") == "size() takes 1 argument, got 2");
  CHECK(message_of(compiler, "org.name.startsWith()") == "startsWith() takes 1 argument, got 0");
  CHECK(message_of(compiler, "first(incidents)") ==
        "first() is called on a value, as in x.first()");
  CHECK(message_of(compiler, "org.registered_on.year()") ==
        "year() is a function, not a method: write year(x)");
  CHECK(message_of(compiler, "sum(incidents)") ==
        "sum() needs a list of numbers, this is list<row<incidents>>");
  CHECK(message_of(compiler, "max(['a'])") ==
        "max() needs a list of numbers or dates, this is list<string>");
  CHECK(message_of(compiler, "year(org.name)") == "year() needs a date, this is string");
  CHECK(message_of(compiler, "days_between(org.registered_on, 3)") ==
        "days_between() needs dates, this is int");
  CHECK(message_of(compiler, "add_years(2026, 1)") == "add_years() needs a date, this is int");
  CHECK(message_of(compiler, "add_years(as_of, 1.5)") ==
        "add_years() needs an int, this is double");
  CHECK(message_of(compiler, "add_years(as_of)") == "add_years() takes 2 arguments, got 1");
  CHECK(message_of(compiler, "int(org.registered_on)") ==
        "int() needs a double or a string, this is date");
  CHECK(message_of(compiler, "has(org)") ==
        "has() takes one field selection, such as has(org.grade)");
  CHECK(message_of(compiler, "date('2026-02-30')") ==
        "\"2026-02-30\" is not a date (expected YYYY-MM-DD)");
  CHECK(message_of(compiler, "org.name.startsWith(1)") ==
        "the argument of startsWith() must be a string, this is int");
}

TEST_CASE("matches() compiles its pattern once, at load, and rejects a bad one")
{
  Compiler compiler = make_compiler();
  CHECK(message_of(compiler, "org.name.matches('(协会')") ==
        "invalid regular expression \"(协会\": missing ): (协会");
  CHECK(message_of(compiler, "org.name.matches(org.region)") ==
        "the pattern of matches() must be a string literal, so that it is compiled once");
}

TEST_CASE("pass: must be bool and score: a number")
{
  Compiler compiler = make_compiler();
  CHECK(problems_of(compiler, "org.dues_tiers", Expected::boolean) ==
        "0+14: must be a bool expression, this is int\n");
  CHECK(message_of(compiler, "org.name", Expected::number) ==
        "must be a number expression, this is string");
  CHECK(message_of(compiler, "incidents", Expected::boolean) ==
        "must be a bool expression, this is list<row<incidents>>");
  CHECK(compiles(compiler, "org.dues_tiers", Expected::number));
  CHECK(compiles(compiler, "2.5", Expected::number));
}

TEST_CASE("every problem is reported, not only the first")
{
  Compiler compiler = make_compiler();
  CHECK(problems_of(compiler,
                    "org.grdae == '4A' && org.type == 'foundatoin' || org.staus == 'active'") ==
        "4+5: unknown column \"grdae\" of organizations; did you mean \"grade\"?\n"
        "33+12: \"foundatoin\" is not a value of organizations.type; did you mean \"foundation\"?\n"
        "53+5: unknown column \"staus\" of organizations; did you mean \"status\"?\n");
}

TEST_CASE("let: names: defined in order, typed, and never redefined")
{
  Compiler compiler = make_compiler();
  std::vector<Problem> problems;
  CHECK(compiler.define("last_report",
                        "annual_reports.filter(r, r.year == year(as_of) - 1).first()", problems));
  CHECK(compiler.define("last_result", "last_report.result", problems));
  CHECK(problems.empty());
  CHECK(compiles(compiler, "last_result == 'qualified'", Expected::boolean));
  CHECK(compiles(compiler, "last_report.revenue > 0.0", Expected::boolean));
  CHECK(message_of(compiler, "last_result == 'qualifed'") ==
        "\"qualifed\" is not a value of annual_reports.result; did you mean \"qualified\"?");
  CHECK(message_of(compiler, "last_reprot.year") ==
        "unknown name \"last_reprot\"; did you mean \"last_report\"?");
  CHECK_FALSE(compiler.define("org", "1", problems));
  CHECK_FALSE(compiler.define("last_report", "1", problems));
  CHECK_FALSE(compiler.define("broken", "org.nme", problems));
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].message == "\"org\" is already defined; choose another let: name");
  CHECK(problems[1].message == "\"last_report\" is already defined; choose another let: name");
  CHECK(problems[2].message == "unknown column \"nme\" of organizations; did you mean \"name\"?");
  CHECK(message_of(compiler, "broken") == "unknown name \"broken\"");
}

TEST_CASE("a chain of lets too deep to evaluate safely is a problem")
{
  Compiler compiler = make_compiler();
  std::vector<Problem> problems;
  const std::string bangs(190, '!');
  CHECK(compiler.define("l0", bangs + "true", problems));
  auto name = [](std::size_t i) {
    std::string out = "l";
    out += std::to_string(i);
    return out;
  };
  std::size_t defined = 1;
  while (defined < 20 && compiler.define(name(defined), bangs + name(defined - 1), problems)) {
    ++defined;
  }
  CHECK(defined == 5); // 5 × 191 levels fit in 1000, a sixth does not
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message == "expression nested too deeply through let: names (limit 1000)");
}
