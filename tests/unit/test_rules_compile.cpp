#include <doctest/doctest.h>

#include <algorithm>

#include <orgaudit/rules/loader.hpp>

#include "rules_fixture.hpp"

using namespace orgaudit;
using namespace orgaudit::test;

// What rules/README.md (§1, §2.1, §8) says the checker accepts and rejects.

namespace {

// A child of basic.yaml adding one indicator to `institution` with `pass`.
LoadedRules load_pass(const ScratchDir& dir, std::string_view pass)
{
  return load_written(dir, "child.yaml",
                      child_of_basic() +
                          "dimensions:\n  - id: institution\n    indicators:\n"
                          "      - {id: C-01, label: {zh: 甲, en: A}, points: 1, pass: \"" +
                          std::string(pass) + "\"}\n");
}

} // namespace

TEST_CASE("enum literals name a canonical value or a Chinese alias, and enums are ordered")
{
  ScratchDir dir("compile-enums");
  for (const char* pass :
       {"org.grade > '3A'", "org.grade >= '四级'", "'3A' < org.grade", "org.type == '基金会'",
        "org.type in ['社会团体', 'foundation']", "annual_reports.exists(r, r.result == '合格')"}) {
    CAPTURE(pass);
    auto loaded = load_pass(dir, pass);
    CHECK(loaded.set);
    CHECK(loaded.messages().empty());
  }
}

TEST_CASE("an enum compared with a number or with a value it lacks is a load error")
{
  ScratchDir dir("compile-enum-errors");
  CHECK(load_pass(dir, "org.grade > 3").messages() ==
        std::vector<std::string>{
            "child.yaml:6:61: pass: cannot compare enum organizations.grade with int"});
  CHECK(load_pass(dir, "org.type == 'foundatoin'").messages() ==
        std::vector<std::string>{"child.yaml:6:73: pass: \"foundatoin\" is not a value of "
                                 "organizations.type; did you mean \"foundation\"?"});
}

TEST_CASE("dimensions share the one namespace of ids with every rule")
{
  ScratchDir dir("compile-namespace");
  auto loaded = load_written(dir, "set.yaml", R"Y(ruleset: one
schema: )Y" + std::string(ORGAUDIT_SOURCE_DIR) + R"Y(/rules/schema/social-org.yaml
grades:
  - {id: pass, label: {zh: 合格, en: Pass}, min: 0}
veto_grade: pass
dimensions:
  - id: D-01
    label: {zh: 甲, en: A}
    weight: 1
    indicators:
      - {id: D-01, label: {zh: 乙, en: B}, points: 1, pass: "true"}
)Y");
  CHECK_FALSE(loaded.set);
  CHECK(loaded.messages() == std::vector<std::string>{"set.yaml:11:14: duplicate id \"D-01\""});
}

TEST_CASE("a rule's note and proposal are read and checked, and basis stays the citation")
{
  ScratchDir dir("compile-note");
  auto loaded =
      load_written(dir, "child.yaml",
                   child_of_basic() + "dimensions:\n  - id: institution\n    indicators:\n"
                                      "      - {id: C-01, label: {zh: 甲, en: A}, points: 1, pass: "
                                      "\"true\", basis: 民政部令第60号, note: \"window: ours\", "
                                      "proposal: true}\n");
  REQUIRE(loaded.set);
  const auto added_at =
      std::find_if(loaded.set->indicators.begin(), loaded.set->indicators.end(),
                   [](const rules::Indicator& indicator) { return indicator.id == "C-01"; });
  REQUIRE(added_at != loaded.set->indicators.end());
  const rules::Indicator& added = *added_at;
  CHECK(added.basis == "民政部令第60号");
  CHECK(added.note == "window: ours");
  CHECK(added.proposal);
  CHECK_FALSE(loaded.set->indicators.front().proposal); // basic.yaml's say nothing
  auto bad =
      load_written(dir, "bad.yaml",
                   child_of_basic() + "dimensions:\n  - id: institution\n    indicators:\n"
                                      "      - {id: C-01, label: {zh: 甲, en: A}, points: 1, pass: "
                                      "\"true\", note: [a], proposal: maybe}\n");
  const std::vector<std::string> messages = bad.messages();
  REQUIRE(messages.size() == 2);
  CHECK(messages[0].ends_with("note: must be a string"));
  CHECK(messages[1].ends_with("proposal: must be true or false"));
}
