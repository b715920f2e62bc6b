#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <orgaudit/cli.hpp>
#include <orgaudit/core/directory_lock.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/evaluate.hpp>
#include <orgaudit/report/output.hpp>
#include <orgaudit/run_history.hpp>

namespace orgaudit::cli {

namespace {

struct AuditOptions {
  EvaluateOptions evaluate;
  HistoryOptions history;
  std::string out = "audit-report";
};

// What `audit` writes when no --format is given (SPEC §5).
constexpr report::Format default_formats[] = {report::Format::html, report::Format::json,
                                              report::Format::csv, report::Format::xlsx,
                                              report::Format::junit};

// The report of `format` in the output directory: DIR/report.EXT.
std::string file_in(const std::filesystem::path& dir, report::Format format)
{
  return (dir / fmt::format("report.{}", report::format_extension(format))).string();
}

// --format FMT puts the report in the output directory; FMT:FILE puts it at FILE.
// The CSV in the output directory starts with a UTF-8 byte-order mark.
EvaluateOptions with_files(const AuditOptions& options)
{
  EvaluateOptions evaluate = options.evaluate;
  if (evaluate.formats.empty()) {
    for (report::Format format : default_formats) {
      evaluate.formats.emplace_back(report::format_name(format));
    }
  }
  for (std::string& value : evaluate.formats) {
    if (value.find(':') == std::string::npos) {
      // report.csv in the output directory is for Excel and WPS, which read
      // UTF-8 only after a byte-order mark; csv:FILE keeps --bom explicit.
      evaluate.bom = evaluate.bom || *report::parse_format(value) == report::Format::csv;
      value += ":" + file_in(options.out, *report::parse_format(value));
    }
  }
  return evaluate;
}

void create_directory(const std::filesystem::path& dir)
{
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!ec && !std::filesystem::is_directory(dir, ec)) {
    ec = std::make_error_code(std::errc::not_a_directory);
  }
  if (ec) {
    throw IoError(
        fmt::format("{}: cannot create the output directory: {}", dir.string(), ec.message()));
  }
}

int run_audit(const AuditOptions& options)
{
  const EvaluateOptions evaluate_options = with_files(options);
  const auto requests = output_requests(evaluate_options, report::Format::html);
  RunHistory history(options.history, "audit");
  Evaluation evaluation = evaluate(evaluate_options);
  history.compare(evaluation, evaluate_options);
  const auto& formats = options.evaluate.formats;
  std::optional<DirectoryLock> lock;
  if (formats.empty() || std::any_of(formats.begin(), formats.end(), [](const std::string& value) {
        return value.find(':') == std::string::npos;
      })) {
    create_directory(options.out);
    // Another audit writing the same directory finishes its files first, so
    // that the directory always holds one run's set of reports.
    lock.emplace(options.out, [&options] {
      if (!options.evaluate.quiet) {
        fmt::print(stderr, "orgaudit: waiting for another orgaudit writing {}\n", options.out);
      }
    });
  }
  std::vector<std::string> written;
  for (const OutputRequest& request : requests) {
    written.push_back(request.file);
  }
  write_outputs(evaluation, *evaluation.results, evaluate_options, requests);
  lock.reset();
  history.record(evaluation, evaluate_options);
  report::StreamOutput out(stdout);
  report::render_audit_summary(*evaluation.results,
                               render_options(evaluation, evaluate_options, true), written, out);
  out.finish();
  return threshold_exit_code(*evaluation.results, evaluate_options);
}

} // namespace

void add_audit_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<AuditOptions>();
  CLI::App* audit = app.add_subcommand(
      "audit", "The main job: score, flag and write audit-report/ (html, json, csv, xlsx, junit) "
               "with a terminal summary");
  add_evaluate_options(*audit, options->evaluate, false, all_format_names(), builtin_sample_path,
                       false);
  audit->get_option("--data")->description(
      "dataset: a directory of CSV/JSONL files or a SQLite file (default: the "
      "built-in samples/huzhou)");
  audit->get_option("--format")
      ->description(
          fmt::format("write only these formats {}[:FILE] (repeatable): FMT as DIR/report.EXT, "
                      "FMT:FILE at FILE",
                      fmt::join(all_format_names(), "|")));
  audit->add_option("--out", options->out, "output directory, created if missing")
      ->capture_default_str();
  add_history_options(*audit, options->history, HistoryUse::compare);
  audit->callback(
      [&command, options] { command.action = [options] { return run_audit(*options); }; });
}

} // namespace orgaudit::cli
