#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <orgaudit/audit/rule_tests.hpp>
#include <orgaudit/cli.hpp>
#include <orgaudit/core/diagnostic.hpp>

namespace orgaudit::cli {

namespace {

struct RulesTestOptions {
  std::vector<std::string> paths;
  std::string require_coverage; // empty, "true" (the flag alone) or "all"
  bool verbose = false;
};

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
  for (const audit::RuleTestCase& test : report.cases) {
    if (test.failures.empty()) {
      if (options.verbose) {
        fmt::print("ok   {}:{}: {}\n", test.file, test.line, test.name);
      }
      continue;
    }
    fmt::print("FAIL {}:{}: {}\n", test.file, test.line, test.name);
    for (const std::string& failure : test.failures) {
      fmt::print("     {}\n", failure);
    }
  }
  bool gaps = false;
  if (!options.require_coverage.empty()) {
    for (const audit::CoverageGap& gap : report.gaps) {
      fmt::print("coverage: {}: no passing case shows {} with {}\n", gap.ruleset, gap.rule,
                 gap.missing);
      gaps = true;
    }
  }
  fmt::print("{} passed, {} failed\n", report.passed(), report.failed());
  std::fflush(stdout);
  return report.failed() > 0 || gaps || report.cases.empty() ? 1 : 0;
}

} // namespace

void add_rules_test_command(CLI::App& rules, Command& command)
{
  auto options = std::make_shared<RulesTestOptions>();
  CLI::App* test =
      rules.add_subcommand("test", "Run rule unit tests (YAML cases with expected results)");
  test->add_option("paths", options->paths, "Test files or directories of *.yaml test files")
      ->required();
  test->add_flag("--require-coverage", options->require_coverage,
                 "Also fail unless every rule shows both sides (pass and fail, true and false, "
                 "match and no_match) in some passing case of its rule set's tests; for a rule "
                 "set that extends another, only the rules it adds or changes, unless "
                 "--require-coverage=all")
      ->check(CLI::Validator(
          [](std::string& value) {
            return value == "true" || value == "all"
                       ? std::string()
                       : "give --require-coverage alone, or --require-coverage=all";
          },
          "", "tailored or all"))
      ->option_text("[=all]");
  test->add_flag("-v,--verbose", options->verbose, "List passing cases too");
  test->callback(
      [&command, options] { command.action = [options] { return run_rules_test(*options); }; });
}

} // namespace orgaudit::cli
