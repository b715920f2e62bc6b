#include <memory>

#include <CLI/CLI.hpp>

#include <orgaudit/cli.hpp>
#include <orgaudit/evaluating_commands.hpp>

namespace orgaudit::cli {

void add_report_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<ReportOptions>();
  CLI::App* report = add_command(
      app, command, "report", "Write reports in any format; --format FMT:FILE is repeatable",
      [options] { return run_reports(*options, "report", HistoryUse::compare); });
  add_evaluate_options(*report, options->evaluate, true, all_format_names());
  add_detail_option(*report, options->evaluate);
  add_history_options(*report, options->history, HistoryUse::compare);
  report->get_option("--format")->required();
}

} // namespace orgaudit::cli
