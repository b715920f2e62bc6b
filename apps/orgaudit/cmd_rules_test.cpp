#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include <orgaudit/cli.hpp>
#include <orgaudit/rules_commands.hpp>

namespace orgaudit::cli {

void add_rules_test_command(CLI::App& rules, Command& command)
{
  auto options = std::make_shared<RulesTestOptions>();
  CLI::App* test =
      add_command(rules, command, "test", "Run rule unit tests (YAML cases with expected results)",
                  [options] { return run_rules_test(*options); });
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
}

} // namespace orgaudit::cli
