#include <memory>

#include <CLI/CLI.hpp>

#include <orgaudit/cli.hpp>
#include <orgaudit/evaluating_commands.hpp>

namespace orgaudit::cli {

void add_score_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<ReportOptions>();
  CLI::App* score =
      add_command(app, command, "score", "Score every organization: totals, grades, dimensions",
                  [options] { return run_reports(*options, "score", HistoryUse::record); });
  add_evaluate_options(*score, options->evaluate, true, {"text", "json", "jsonl", "csv"});
  add_history_options(*score, options->history, HistoryUse::record);
}

} // namespace orgaudit::cli
