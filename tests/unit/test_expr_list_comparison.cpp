#include <doctest/doctest.h>

#include "expr_fixture.hpp"

using expr_test::message_of;
using expr_test::World;

TEST_CASE("list equality: element by element, as CEL defines it")
{
  World w;
  CHECK(w.show("[1, 2, 3] == [1, 2, 3]") == "true");
  CHECK(w.show("[1, 2] + [3] == [1, 2, 3]") == "true");
  CHECK(w.show("[2, 4].map(n, n / 2) == [1, 2]") == "true");
  CHECK(w.show("[1].filter(n, n > 3) == []") == "true");
  CHECK(w.show("[1] == [1.0]") == "true");
  CHECK(w.show("[1.5, 2] == [1.5, 2.0]") == "true");
  CHECK(w.show("[1, 2] != [2, 1]") == "true");
  CHECK(w.show("[1] == [1, 1]") == "false");
  CHECK(w.show("[] == []") == "true");
  CHECK(w.show("[1] != []") == "true");
  CHECK(w.show("[] == [1]") == "false");
  CHECK(w.show("[1, 2] == [1, 2] && [3] != [4]") == "true");
}

TEST_CASE("list equality over strings, bools, dates, numbers and enums from child rows")
{
  World w;
  CHECK(w.show("['a', 'b'] == ['a', 'b']") == "true");
  CHECK(w.show("['case'] == ['cAse']") == "false");
  CHECK(w.show("[org.name] == ['湖州市电梯行业协会']") == "true");
  CHECK(w.show("[true, false] == [true, false]") == "true");
  CHECK(w.show("activities.map(a, a.date) == "
               "[date('2025-03-01'), date('2025-01-10'), date('2024-12-01')]") == "true");
  CHECK(w.show("activities.sort_by(a, a.date).map(a, a.date) == activities.map(a, a.date)") ==
        "false");
  CHECK(w.show("annual_reports.map(r, r.staff) == [5, 6, 0]") == "true");
  CHECK(w.show("annual_reports.filter(r, r.revenue != null).map(r, r.revenue) == "
               "[100000, 120000]") == "true");
  CHECK(w.show("activities.map(a, a.kind) == ['integrity_training', 'service', 'training']") ==
        "true");
  CHECK(w.show("activities.map(a, a.kind) == ['service', 'integrity_training', 'training']") ==
        "false");
  CHECK(w.show("['service'] == activities.filter(a, a.participants == 10).map(a, a.kind)") ==
        "true");
  CHECK(w.show("activities.map(a, a.kind) == []", 1) == "true");
  CHECK(w.show("activities.map(a, a.kind) != []") == "true");
  CHECK(w.show("incidents.map(i, i.kind) == ['fine', 'serious_list']") == "true");
  CHECK(w.show("incidents.map(i, i.kind) == ['warning']", 2) == "true");
  CHECK(w.show("[org.type] == ['社团']") == "true"); // an alias names the same value
  CHECK(w.show("activities.map(a, string(a.kind)) == [org.name]") == "false");
}

TEST_CASE("list equality with nulls: different sizes are unequal, an unequal pair decides, "
          "else a null pair leaves it null")
{
  World w;
  // The 2025 report has no result.
  CHECK(w.show("annual_reports.map(r, r.result) == "
               "['qualified', 'basically_qualified', 'qualified']") == "null");
  CHECK(w.show("annual_reports.map(r, r.result) != "
               "['qualified', 'basically_qualified', 'qualified']") == "null");
  CHECK(w.show("annual_reports.map(r, r.result) == "
               "['basically_qualified', 'basically_qualified', 'qualified']") == "false");
  CHECK(w.show("annual_reports.map(r, r.result) != "
               "['basically_qualified', 'basically_qualified', 'qualified']") == "true");
  CHECK(w.show("annual_reports.map(r, r.result) == ['qualified', 'basically_qualified']") ==
        "false");
  CHECK(w.show("[null] == [null]") == "null");
  CHECK(w.show("[1, null] == [1, null]") == "null");
  CHECK(w.show("[1, null] == [2, null]") == "false");
  CHECK(w.show("[1, null] != [1, 2]") == "null");
  CHECK(w.show("[null] == []") == "false");
  // A list that is null itself: the comparison is null; against the literal null, a bool.
  CHECK(w.show("(org.charter_party_clause ? [1] : [2]) == [1]", 1) == "null");
  CHECK(w.show("(org.charter_party_clause ? [1] : [2]) == null", 1) == "true");
  CHECK(w.show("[1] == null") == "false");
  CHECK(w.show("[] != null") == "true");
}

TEST_CASE("list comparisons that are type errors say why")
{
  World w;
  auto& compiler = w.compiler;
  CHECK(message_of(compiler, "[1] < [2]") == "'<' cannot order lists");
  CHECK(message_of(compiler, "['y'] >= ['x']") == "'>=' cannot order lists");
  CHECK(message_of(compiler, "[1] == 1") == "cannot compare list<int> with int");
  CHECK(message_of(compiler, "'a' != ['a']") == "cannot compare string with list<string>");
  CHECK(message_of(compiler, "['one'] == [2, 3]") == "cannot compare list<string> with list<int>");
  CHECK(message_of(compiler, "activities == activities") ==
        "lists of rows cannot be compared (list<row<activities>>); compare a column of them, as "
        "in l.map(x, x.date)");
  CHECK(message_of(compiler, "[] == incidents") ==
        "lists of rows cannot be compared (list<row<incidents>>); compare a column of them, as in "
        "l.map(x, x.date)");
  CHECK(message_of(compiler, "activities.map(a, a.kind) == incidents.map(i, i.kind)") ==
        "cannot compare list<enum activities.kind> with list<enum incidents.kind>");
  CHECK(message_of(compiler, "activities.map(a, a.kind) == [org.name]") ==
        "cannot compare list<enum activities.kind> with list<string>; compare the enum's names, "
        "as in l.map(x, string(x))");
  CHECK(message_of(compiler, "activities.map(a, a.kind) == ['servce', 'training']") ==
        "\"servce\" is not a value of activities.kind; did you mean \"service\"?");
}

namespace {

// A case of the CEL specification's conformance tests (github.com/google/cel-spec,
// tests/simple/testdata/<file>.textproto, section/name) that fits SPEC §4: no
// uint, bytes, maps, dyn() or lists of lists. A case whose expected value is a
// list is written as `expr == [the value]`, as the conformance runner compares it.
struct ConformanceCase {
  const char* name;
  const char* expression;
  const char* expected;
};

constexpr ConformanceCase cel_cases[] = {
    {"basic/self_eval_empty_list", "[] == []", "true"},
    {"basic/self_eval_list_singleitem", "[-1] == [-1]", "true"},
    {"comparisons/eq_literal/eq_list_empty", "[] == []", "true"},
    {"comparisons/eq_literal/eq_list_numbers", "[1, 2, 3] == [1, 2, 3]", "true"},
    {"comparisons/eq_literal/not_eq_list_order", "[1, 2, 3] == [1, 3, 2]", "false"},
    {"comparisons/eq_literal/not_eq_list_string_case", "['case'] == ['cAse']", "false"},
    {"comparisons/eq_literal/eq_list_elem_mixed_types", "[1] == [1.0]", "true"},
    {"comparisons/ne_literal/ne_list_empty", "[] != [1]", "true"},
    {"comparisons/ne_literal/not_ne_list_empty", "[] != []", "false"},
    {"comparisons/ne_literal/ne_list_bool", "[true, false, true] != [true, true, false]", "true"},
    {"comparisons/ne_literal/not_ne_list_bool", "[false, true] != [false, true]", "false"},
    {"comparisons/bound/list_eq_right_false", "[1, 2] == [2, 1]", "false"},
    {"lists/concatentation/list_append", "[0, 1, 2] + [3, 4, 5] == [0, 1, 2, 3, 4, 5]", "true"},
    {"lists/concatentation/list_not_commutative", "[0, 1, 2] + [3, 4, 5] == [3, 4, 5, 0, 1, 2]",
     "false"},
    {"lists/concatentation/list_repeat", "[2] + [2] == [2, 2]", "true"},
    {"lists/concatentation/empty_empty", "[] + [] == []", "true"},
    {"lists/concatentation/left_unit", "[] + [3, 4] == [3, 4]", "true"},
    {"lists/concatentation/right_unit", "[1, 2] + [] == [1, 2]", "true"},
    {"macros/map/list_one", "[3].map(n, n * n) == [9]", "true"},
    {"macros/map/list_many", "[2, 4, 6].map(n, n / 2) == [1, 2, 3]", "true"},
    {"macros/filter/list_one_true", "[2].filter(n, n == 2) == [2]", "true"},
    {"macros/filter/list_one_false", "[1].filter(n, n > 3) == []", "true"},
    {"macros/filter/list_none", "[1, 2, 3].filter(e, e > 3) == []", "true"},
    {"macros/filter/list_some", "[0, 1, 2, 3, 4].filter(x, x % 2 == 1) == [1, 3]", "true"},
    {"macros/filter/list_all", "[1, 2, 3].filter(n, n > 0) == [1, 2, 3]", "true"},
    {"macros/nested/filter_all",
     "['signer'].filter(signer, ['artifact'].all(artifact, true)) == ['signer']", "true"},
    // CEL treats null as a value equal only to null; SPEC §4 makes a comparison
    // with a null element unknown (rules/README.md §8), so these three differ:
    // CEL expects true, false and false.
    {"comparisons/eq_literal/eq_list_null", "[null] == [null]", "null"},
    {"comparisons/eq_literal/not_eq_list_null", "['1', '2', null] == ['1', '2', '3']", "null"},
    {"comparisons/eq_literal/not_eq_list_elem_null", "[1, 2, null] == [1, null, 3]", "null"},
};

// CEL cases that fail at evaluation ("no such overload") or that its checker
// must be disabled for; here the checker rejects them when the rule set loads.
constexpr ConformanceCase cel_type_errors[] = {
    {"comparisons/lt_literal/lt_list_unsupported", "[0] < [1]", "'<' cannot order lists"},
    {"comparisons/gt_literal/gt_list_unsupported", "[1] > [0]", "'>' cannot order lists"},
    {"comparisons/lte_literal/lte_list_unsupported", "[0] <= [0]", "'<=' cannot order lists"},
    {"comparisons/gte_literal/gte_list_unsupported", "['y'] >= ['x']", "'>=' cannot order lists"},
    {"comparisons/eq_literal/not_eq_list_length", "['one'] == [2, 3]",
     "cannot compare list<string> with list<int>"},
};

} // namespace

TEST_CASE("the CEL conformance cases of list equality that fit SPEC §4")
{
  World w;
  for (const ConformanceCase& c : cel_cases) {
    CAPTURE(c.name);
    CHECK(w.show(c.expression) == c.expected);
  }
  for (const ConformanceCase& c : cel_type_errors) {
    CAPTURE(c.name);
    CHECK(message_of(w.compiler, c.expression) == c.expected);
  }
}
