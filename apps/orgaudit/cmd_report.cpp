#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <orgaudit/cli.hpp>
#include <orgaudit/evaluate.hpp>

namespace orgaudit::cli {

namespace {

int run_report(const EvaluateOptions& options)
{
  const auto requests = output_requests(options, report::Format::text);
  const Evaluation evaluation = evaluate(options);
  write_outputs(evaluation, *evaluation.results, options, requests);
  return threshold_exit_code(*evaluation.results, options);
}

} // namespace

void add_report_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<EvaluateOptions>();
  CLI::App* report =
      app.add_subcommand("report", "Write reports in any format; --format FMT:FILE is repeatable");
  add_evaluate_options(*report, *options, true, all_format_names());
  report->get_option("--format")->required();
  report->callback(
      [&command, options] { command.action = [options] { return run_report(*options); }; });
}

} // namespace orgaudit::cli
