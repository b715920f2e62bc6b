#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <orgaudit/cli.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/evaluate.hpp>
#include <orgaudit/history/diff.hpp>
#include <orgaudit/history/diff_render.hpp>
#include <orgaudit/history/labels.hpp>
#include <orgaudit/run_history.hpp>

namespace orgaudit::cli {

namespace {

struct DiffOptions {
  std::string db;
  std::int64_t from = 0; // 0: the run before --to
  std::int64_t to = 0;   // 0: the latest run
  std::vector<std::string> formats;
  std::string output;
  std::string lang = "zh";
  std::string fail_on_new;
  std::size_t limit = 100;
  bool bom = false;
  bool quiet = false;
};

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
    std::unique_ptr<report::Output> out;
    if (request.file.empty()) {
      out = std::make_unique<report::StreamOutput>(stdout);
    } else {
      out = std::make_unique<report::FileOutput>(request.file);
    }
    history::render_diff(request.format, diff, render, *out);
    out->finish();
  }
  if (!options.fail_on_new.empty()) {
    return history::new_findings(diff, *rules::parse_severity(options.fail_on_new)) > 0 ? 1 : 0;
  }
  return 0;
}

} // namespace

void add_diff_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<DiffOptions>();
  CLI::App* diff =
      app.add_subcommand("diff", "What changed between two recorded runs (default: the last two)");
  diff->add_option("--db", options->db, "history database (SQLite) written by --record")
      ->required();
  diff->add_option("--from", options->from, "the earlier run's id (default: the run before --to)")
      ->check(CLI::PositiveNumber);
  diff->add_option("--to", options->to, "the later run's id (default: the latest run)")
      ->check(CLI::PositiveNumber);
  diff->add_option("--format", options->formats,
                   "output format text|json|md|csv|html[:FILE] (repeatable)")
      ->check([](const std::string& value) {
        const auto format = report::parse_format(value.substr(0, value.find(':')));
        return format && history::diff_format_supported(*format)
                   ? std::string()
                   : fmt::format("unknown format \"{}\"", value.substr(0, value.find(':')));
      });
  diff->add_option("--output", options->output, "write the output to FILE instead of stdout");
  diff->add_option("--lang", options->lang, "language of labels: zh or en")
      ->check(CLI::IsMember({"zh", "en"}));
  diff->add_option("--fail-on-new", options->fail_on_new,
                   "exit 1 if the later run has new findings at or above SEVERITY")
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}));
  diff->add_option("--limit", options->limit,
                   "organizations listed per kind of change in text, md and html (0: all)")
      ->capture_default_str();
  diff->add_flag("--bom", options->bom, "csv: start with a UTF-8 byte-order mark (Excel, WPS)");
  diff->add_flag("--quiet", options->quiet, "no warnings on stderr");
  diff->callback(
      [&command, options] { command.action = [options] { return run_diff(*options); }; });
}

} // namespace orgaudit::cli
