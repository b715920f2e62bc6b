#include <orgaudit/report/rule_tests_text.hpp>

#include <iterator>

#include <fmt/format.h>

namespace orgaudit::report {

std::string rule_tests_text(const audit::RuleTestReport& report, bool verbose, bool with_coverage)
{
  std::string out;
  auto line = std::back_inserter(out);
  for (const audit::RuleTestCase& test : report.cases) {
    if (test.failures.empty()) {
      if (verbose) {
        fmt::format_to(line, "ok   {}:{}: {}\n", test.file, test.line, test.name);
      }
      continue;
    }
    fmt::format_to(line, "FAIL {}:{}: {}\n", test.file, test.line, test.name);
    for (const std::string& failure : test.failures) {
      fmt::format_to(line, "     {}\n", failure);
    }
  }
  if (with_coverage) {
    for (const audit::CoverageGap& gap : report.gaps) {
      fmt::format_to(line, "coverage: {}: no passing case shows {} with {}\n", gap.ruleset,
                     gap.rule, gap.missing);
    }
  }
  fmt::format_to(line, "{} passed, {} failed\n", report.passed(), report.failed());
  return out;
}

} // namespace orgaudit::report
