#include <memory>

#include <CLI/CLI.hpp>

#include <orgaudit/cli.hpp>
#include <orgaudit/evaluate.hpp>

namespace orgaudit::cli {

namespace {

int run_score(const EvaluateOptions& options)
{
  const auto requests = output_requests(options, report::Format::text);
  const Evaluation evaluation = evaluate(options);
  write_outputs(evaluation, *evaluation.results, options, requests);
  return threshold_exit_code(*evaluation.results, options);
}

} // namespace

void add_score_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<EvaluateOptions>();
  CLI::App* score =
      app.add_subcommand("score", "Score every organization: totals, grades, dimensions");
  add_evaluate_options(*score, *options, true, {"text", "json", "jsonl", "csv"});
  score->callback(
      [&command, options] { command.action = [options] { return run_score(*options); }; });
}

} // namespace orgaudit::cli
