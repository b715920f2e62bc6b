#include <memory>

#include <CLI/CLI.hpp>

#include <orgaudit/cli.hpp>
#include <orgaudit/common.hpp>
#include <orgaudit/rules_commands.hpp>

namespace orgaudit::cli {

void add_rules_command(CLI::App& app, Command& command)
{
  CLI::App* rules = app.add_subcommand("rules", "Check, test and show rule sets");
  rules->require_subcommand(1);

  auto check_options = std::make_shared<RulesCheckOptions>();
  CLI::App* check = add_command(*rules, command, "check",
                                "Load rule sets and report every problem (exit 3 if any)",
                                [check_options] { return run_rules_check(*check_options); });
  check
      ->add_option("files", check_options->files,
                   "Rule-set files (builtin:rules/… for the built-in ones)")
      ->required();
  check->add_option("--schema", check_options->schema,
                    "Use this schema instead of the rule set's schema:");
  CLI::Option* waivers = check->add_option(
      "--waivers", check_options->waivers,
      "Also check this waivers file against the rule set (exit 3 on an error; an expired "
      "waiver is a warning). Organizations are checked to be valid USCCs or \"*\"; whether "
      "they are in the data is checked by the commands that read data");
  add_as_of_option(*check, check_options->as_of,
                   "Date the waivers' expiry is judged against, YYYY-MM-DD (default: today in "
                   "Asia/Shanghai)")
      ->needs(waivers);

  auto show_options = std::make_shared<RulesShowOptions>();
  CLI::App* show =
      add_command(*rules, command, "show",
                  "Print a rule set: as written, or --effective after extends and overrides",
                  [show_options] { return run_rules_show(*show_options); });
  show->add_option("file", show_options->file, "Rule-set file")->required();
  show->add_flag(
      "--effective", show_options->effective,
      "Print the effective rule set (extends, overrides and disabled rules applied) as YAML");
  show->add_option("--schema", show_options->schema,
                   "Use this schema instead of the rule set's schema:");

  add_rules_test_command(*rules, command);
}

} // namespace orgaudit::cli
