#include <doctest/doctest.h>

#include <orgaudit/report/rule_tests_text.hpp>

using namespace orgaudit;

namespace {

audit::RuleTestReport two_cases()
{
  audit::RuleTestReport report;
  report.cases.push_back({"t.yaml", 4, "passes", {}});
  report.cases.push_back(
      {"t.yaml", 9, "fails", {"T-01: expected fail, got pass", "total: expected 99, got 100"}});
  report.gaps.push_back({"rules.yaml", "T-02", "fail"});
  return report;
}

} // namespace

TEST_CASE("rules test prints failed cases with their differences, then the counts")
{
  CHECK(report::rule_tests_text(two_cases(), false, false) == "FAIL t.yaml:9: fails\n"
                                                              "     T-01: expected fail, got pass\n"
                                                              "     total: expected 99, got 100\n"
                                                              "1 passed, 1 failed\n");
}

TEST_CASE("rules test lists passing cases when verbose, and gaps when coverage is asked for")
{
  CHECK(report::rule_tests_text(two_cases(), true, true) ==
        "ok   t.yaml:4: passes\n"
        "FAIL t.yaml:9: fails\n"
        "     T-01: expected fail, got pass\n"
        "     total: expected 99, got 100\n"
        "coverage: rules.yaml: no passing case shows T-02 with fail\n"
        "1 passed, 1 failed\n");
  CHECK(report::rule_tests_text({}, true, true) == "0 passed, 0 failed\n");
}
