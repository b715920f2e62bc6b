#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <orgaudit/cli.hpp>
#include <orgaudit/evaluate.hpp>
#include <orgaudit/run_history.hpp>

namespace orgaudit::cli {

namespace {

struct ReportOptions {
  EvaluateOptions evaluate;
  HistoryOptions history;
};

int run_report(const ReportOptions& options)
{
  const auto requests = output_requests(options.evaluate, report::Format::text);
  RunHistory history(options.history, "report");
  Evaluation evaluation = evaluate(options.evaluate);
  history.compare(evaluation, options.evaluate);
  write_outputs(evaluation, *evaluation.results, options.evaluate, requests);
  history.record(evaluation, options.evaluate);
  return threshold_exit_code(*evaluation.results, options.evaluate);
}

} // namespace

void add_report_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<ReportOptions>();
  CLI::App* report =
      app.add_subcommand("report", "Write reports in any format; --format FMT:FILE is repeatable");
  add_evaluate_options(*report, options->evaluate, true, all_format_names());
  add_history_options(*report, options->history, HistoryUse::compare);
  report->get_option("--format")->required();
  report->callback(
      [&command, options] { command.action = [options] { return run_report(*options); }; });
}

} // namespace orgaudit::cli
