#include <doctest/doctest.h>

#include <orgaudit/rules/loader.hpp>

#include "rules_fixture.hpp"

using namespace orgaudit;
using namespace orgaudit::test;

using Ids = std::set<std::string, std::less<>>;

TEST_CASE("a rule set without a parent owns every rule")
{
  Diagnostics diagnostics;
  const auto set = rules::load_ruleset(basic_ruleset_path(), diagnostics);
  REQUIRE(set);
  CHECK_FALSE(set->extends_parent);
  CHECK(set->tailored.empty());
  CHECK(set->own_rule("T-01"));
  CHECK(set->own_rule("Z4"));
}

TEST_CASE("a child tailors the rules it adds and overrides, a flag with its criteria")
{
  ScratchDir dir("tailored-overrides");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(overrides:
  T-03: {points: 10}
  compliance: {weight: 50}
  dormant: {criteria: {Z4: {label: {zh: 失联, en: Unreachable}}}}
  B-01: {enabled: false}
dimensions:
  - id: institution
    indicators:
      - {id: C-01, label: {zh: 甲, en: A}, points: 1, pass: "true"}
vetoes:
  - {id: C-V1, label: {zh: 乙, en: B}, when: "false"}
flags:
  - id: risky
    criteria:
      - {id: R3, label: {zh: 丙, en: C}, when: "org.address_reachable == false"}
)Y");
  REQUIRE(loaded.set);
  const rules::RuleSet& set = *loaded.set;
  CHECK(set.extends_parent);
  CHECK(set.tailored == Ids{"B-01", "C-01", "C-V1", "R3", "T-03", "Z4", "dormant", "risky"});
  CHECK(set.own_rule("T-03"));
  CHECK_FALSE(set.own_rule("T-01"));
  CHECK_FALSE(set.own_rule("Z1"));
  CHECK_FALSE(set.own_rule("R1"));
}

TEST_CASE("a child tailors the rules that read a let it replaces, through other lets too")
{
  ScratchDir dir("tailored-lets");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(let:
  report_year: year(as_of) - 2
)Y");
  REQUIRE(loaded.set);
  // report_year → last_report → T-03; Z1 reads report_year itself. A column
  // spelled like a let (r.year) is not a let.
  CHECK(loaded.set->tailored == Ids{"T-03", "Z1", "dormant"});

  auto added = load_written(dir, "added.yaml", child_of_basic() + R"Y(let:
  county_year: "2025"
)Y");
  REQUIRE(added.set);
  CHECK(added.set->extends_parent);
  CHECK(added.set->tailored.empty());
  CHECK_FALSE(added.set->own_rule("T-03"));
}

TEST_CASE("a grandchild tailors only what its own file changes")
{
  ScratchDir dir("tailored-chain");
  dir.write("middle.yaml", child_of_basic() + "overrides:\n  T-01: {points: 9}\n");
  auto loaded = load_written(dir, "leaf.yaml", R"Y(ruleset: leaf
extends: middle.yaml
overrides:
  T-02: {points: 9}
)Y");
  REQUIRE(loaded.set);
  CHECK(loaded.set->tailored == Ids{"T-02"});
  CHECK(loaded.set->indicators[loaded.set->find("T-01")->index].points == 9);
}
