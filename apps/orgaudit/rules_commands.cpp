#include <orgaudit/rules_commands.hpp>

#include <cstdio>

#include <orgaudit/audit/rule_tests.hpp>
#include <orgaudit/common.hpp>
#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/core/file.hpp>
#include <orgaudit/report/rule_tests_text.hpp>
#include <orgaudit/rules/emit.hpp>
#include <orgaudit/rules/loader.hpp>
#include <orgaudit/rules/waivers.hpp>

namespace orgaudit::cli {

int run_rules_check(const RulesCheckOptions& options)
{
  if (!options.waivers.empty() && options.files.size() != 1) {
    throw UsageError("--waivers checks a waivers file against one rule set; give one FILE");
  }
  const Date as_of = resolve_as_of(options.as_of);
  Diagnostics all;
  for (const std::string& file : options.files) {
    Diagnostics diagnostics;
    const auto ruleset = rules::load_ruleset(file, diagnostics, options.schema);
    diagnostics.sort();
    all.append(diagnostics);
    // The same checks and messages as the evaluating commands' --waivers, but
    // for the organizations, which only the data knows.
    if (ruleset && !options.waivers.empty()) {
      rules::load_waivers(options.waivers, *ruleset, as_of, all);
    }
  }
  if (all.has_errors()) {
    throw RulesError(std::move(all));
  }
  std::fputs(all.format().c_str(), stderr);
  return 0;
}

int run_rules_show(const RulesShowOptions& options)
{
  if (!options.effective) {
    // The file as written; for built-in rule sets this is the only way to read them.
    const std::string text = read_file(options.file);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
  }
  Diagnostics diagnostics;
  auto ruleset = rules::load_ruleset(options.file, diagnostics, options.schema);
  if (!ruleset) {
    diagnostics.sort();
    throw RulesError(std::move(diagnostics));
  }
  std::fputs(diagnostics.format().c_str(), stderr);
  const std::string text = rules::emit_effective_ruleset(*ruleset);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

int run_rules_test(const RulesTestOptions& options)
{
  Diagnostics diagnostics;
  const audit::RuleTestReport report =
      audit::run_rule_tests(options.paths, diagnostics,
                            options.require_coverage == "all" ? audit::CoverageScope::all
                                                              : audit::CoverageScope::tailored);
  if (diagnostics.has_errors()) {
    throw RulesError(std::move(diagnostics));
  }
  std::fputs(diagnostics.format().c_str(), stderr);
  const bool with_coverage = !options.require_coverage.empty();
  const std::string text = report::rule_tests_text(report, options.verbose, with_coverage);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
  const bool gaps = with_coverage && !report.gaps.empty();
  return report.failed() > 0 || gaps || report.cases.empty() ? 1 : 0;
}

} // namespace orgaudit::cli
