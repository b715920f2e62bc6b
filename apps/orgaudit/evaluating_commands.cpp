#include <orgaudit/evaluating_commands.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <system_error>

#include <fmt/format.h>

#include <orgaudit/audit/evidence.hpp>
#include <orgaudit/choices.hpp>
#include <orgaudit/core/directory_lock.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/history/run_output.hpp>
#include <orgaudit/report/explain.hpp>
#include <orgaudit/report/flagged.hpp>
#include <orgaudit/report/output.hpp>

namespace orgaudit::cli {

namespace {

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
      const std::string file = file_in(options.out, *report::parse_format(value));
      value += ':';
      value += file;
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

// The flags --only names by id or label (a UsageError listing the flags for
// a name that is none), or every flag.
std::vector<std::size_t> chosen_flags(const rules::RuleSet& set,
                                      const std::vector<std::string>& only)
{
  std::vector<std::size_t> flags;
  const std::vector<Choice> choices = flag_choices(set);
  for (const std::string& name : only) {
    flags.push_back(choose("--only", "flag", name, choices));
  }
  if (flags.empty()) {
    for (std::size_t f = 0; f < set.flags.size(); ++f) {
      flags.push_back(f);
    }
  }
  return flags;
}

} // namespace

int run_reports(const ReportOptions& options, const char* command, HistoryUse use)
{
  const auto requests = output_requests(options.evaluate, report::Format::text);
  RunHistory history(options.history, command);
  Evaluation evaluation = evaluate(options.evaluate);
  if (use == HistoryUse::compare) {
    history.compare(evaluation, options.evaluate);
  }
  history.prepare(evaluation, options.evaluate);
  write_outputs(evaluation, *evaluation.results, options.evaluate, requests);
  history.record(evaluation, options.evaluate);
  return threshold_exit_code(*evaluation.results, options.evaluate);
}

int run_flag(const FlagOptions& options)
{
  const auto requests = output_requests(options.evaluate, report::Format::text);
  RunHistory history(options.history, "flag");
  const Evaluation evaluation = evaluate(options.evaluate);
  const audit::Results& all = *evaluation.results;
  const std::vector<std::size_t> flags = chosen_flags(*evaluation.ruleset, options.only);
  const audit::Results flagged =
      audit::select_organizations(all, report::flagged_positions(all, flags));
  history.prepare(evaluation, options.evaluate);
  std::vector<OutputRequest> others;
  for (const OutputRequest& request : requests) {
    if (request.format != report::Format::text) {
      others.push_back(request);
      continue;
    }
    const auto out = open_output(request);
    report::render_flagged_text(flagged, flags, evaluation.lang, *out);
    out->finish();
  }
  write_outputs(evaluation, flagged, options.evaluate, others);
  // The run recorded is every organization's result, not only the flagged ones.
  history.record(evaluation, options.evaluate);
  if (!options.evaluate.quiet) {
    fmt::print(stderr, "flag: {} of {} organizations flagged\n", flagged.size(), all.size());
  }
  return threshold_exit_code(flagged, options.evaluate);
}

int run_explain(ExplainOptions options)
{
  options.evaluate.organizations = {options.uscc};
  const auto requests = output_requests(options.evaluate, report::Format::text);
  RunHistory past(options.history, "explain");
  const Evaluation evaluation = evaluate(options.evaluate);
  // --rule names a rule by id or label; the view selects it by id.
  std::string rule;
  if (!options.rule.empty()) {
    const std::vector<Choice> choices = rule_choices(*evaluation.ruleset);
    rule = choices[choose("--rule", "rule", options.rule, choices, 12)].id;
  }
  const audit::Results& results = *evaluation.results;
  // --db: the organization's results over the recorded runs, then this one.
  const auto trend = past.enabled() ? past.trend(evaluation, options.evaluate)
                                    : std::vector<history::TrajectoryPoint>();
  const audit::TracingEvidence evidence(results);
  report::RenderOptions render = render_options(evaluation, options.evaluate, false);
  render.evidence = &evidence;
  render.recoverable = [&results](std::size_t position) {
    return audit::points_recoverable(results, position);
  };
  for (const OutputRequest& request : requests) {
    report::ExplainOptions explain;
    explain.rule = rule;
    if (past.enabled() && request.format == report::Format::json) {
      history::append_trajectory_json(explain.trend, trend);
    } else if (past.enabled()) {
      explain.trend = history::trend_section(trend, evaluation.lang);
    }
    const auto out = open_output(request);
    report::render_explain(request.format, results, render, explain, *out);
    out->finish();
  }
  return threshold_exit_code(results, options.evaluate);
}

int run_audit(const AuditOptions& options)
{
  const EvaluateOptions evaluate_options = with_files(options);
  const auto requests = output_requests(evaluate_options, report::Format::html);
  RunHistory history(options.history, "audit");
  Evaluation evaluation = evaluate(evaluate_options);
  history.compare(evaluation, evaluate_options);
  history.prepare(evaluation, evaluate_options);
  const auto& formats = options.evaluate.formats;
  // With --lenient, every row left out is listed beside the reports.
  const std::string skipped_csv =
      options.evaluate.data.lenient ? (std::filesystem::path(options.out) / "skipped.csv").string()
                                    : std::string();
  std::optional<DirectoryLock> lock;
  if (formats.empty() || !skipped_csv.empty() ||
      std::any_of(formats.begin(), formats.end(),
                  [](const std::string& value) { return value.find(':') == std::string::npos; })) {
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
  if (!skipped_csv.empty()) {
    written.push_back(skipped_csv);
  }
  write_outputs(evaluation, *evaluation.results, evaluate_options, requests, skipped_csv);
  lock.reset();
  history.record(evaluation, evaluate_options);
  if (options.summary || (!options.no_summary && !options.evaluate.quiet)) {
    report::StreamOutput out(stdout);
    report::render_audit_summary(*evaluation.results,
                                 render_options(evaluation, evaluate_options, true), written, out);
    out.finish();
  }
  return threshold_exit_code(*evaluation.results, evaluate_options);
}

} // namespace orgaudit::cli
