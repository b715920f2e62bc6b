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
  explain->add_option("uscc", options->uscc, "the organization's USCC")->required();
  add_evaluate_options(*explain, options->evaluate, true, {"text", "json"});
  add_history_options(*explain, options->history, HistoryUse::read);
  explain->add_option("--rule", options->rule,
                      "only this rule (indicator, veto, deduction, bonus, flag or criterion)");
}

} // namespace orgaudit::cli
