#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <orgaudit/rules/loader.hpp>
#include <orgaudit/rules/raw_ruleset.hpp>

#include "rules_fixture.hpp"

using namespace orgaudit;
using namespace orgaudit::test;

// The structure of a rule-set file (rules/README.md §1): what each element
// must be, reported at its place, every mistake at once.

TEST_CASE("a rule set that is not a map is an error at its start")
{
  ScratchDir dir("parse-raw-root");
  const auto messages = load_written(dir, "set.yaml", "- one\n- two\n").messages();
  REQUIRE(!messages.empty());
  CHECK(messages[0] == "set.yaml:1:1: a rule set must be a YAML map (ruleset:, dimensions:, …)");
}

TEST_CASE("a rule, flag or dimension that is not a map names its kind")
{
  ScratchDir dir("parse-raw-not-map");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(vetoes:
  - V-02
flags:
  - [a, b]
dimensions:
  - 7
)Y");
  CHECK(!loaded.set);
  // Each is reported once as not a map (the checks of the empty element it
  // leaves follow at the same place).
  const auto messages = loaded.messages();
  for (const char* expected : {"child.yaml:4:5: a veto must be a map with an id",
                               "child.yaml:6:5: a flag must be a map with an id",
                               "child.yaml:8:5: a dimension must be a map with an id"}) {
    CAPTURE(expected);
    CHECK(std::count(messages.begin(), messages.end(), expected) == 1);
  }
}

TEST_CASE("an element without an id, or with an empty one, is reported with its kind")
{
  ScratchDir dir("parse-raw-ids");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(deductions:
  - {label: {zh: 甲, en: A}, points: 1, when: "true"}
bonuses:
  - {id: [x], label: {zh: 乙, en: B}, points: 1, when: "true"}
)Y");
  CHECK(!loaded.set);
  const auto messages = loaded.messages();
  REQUIRE(messages.size() >= 2);
  CHECK(messages[0] == "child.yaml:4:5: deduction without an id");
  CHECK(messages[1] == "child.yaml:6:10: the id of a bonus must be a non-empty string");
}

TEST_CASE("an unknown key is reported with the element's kind and the nearest key")
{
  ScratchDir dir("parse-raw-keys");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(flags:
  - id: new_flag
    label: {zh: 甲, en: A}
    mtach: any
    criteria:
      - {id: N1, label: {zh: 乙, en: B}, when: "true", points: 3}
)Y");
  CHECK(!loaded.set);
  CHECK(loaded.messages() ==
        std::vector<std::string>{
            "child.yaml:6:5: unknown key \"mtach\" in a flag; did you mean \"match\"?",
            "child.yaml:8:55: unknown key \"points\" in a criterion"});
}

TEST_CASE("a flag without criteria and a list that is not a list are errors")
{
  ScratchDir dir("parse-raw-lists");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(flags:
  - {id: empty_flag, label: {zh: 甲, en: A}, criteria: []}
vetoes: {id: V-02}
)Y");
  CHECK(!loaded.set);
  CHECK(loaded.messages() ==
        std::vector<std::string>{"child.yaml:4:5: flag \"empty_flag\" has no criteria",
                                 "child.yaml:5:9: vetoes must be a list"});
}

TEST_CASE("a rule-set file with more than max_rules rules is refused at the first one over")
{
  std::string text = "ruleset: many\nvetoes:\n";
  for (std::size_t i = 0; i <= rules::max_rules; ++i) {
    text += "  - x\n";
  }
  Diagnostics diagnostics;
  const auto doc = std::make_shared<const YamlDocument>("many.yaml", text, diagnostics);
  REQUIRE(doc->ok());
  rules::RawRuleSet raw;
  rules::Located extends;
  rules::Located overrides;
  rules::parse_raw_ruleset(doc, raw, extends, overrides, diagnostics);
  CHECK(raw.vetoes.empty());
  REQUIRE(diagnostics.error_count() == 1);
  const Diagnostic& d = diagnostics.items()[0];
  CHECK(d.line == 3 + rules::max_rules);
  CHECK(d.column == 5);
  CHECK(d.message == "more than 100000 rules in one rule-set file");
}
