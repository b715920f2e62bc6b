#pragma once

#include <string>

#include <orgaudit/audit/rule_tests.hpp>

namespace orgaudit::report {

// What `rules test` prints (SPEC §5): a FAIL line per failed case with one
// indented line per failure (an ok line per passing case too if `verbose`),
// a coverage line per gap if `with_coverage`, then "N passed, M failed".
std::string rule_tests_text(const audit::RuleTestReport& report, bool verbose, bool with_coverage);

} // namespace orgaudit::report
