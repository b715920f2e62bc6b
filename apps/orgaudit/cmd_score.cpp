#include <memory>

#include <CLI/CLI.hpp>

#include <orgaudit/cli.hpp>
#include <orgaudit/evaluate.hpp>
#include <orgaudit/run_history.hpp>

namespace orgaudit::cli {

namespace {

struct ScoreOptions {
  EvaluateOptions evaluate;
  HistoryOptions history;
};

int run_score(const ScoreOptions& options)
{
  const auto requests = output_requests(options.evaluate, report::Format::text);
  RunHistory history(options.history, "score");
  const Evaluation evaluation = evaluate(options.evaluate);
  write_outputs(evaluation, *evaluation.results, options.evaluate, requests);
  history.record(evaluation, options.evaluate);
  return threshold_exit_code(*evaluation.results, options.evaluate);
}

} // namespace

void add_score_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<ScoreOptions>();
  CLI::App* score =
      app.add_subcommand("score", "Score every organization: totals, grades, dimensions");
  add_evaluate_options(*score, options->evaluate, true, {"text", "json", "jsonl", "csv"});
  add_history_options(*score, options->history, HistoryUse::record);
  score->callback(
      [&command, options] { command.action = [options] { return run_score(*options); }; });
}

} // namespace orgaudit::cli
