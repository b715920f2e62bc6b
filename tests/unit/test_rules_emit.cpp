#include <doctest/doctest.h>

#include <orgaudit/rules/emit.hpp>
#include <orgaudit/rules/loader.hpp>

#include "rules_fixture.hpp"

using namespace orgaudit;
using namespace orgaudit::test;

namespace {

// One line per rule with everything scoring reads, in rule-set order.
std::vector<std::string> rule_lines(const rules::RuleSet& set)
{
  std::vector<std::string> lines;
  for (const rules::Dimension& dimension : set.dimensions) {
    lines.push_back(dimension.id + " " + std::to_string(dimension.weight) + " " +
                    dimension.label.zh);
    for (std::size_t i : dimension.indicators) {
      const rules::Indicator& indicator = set.indicators[i];
      lines.push_back(indicator.id + " " + std::to_string(indicator.points) + " " +
                      (indicator.applies ? indicator.applies->source : "") + " | " +
                      (indicator.pass ? indicator.pass->source : indicator.score->source) + " " +
                      std::string(rules::severity_name(indicator.severity)) + " " +
                      indicator.label.zh + " " + indicator.basis);
    }
  }
  for (const auto* list : {&set.vetoes, &set.deductions, &set.bonuses}) {
    for (const rules::Condition& rule : *list) {
      lines.push_back(rule.id + " " + std::to_string(rule.points) + " " + rule.when.source + " " +
                      std::string(rules::severity_name(rule.severity)) + " " + rule.label.zh);
    }
  }
  for (const rules::Flag& flag : set.flags) {
    lines.push_back(flag.id + " " + std::to_string(static_cast<int>(flag.match)) + " " +
                    std::to_string(flag.at_least) + " " + flag.label.zh);
    for (const rules::Criterion& criterion : flag.criteria) {
      lines.push_back(criterion.id + " " + criterion.when.source + " " + criterion.label.zh);
    }
  }
  for (const auto& [name, source] : set.lets) {
    lines.push_back(name + " = " + source);
  }
  for (const rules::Grade& grade : set.grades) {
    lines.push_back(grade.id + " " + std::to_string(grade.min));
  }
  return lines;
}

// Prints `path`'s effective rule set, loads the text back and checks that it
// gives the same rules and prints the same text again.
void check_round_trip(const std::string& path)
{
  CAPTURE(path);
  Diagnostics diagnostics;
  const auto set = rules::load_ruleset(path, diagnostics);
  REQUIRE(set);
  const std::string effective = rules::emit_effective_ruleset(*set);
  ScratchDir dir("emit-round-trip");
  auto again = load_written(dir, "effective.yaml", effective);
  CHECK(again.diagnostics.empty());
  REQUIRE(again.set);
  CHECK_FALSE(again.set->extends_parent);
  CHECK(again.set->id == set->id);
  CHECK(again.set->version == set->version);
  CHECK(again.set->scale == set->scale);
  CHECK(again.set->bonus_cap == set->bonus_cap);
  CHECK(again.set->min_coverage == set->min_coverage);
  CHECK(again.set->veto_grade == set->veto_grade);
  CHECK(rule_lines(*again.set) == rule_lines(*set));
  CHECK(rules::emit_effective_ruleset(*again.set) == effective);
}

} // namespace

TEST_CASE("the effective rule set of a child loads back to the same rules")
{
  const std::string source = ORGAUDIT_SOURCE_DIR;
  check_round_trip(source + "/rules/examples/deqing-tailoring.yaml");
  check_round_trip(source + "/rules/examples/wenzhou-dormancy.yaml");
  check_round_trip(std::string(rules::builtin_ruleset_path));

  ScratchDir dir("emit-child");
  dir.write("child.yaml", child_of_basic() + R"Y(on_missing: exclude
let:
  report_year: year(as_of) - 2
dimensions:
  - id: institution
    indicators:
      - {id: C-01, label: {zh: 甲, en: A}, points: 1.5, score: "org.dues_tiers * 0.5", on_missing: fail}
flags:
  - id: risky
    criteria:
      - {id: R3, label: {zh: 丙, en: C}, when: "org.address_reachable == false"}
overrides:
  T-03: {points: 10, severity: critical}
  D-01: {enabled: false}
  dormant: {match: all, criteria: {Z4: {enabled: false}}}
  risky: {match: {at_least: 3}}
)Y");
  check_round_trip((dir.path / "child.yaml").string());
}

TEST_CASE("the effective rule set shows what a child changed")
{
  Diagnostics diagnostics;
  const auto set = rules::load_ruleset(
      std::string(ORGAUDIT_SOURCE_DIR) + "/rules/examples/deqing-tailoring.yaml", diagnostics);
  REQUIRE(set);
  const std::string effective = rules::emit_effective_ruleset(*set);
  CHECK(effective.starts_with("ruleset: deqing-2026\nversion: \"2026.1\"\n"));
  CHECK(effective.find("extends") == std::string::npos);
  CHECK(effective.find("overrides") == std::string::npos);
  CHECK(effective.find("GF-05") == std::string::npos);
  CHECK(effective.find("      - id: ZD-03\n        label: {zh: 廉洁从业规范, en: Written integrity "
                       "code}\n        points: 6\n") != std::string::npos);
  // DQ-01 is the last indicator of 制度创廉, before the next dimension.
  const auto dq = effective.find("      - id: DQ-01\n");
  REQUIRE(dq != std::string::npos);
  CHECK(dq < effective.find("  - id: position\n"));
  CHECK(dq > effective.find("      - id: ZD-06\n"));
}
