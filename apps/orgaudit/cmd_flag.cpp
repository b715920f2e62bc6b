#include <memory>

#include <CLI/CLI.hpp>

#include <orgaudit/cli.hpp>
#include <orgaudit/evaluating_commands.hpp>

namespace orgaudit::cli {

void add_flag_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<FlagOptions>();
  CLI::App* flag = add_command(
      app, command, "flag", "List flagged organizations (dormant, noncompliant, …) with criteria",
      [options] { return run_flag(*options); });
  add_evaluate_options(*flag, options->evaluate, true, {"text", "json", "jsonl", "csv"});
  add_history_options(*flag, options->history, HistoryUse::record);
  flag->add_option("--only", options->only, "only these flags (comma-separated ids)")
      ->delimiter(',');
}

} // namespace orgaudit::cli
