#include <memory>

#include <CLI/CLI.hpp>

#include <orgaudit/cli.hpp>
#include <orgaudit/evaluating_commands.hpp>

namespace orgaudit::cli {

void add_explain_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* explain = add_command(
      app, command, "explain", "Explain one organization's result: evidence and points recoverable",
      [options] { return run_explain(*options); });
  explain->add_option("uscc", options->uscc, "the organization's USCC (or its exact name)")
      ->required();
  add_evaluate_options(*explain, options->evaluate, true, {"text", "json"});
  // The organization is the positional USCC, and neither output is a CSV or
  // coloured: these common options would do nothing here.
  for (const char* name : {"--org", "--region", "--bom", "--no-color"}) {
    explain->remove_option(explain->get_option(name));
  }
  add_history_options(*explain, options->history, HistoryUse::read);
  explain->add_option("--rule", options->rule,
                      "only this rule (indicator, veto, deduction, bonus, flag or criterion), by "
                      "id or label: its evidence, expression, basis and remediation");
}

} // namespace orgaudit::cli
