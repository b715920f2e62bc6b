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

TEST_CASE("an indicator needs exactly one of pass and score, and a veto its when")
{
  ScratchDir dir("compile-required");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(dimensions:
  - id: institution
    indicators:
      - {id: C-01, label: {zh: 甲, en: A}, points: 1}
      - {id: C-02, label: {zh: 乙, en: B}, points: 1, pass: "true", score: "1"}
vetoes:
  - {id: V-02, label: {zh: 丙, en: C}}
)Y");
  CHECK(!loaded.set);
  CHECK(loaded.messages() ==
        std::vector<std::string>{
            "child.yaml:6:9: indicator \"C-01\" needs exactly one of pass: or score:",
            "child.yaml:7:9: indicator \"C-02\" needs exactly one of pass: or score:",
            "child.yaml:9:5: veto \"V-02\" has no when:"});
}

TEST_CASE("settings out of range and grades out of order are errors at their values")
{
  ScratchDir dir("compile-settings");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(scale: 0
min_coverage: 1.5
grades:
  - {id: top, label: {zh: 甲, en: A}, min: 50}
  - {id: low, label: {zh: 乙, en: B}, min: 80}
veto_grade: nowhere
)Y");
  CHECK(!loaded.set);
  CHECK(loaded.messages() ==
        std::vector<std::string>{
            "child.yaml:3:8: scale must be positive",
            "child.yaml:4:15: min_coverage must be between 0 and 1, not 1.5",
            "child.yaml:7:43: grades must be in descending order of min: 80 is not below 50",
            "child.yaml:8:13: veto_grade \"nowhere\" is not one of the grades"});
}

TEST_CASE("a compiled rule set keeps the rules in file order with their points and dimensions")
{
  ScratchDir dir("compile-shape");
  auto loaded = load_written(dir, "child.yaml", child_of_basic());
  REQUIRE(loaded.set);
  const rules::RuleSet& set = *loaded.set;
  REQUIRE(set.indicators.size() == 4);
  CHECK(set.indicators[2].id == "T-03");
  CHECK(set.indicators[2].points == 8);
  CHECK(set.dimensions[1].id == "compliance");
  CHECK(set.dimensions[1].weight == 60);
  CHECK(set.dimensions[1].indicators == std::vector<std::size_t>{2, 3});
  CHECK(set.bonus_cap == 3);
  CHECK(set.min_coverage == doctest::Approx(0.6));
  const auto ref = set.find("Z4");
  REQUIRE(ref);
  CHECK(ref->kind == rules::RuleRef::Kind::criterion);
  CHECK(ref->index == 0);
  CHECK(ref->criterion == 1);
}
