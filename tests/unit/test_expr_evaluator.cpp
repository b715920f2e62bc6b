#include <doctest/doctest.h>

#include "expr_fixture.hpp"

using expr_test::World;

TEST_CASE("Kleene logic: the null rules of SPEC §4")
{
  World w;
  CHECK(w.show("false && null") == "false");
  CHECK(w.show("null && false") == "false");
  CHECK(w.show("true || null") == "true");
  CHECK(w.show("null || true") == "true");
  CHECK(w.show("null && true") == "null");
  CHECK(w.show("false || null") == "null");
  CHECK(w.show("null && null") == "null");
  CHECK(w.show("null || null") == "null");
  CHECK(w.show("true && true") == "true");
  CHECK(w.show("false || false") == "false");
  CHECK(w.show("!null") == "null");
  CHECK(w.show("!true") == "false");
  CHECK(w.show("max([])") == "null");
  CHECK(w.show("incidents.filter(i, false).first()") == "null");
  CHECK(w.show("null == null") == "true");
  CHECK(w.show("org.grade == null", 1) == "true");
  CHECK(w.show("org.grade != null", 1) == "false");
  CHECK(w.show("org.grade != null", 0) == "true");
  CHECK(w.show("null == 1") == "false");
}

TEST_CASE("nulls spread through member access, arithmetic, comparison, in, ?: and functions")
{
  World w;
  CHECK(w.show("org.grade == '4A'", 1) == "null");
  CHECK(w.show("org.dues_tiers + 1", 1) == "null");
  CHECK(w.show("org.dues_tiers > 1", 1) == "null");
  CHECK(w.show("org.grade in ['4A', '5A']", 1) == "null");
  CHECK(w.show("org.dues_tiers in [1, 2]", 1) == "null");
  CHECK(w.show("org.charter_party_clause ? 1 : 2", 1) == "null");
  CHECK(w.show("size(org.name) + year(org.registered_on)", 1) == "null");
  CHECK(w.show("annual_reports.filter(r, r.year == 1990).first().staff") == "null");
  CHECK(w.show("org.name.startsWith(org.region)", 1) == "null");
  CHECK(w.show("string(org.grade) == '4A'", 1) == "null");
  CHECK(w.show("-org.dues_tiers", 1) == "null");
  // A null left side still evaluates the right one.
  CHECK(w.show("org.charter_party_clause && org.status == 'active'", 1) == "false");
  CHECK(w.show("org.charter_party_clause || org.status == 'deregistered'", 1) == "true");
  CHECK(w.show("3 in [1, null]") == "null");
  CHECK(w.show("1 in [1, null]") == "true");
}

TEST_CASE("has() is true when the column is present and the cell is not null")
{
  World w;
  CHECK(w.show("has(org.grade)", 0) == "true");
  CHECK(w.show("has(org.grade)", 1) == "false");
  CHECK(w.show("incidents.exists(i, has(i.resolved_on))") == "true");
  CHECK(w.show("incidents.exists(i, has(i.note))") ==
        "false"); // the column is absent from the input
  CHECK(w.show("incidents.filter(i, false).first().note == null") == "true");
  CHECK(w.show("has(incidents.filter(i, false).first().date)") == "false");
}

TEST_CASE("arithmetic: ints, doubles, widening and truncating division")
{
  World w;
  CHECK(w.show("1 + 2 * 3") == "7");
  CHECK(w.show("(1 + 2) * 3") == "9");
  CHECK(w.show("10 - 4 - 3") == "3");
  CHECK(w.show("7 / 2") == "3");
  CHECK(w.show("-7 / 2") == "-3");
  CHECK(w.show("7 % 3") == "1");
  CHECK(w.show("-7 % 3") == "-1");
  CHECK(w.show("7 / 2.0") == "3.5");
  CHECK(w.show("1 + 0.5") == "1.5");
  CHECK(w.show("org.dues_tiers * 2.5") == "7.5");
  CHECK(w.show("-org.dues_tiers") == "-3");
  CHECK(w.show("-(1.5)") == "-1.5");
  CHECK(w.show("0x10 + 1") == "17");
  CHECK(w.show("2.5e2") == "250");
  CHECK(w.show("annual_reports.first().revenue / 4") == "25000");
}

TEST_CASE("division and % by zero give null and are counted, never a crash or an infinity")
{
  World w;
  CHECK(w.show("1 / 0") == "null (divided by zero)");
  CHECK(w.show("1.0 / 0.0") == "null (divided by zero)");
  CHECK(w.show("1 / 0.0") == "null (divided by zero)");
  CHECK(w.show("5 % 0") == "null (divided by zero)");
  CHECK(w.show("org.dues_tiers / org.dues_tiers", 2) == "null (divided by zero)");
  CHECK(w.show("size(annual_reports.filter(r, r.revenue / r.total_expenses > 1.0))") ==
        "1 (divided by zero)");
  CHECK(w.show("1 / 0 == null") == "true (divided by zero)");
  CHECK(w.show("true || 1 / 0 == 1") == "true"); // short-circuited: never divided
  CHECK(w.show("4 / 2") == "2");
}

TEST_CASE("integer overflow is an evaluation error naming the subexpression")
{
  World w;
  CHECK(w.show("9223372036854775807 + 1") ==
        "error: integer overflow in `9223372036854775807 + 1`");
  CHECK(w.show("-9223372036854775808 - 1") ==
        "error: integer overflow in `-9223372036854775808 - 1`");
  CHECK(w.show("1 + 4611686018427387904 * 2") ==
        "error: integer overflow in `4611686018427387904 * 2`");
  CHECK(w.show("-(-9223372036854775808)") ==
        "error: integer overflow in `-(-9223372036854775808)`");
  CHECK(w.show("-9223372036854775808 / -1") ==
        "error: integer overflow in `-9223372036854775808 / -1`");
  CHECK(w.show("-9223372036854775808 % -1") ==
        "error: integer overflow in `-9223372036854775808 % -1`");
  CHECK(w.show("int(1e19)") == "error: integer overflow in `int(1e19)`");
  CHECK(w.show("int(-1e19)") == "error: integer overflow in `int(-1e19)`");
  CHECK(w.show("sum([9223372036854775807, 1])") ==
        "error: integer overflow in `sum([9223372036854775807, 1])`");
  CHECK(w.show("9223372036854775807 + 0") == "9.2233720368547758e+18");
  CHECK(w.show("-9223372036854775808 + 0") == "-9.2233720368547758e+18");
}

TEST_CASE("comparisons over every domain")
{
  World w;
  CHECK(w.show("1 < 2") == "true");
  CHECK(w.show("2 <= 2") == "true");
  CHECK(w.show("3 > 4") == "false");
  CHECK(w.show("4 >= 4") == "true");
  CHECK(w.show("1 == 1.0") == "true");
  CHECK(w.show("1 != 1.5") == "true");
  CHECK(w.show("2 > 1.5") == "true");
  CHECK(w.show("'abc' < 'abd'") == "true");
  CHECK(w.show("org.name == '湖州市电梯行业协会'") == "true");
  CHECK(w.show("org.registered_on < date('2016-01-01')") == "true");
  CHECK(w.show("org.registered_on == date('2015-06-01')") == "true");
  CHECK(w.show("org.registered_on >= as_of") == "false");
  CHECK(w.show("org.industry_association == true") == "true");
  CHECK(w.show("org.charter_party_clause != true", 2) == "true");
  CHECK(w.show("org.status == 'active'") == "true");
  CHECK(w.show("org.status == 'active'", 1) == "false");
  CHECK(w.show("org.type == '社团'") == "true");
  CHECK(w.show("org.type == 'foundation'", 2) == "true");
  CHECK(w.show("org.grade >= '4A'") == "true");
  CHECK(w.show("org.grade > '4A'") == "false");
  CHECK(w.show("'3A' < org.grade") == "true");
  CHECK(w.show("org.type == org.type") == "true");
  CHECK(w.show("org.type == string(org.type)") == "true");
  CHECK(w.show("org.type != org.name") == "true");
}

TEST_CASE("in: enum sets, lists of any scalar, and child-table values")
{
  World w;
  CHECK(w.show("org.type in ['foundation', 'social_group']") == "true");
  CHECK(w.show("org.type in ['foundation', 'social_group']", 1) == "false");
  CHECK(w.show("org.type in ['基金会']", 2) == "true");
  CHECK(w.show("org.dues_tiers in [1, 2, 3]") == "true");
  CHECK(w.show("3.0 in [1, 2, 3]") == "true");
  CHECK(w.show("3 in [1.5, 3.0]") == "true");
  CHECK(w.show("'b' in ['a', 'b']") == "true");
  CHECK(w.show("'fine' in incidents.map(i, i.kind)") == "true");
  CHECK(w.show("'warning' in incidents.map(i, i.kind)") == "false");
  CHECK(w.show("2024 in annual_reports.map(r, r.year)") == "true");
  CHECK(w.show("1 in []") == "false");
}

TEST_CASE("conditionals choose one branch and widen ints")
{
  World w;
  CHECK(w.show("org.status == 'active' ? 8 : 0") == "8");
  CHECK(w.show("org.status == 'active' ? 8 : 0", 1) == "0");
  CHECK(w.show("true ? 1 : 2.5") == "1");
  CHECK(w.show("false ? 1 : 1 / 0") == "null (divided by zero)");
  CHECK(w.show("true ? 1 : 1 / 0") == "1");
  CHECK(w.show("org.grade == '5A' ? 10 : (org.grade == '4A' ? 8 : 0)") == "8");
  CHECK(w.show("true ? null : 3") == "null");
}
