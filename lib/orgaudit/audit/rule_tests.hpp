#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <orgaudit/core/diagnostic.hpp>

namespace orgaudit::audit {

// One case of a rule-test file (SPEC §5 `rules test`).
struct RuleTestCase {
  std::string file;
  std::size_t line = 0;
  std::string name;
  std::vector<std::string> failures; // empty: passed
};

// A rule id whose pass or fail side no passing case shows.
struct CoverageGap {
  std::string ruleset; // the rule-set file the tests named
  std::string rule;
  std::string missing; // e.g. "fail" or "no_match"
};

struct RuleTestReport {
  std::vector<RuleTestCase> cases;
  std::vector<CoverageGap> gaps;

  std::size_t passed() const;
  std::size_t failed() const;
};

// Which rules of a rule set that extends another need both sides shown:
// those it tailors (adds, overrides, or changes through a let), or all of them.
enum class CoverageScope { tailored, all };

// The most rule-test cases one run may hold, over all its files.
inline constexpr std::size_t max_rule_tests = 100'000;

// Runs the rule-test files in `paths` (files, or directories whose *.yaml
// files are taken in name order). A test file that cannot be read or whose
// rule set does not load adds diagnostics; its cases do not run. A file
// whose cases would bring the run past max_rule_tests is an error at its
// first case over the limit, and the run stops there. Coverage is
// counted per rule set: the gaps are the rules in `scope` of each rule set
// tested that no passing case of its own shows on both sides. The format is
// documented in rules/README.md ("Testing rules").
RuleTestReport run_rule_tests(const std::vector<std::string>& paths, Diagnostics& diagnostics,
                              CoverageScope scope = CoverageScope::tailored);

} // namespace orgaudit::audit
