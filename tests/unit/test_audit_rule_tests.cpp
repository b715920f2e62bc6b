#include <doctest/doctest.h>

#include <set>

#include <orgaudit/audit/rule_tests.hpp>

#include "rules_fixture.hpp"

using namespace orgaudit;
using namespace orgaudit::test;

namespace {

// "RULE missing" for every gap.
std::set<std::string> gaps(const audit::RuleTestReport& report)
{
  std::set<std::string> out;
  for (const audit::CoverageGap& gap : report.gaps) {
    out.insert(gap.rule + " " + gap.missing);
  }
  return out;
}

// A child of basic.yaml that adds C-01 and weighs T-02 differently, and a test
// file showing both sides of C-01 and of T-02.
void write_child_and_tests(const ScratchDir& dir)
{
  dir.write("child.yaml", child_of_basic() + R"Y(dimensions:
  - id: institution
    indicators:
      - {id: C-01, label: {zh: 甲, en: A}, points: 1, pass: "org.charter_integrity_clause"}
overrides:
  T-02: {points: 3}
)Y");
  dir.write("child_tests.yaml", R"Y(ruleset: child.yaml
as_of: 2026-06-30
defaults:
  organization: {uscc: 51330502MJ0000018C, name: 测试协会, type: social_group, region: "330502", status: active}
cases:
  - name: both pass
    organization: {charter_integrity_clause: true, discipline_inspector: true}
    expect:
      indicators: {C-01: pass, T-02: pass}
  - name: both fail
    organization: {charter_integrity_clause: false, discipline_inspector: false}
    expect:
      indicators: {C-01: fail, T-02: fail}
)Y");
}

} // namespace

TEST_CASE("coverage of a child set asks only for the rules it tailors, or all with the all scope")
{
  ScratchDir dir("rule-tests-child");
  write_child_and_tests(dir);
  const std::vector<std::string> paths{(dir.path / "child_tests.yaml").string()};
  Diagnostics diagnostics;
  const auto tailored = audit::run_rule_tests(paths, diagnostics);
  CHECK(diagnostics.empty());
  CHECK(tailored.passed() == 2);
  CHECK(tailored.gaps.empty());

  const auto all = audit::run_rule_tests(paths, diagnostics, audit::CoverageScope::all);
  const auto missing = gaps(all);
  CHECK(missing.contains("T-01 fail"));
  CHECK(missing.contains("V-01 true"));
  CHECK(missing.contains("Z4 no_match"));
  CHECK(!missing.contains("C-01 pass"));
  CHECK(all.gaps[0].ruleset == (dir.path / "child.yaml").string());
}

TEST_CASE("coverage is counted per rule set: a child's cases do not cover its parent")
{
  ScratchDir dir("rule-tests-per-set");
  write_child_and_tests(dir);
  dir.write("parent_tests.yaml", "ruleset: " + basic_ruleset_path() + R"Y(
as_of: 2026-06-30
cases:
  - name: T-01 passes
    organization: {uscc: 51330502MJ0000018C, name: 测试协会, type: social_group, region: "330502", status: active, charter_party_clause: true}
    expect:
      indicators: {T-01: pass}
)Y");
  Diagnostics diagnostics;
  const auto report = audit::run_rule_tests(
      {(dir.path / "child_tests.yaml").string(), (dir.path / "parent_tests.yaml").string()},
      diagnostics);
  CHECK(report.passed() == 3);
  for (const audit::CoverageGap& gap : report.gaps) {
    CHECK(gap.ruleset == basic_ruleset_path());
  }
  const auto parent_gaps = gaps(report);
  // The child's cases showed T-02 on both sides, but for the child only.
  CHECK(parent_gaps.contains("T-02 pass"));
  CHECK(parent_gaps.contains("T-02 fail"));
  CHECK(!parent_gaps.contains("T-01 pass"));
  CHECK(parent_gaps.contains("T-01 fail"));
}

namespace {

// The rule-test file `cases` (YAML list items) for basic.yaml as of 2026-06-30, run.
audit::RuleTestReport run_cases(const ScratchDir& dir, const std::string& cases,
                                Diagnostics& diagnostics)
{
  dir.write("tests.yaml", "ruleset: " + basic_ruleset_path() +
                              "\nas_of: 2026-06-30\ndefaults:\n  organization: {uscc: "
                              "51330502MJ0000018C, name: 测试协会, type: social_group, region: "
                              "\"330502\", status: active}\ncases:\n" +
                              cases);
  return audit::run_rule_tests({(dir.path / "tests.yaml").string()}, diagnostics);
}

} // namespace

TEST_CASE("a case whose expectations hold passes, named and placed at its line")
{
  ScratchDir dir("rule-tests-pass");
  Diagnostics diagnostics;
  const auto report = run_cases(dir, R"Y(  - name: T-01 and T-02 pass
    organization: {charter_party_clause: true, discipline_inspector: true}
    annual_reports:
      - {year: 2025, result: qualified}
    expect:
      indicators: {T-01: pass, T-02: pass, T-03: pass}
      total: 100
      grade: exemplary
      vetoes: {V-01: false}
      flags: {risky: false}
)Y",
                                diagnostics);
  CHECK(diagnostics.empty());
  REQUIRE(report.cases.size() == 1);
  CHECK(report.cases[0].name == "T-01 and T-02 pass");
  CHECK(report.cases[0].line == 6);
  CHECK(report.cases[0].failures.empty());
  CHECK(report.passed() == 1);
  CHECK(report.failed() == 0);
}

TEST_CASE("a case whose expectations differ fails with one message per difference")
{
  ScratchDir dir("rule-tests-fail");
  Diagnostics diagnostics;
  const auto report = run_cases(dir, R"Y(  - name: wrong
    organization: {charter_party_clause: true}
    expect:
      indicators: {T-01: fail, T-99: pass}
      grade: exemplary
      bonuses: {B-01: true}
      criteria: {dormant: {Z9: match}}
)Y",
                                diagnostics);
  CHECK(diagnostics.empty());
  REQUIRE(report.cases.size() == 1);
  CHECK(report.failed() == 1);
  CHECK(report.cases[0].failures ==
        std::vector<std::string>{
            "T-01: expected fail, got pass", "the rule set has no indicator \"T-99\"",
            "grade: expected exemplary, got ungraded", "B-01: expected true, got false",
            "criteria: flag \"dormant\" has no criterion \"Z9\""});
}

TEST_CASE("a case that cannot run fails with the reason, and a broken file is a diagnostic")
{
  ScratchDir dir("rule-tests-error");
  Diagnostics diagnostics;
  const auto report = run_cases(dir, R"Y(  - name: no date
    as_of: someday
    expect: {total: 0}
  - name: two organizations
    organization: [{uscc: 51330502MJ0000018C}, {uscc: 52330521MJ0000026L}]
    expect: {total: 0}
  - organization: {charter_party_clause: true}
    expect: {total: 0}
)Y",
                                diagnostics);
  REQUIRE(report.cases.size() == 3);
  CHECK(report.cases[0].failures ==
        std::vector<std::string>{"as_of: missing or not a date (give it in the file or the case)"});
  CHECK(!report.cases[1].failures.empty());
  // A case without a name is named by its line.
  CHECK(report.cases[2].name == "case at line 12");
  CHECK(report.cases[2].failures == std::vector<std::string>{"total: expected 0, got 20"});
  CHECK(report.failed() == 3);

  dir.write("no_ruleset.yaml", "as_of: 2026-06-30\ncases: []\n");
  Diagnostics broken;
  const auto none = audit::run_rule_tests({(dir.path / "no_ruleset.yaml").string()}, broken);
  CHECK(none.cases.empty());
  REQUIRE(broken.error_count() == 1);
  CHECK(broken.items()[0].message == "a rule-test file needs ruleset: (the rule set to test)");
}

TEST_CASE("more than max_rule_tests cases is an error at the first one over, and none runs")
{
  ScratchDir dir("rule-tests-limit");
  std::string text = "ruleset: builtin:rules/zhejiang-integrity.yaml\nas_of: 2026-11-27\ncases:\n";
  for (std::size_t i = 0; i <= audit::max_rule_tests; ++i) {
    text += "- c\n";
  }
  dir.write("many.yaml", text);
  Diagnostics diagnostics;
  const auto report = audit::run_rule_tests({(dir.path / "many.yaml").string()}, diagnostics);
  CHECK(report.cases.empty());
  REQUIRE(diagnostics.error_count() == 1);
  const Diagnostic& d = diagnostics.items().back();
  CHECK(d.line == 4 + audit::max_rule_tests);
  CHECK(d.message == "more than 100000 rule tests in one run");
}
