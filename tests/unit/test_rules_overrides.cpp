#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <orgaudit/rules/loader.hpp>

#include "rules_fixture.hpp"

using namespace orgaudit;
using namespace orgaudit::test;

// A child's `overrides:` (rules/README.md §3.3): the keys it changes and
// nothing else; every id must be the parent's.

TEST_CASE("an override changes only the keys it gives of a parent's rule")
{
  ScratchDir dir("overrides-change");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(overrides:
  T-02: {points: 3, severity: high}
  V-01: {label: {zh: 严重失信, en: Serious list}}
  risky: {match: any}
)Y");
  REQUIRE_MESSAGE(loaded.set, loaded.diagnostics.format());
  const rules::RuleSet& set = *loaded.set;
  const rules::Indicator& t02 = set.indicators[set.find("T-02")->index];
  CHECK(t02.points == 3);
  CHECK(t02.severity == rules::Severity::high);
  CHECK(t02.label.zh == "纪检委员"); // not overridden: the parent's
  const rules::Condition& v01 = set.vetoes[set.find("V-01")->index];
  CHECK(v01.label.zh == "严重失信");
  CHECK(v01.label.en == "Serious list");
  // Now any one criterion raises risky.
  CHECK(set.flags[1].match == rules::Flag::Match::any);
}

TEST_CASE("an override of an id the parent lacks, or not a map, is an error at its key")
{
  ScratchDir dir("overrides-unknown");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(overrides:
  T-2: {points: 3}
  T-01: 4
  dormant:
    criteria: {Z2: {label: {zh: 甲, en: A}}}
)Y");
  CHECK(!loaded.set);
  CHECK(loaded.messages() ==
        std::vector<std::string>{
            "child.yaml:4:3: overrides: the parent rule set has no rule \"T-2\"; did you mean "
            "\"T-02\"?",
            "child.yaml:5:9: overrides of \"T-01\" must be a map",
            "child.yaml:7:16: flag \"dormant\" has no criterion \"Z2\"; did you mean \"Z1\"?"});
}

TEST_CASE("enabled: takes only true or false")
{
  ScratchDir dir("overrides-enabled");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(overrides:
  T-01: {enabled: maybe}
)Y");
  CHECK(!loaded.set);
  CHECK(loaded.messages() ==
        std::vector<std::string>{"child.yaml:4:19: enabled: must be true or false"});
}
