#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <orgaudit/cli.hpp>
#include <orgaudit/common.hpp>
#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/core/file.hpp>
#include <orgaudit/rules/emit.hpp>
#include <orgaudit/rules/loader.hpp>
#include <orgaudit/rules/waivers.hpp>

namespace orgaudit::cli {

namespace {

struct RulesCheckOptions {
  std::vector<std::string> files;
  std::string schema;
  std::string waivers;
  std::string as_of; // for the waivers' expiry; empty means today
};

struct RulesShowOptions {
  std::string file;
  std::string schema;
  bool effective = false;
};

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

} // namespace

void add_rules_command(CLI::App& app, Command& command)
{
  CLI::App* rules = app.add_subcommand("rules", "Check, test and show rule sets");
  rules->require_subcommand(1);

  auto check_options = std::make_shared<RulesCheckOptions>();
  CLI::App* check =
      rules->add_subcommand("check", "Load rule sets and report every problem (exit 3 if any)");
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
  check
      ->add_option("--as-of", check_options->as_of,
                   "Date the waivers' expiry is judged against, YYYY-MM-DD (default: today)")
      ->needs(waivers);
  check->callback([&command, check_options] {
    command.action = [check_options] { return run_rules_check(*check_options); };
  });

  auto show_options = std::make_shared<RulesShowOptions>();
  CLI::App* show = rules->add_subcommand(
      "show", "Print a rule set: as written, or --effective after extends and overrides");
  show->add_option("file", show_options->file, "Rule-set file")->required();
  show->add_flag(
      "--effective", show_options->effective,
      "Print the effective rule set (extends, overrides and disabled rules applied) as YAML");
  show->add_option("--schema", show_options->schema,
                   "Use this schema instead of the rule set's schema:");
  show->callback([&command, show_options] {
    command.action = [show_options] { return run_rules_show(*show_options); };
  });

  add_rules_test_command(*rules, command);
}

} // namespace orgaudit::cli
