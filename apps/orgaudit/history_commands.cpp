#include <orgaudit/history_commands.hpp>

#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include <orgaudit/core/error.hpp>
#include <orgaudit/evaluate.hpp>
#include <orgaudit/history/diff.hpp>
#include <orgaudit/history/diff_render.hpp>
#include <orgaudit/history/labels.hpp>
#include <orgaudit/history/run_output.hpp>
#include <orgaudit/history/store.hpp>
#include <orgaudit/report/output.hpp>
#include <orgaudit/run_history.hpp>

namespace orgaudit::cli {

namespace {

std::shared_ptr<const history::Run> load_run(const history::Store& store, std::int64_t id,
                                             const char* option)
{
  auto run = store.load(id);
  if (!run) {
    throw UsageError(fmt::format("{}: there is no run {} in {} (orgaudit history --db {} lists "
                                 "them)",
                                 option, id, store.path(), store.path()));
  }
  return std::make_shared<const history::Run>(std::move(*run));
}

} // namespace

int run_history(const HistoryCommandOptions& options)
{
  const history::Store store = open_history(options.db);
  const rules::Lang lang = options.lang == "en" ? rules::Lang::en : rules::Lang::zh;
  const bool json = options.format == "json";
  std::string text;
  if (options.org.empty()) {
    const auto runs = store.runs();
    text = json ? history::runs_json(runs) : history::runs_text(runs, lang);
  } else {
    const auto points = store.trajectory(options.org);
    if (points.empty()) {
      throw UsageError(
          fmt::format("--org: no run recorded in {} holds {}", options.db, options.org));
    }
    text = json ? history::trajectory_json(options.org, points)
                : fmt::format("{}  {}\n{}", options.org, points.back().organization.name,
                              history::trajectory_text(points, lang));
  }
  report::StreamOutput out(stdout);
  out.write(text);
  out.finish();
  return 0;
}

int run_diff(const DiffOptions& options)
{
  EvaluateOptions outputs;
  outputs.formats = options.formats;
  outputs.output = options.output;
  const auto requests = output_requests(outputs, report::Format::text);
  const history::Store store = open_history(options.db);
  const auto runs = store.runs();
  std::int64_t to = options.to;
  std::int64_t from = options.from;
  if (to == 0 && !runs.empty()) {
    to = runs.back().id;
  }
  if (from == 0) {
    // The latest run recorded before --to.
    for (const history::RunInfo& run : runs) {
      from = run.id < to ? run.id : from;
    }
  }
  if (from == 0 || to == 0) {
    if (options.from != 0 || options.to != 0) {
      throw UsageError(
          fmt::format("{} holds no run before run {} to compare it with", options.db, to));
    }
    if (!options.quiet) {
      fmt::print(stderr,
                 "orgaudit: {} holds {} run(s); diff needs two, so there is nothing to "
                 "compare yet\n",
                 options.db, runs.size());
    }
    return 0;
  }
  const history::Diff diff =
      history::compare(load_run(store, from, "--from"), load_run(store, to, "--to"));
  if (!options.quiet) {
    for (const std::string& warning : history::comparison_warnings(diff, rules::Lang::en)) {
      fmt::print(stderr, "orgaudit: warning: {}\n", warning);
    }
  }
  history::DiffRenderOptions render;
  render.lang = options.lang == "en" ? rules::Lang::en : rules::Lang::zh;
  render.limit = options.limit;
  render.bom = options.bom;
  render.tool_version = ORGAUDIT_VERSION;
  for (const OutputRequest& request : requests) {
    const auto out = open_output(request);
    history::render_diff(request.format, diff, render, *out);
    out->finish();
  }
  if (!options.fail_on_new.empty()) {
    return history::new_findings(diff, *rules::parse_severity(options.fail_on_new)) > 0 ? 1 : 0;
  }
  return 0;
}

} // namespace orgaudit::cli
