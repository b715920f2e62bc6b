#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <orgaudit/audit/results.hpp>
#include <orgaudit/common.hpp>
#include <orgaudit/core/terminal.hpp>
#include <orgaudit/report/format.hpp>
#include <orgaudit/report/since_last_run.hpp>
#include <orgaudit/rules/ruleset.hpp>

namespace orgaudit::cli {

// The options every evaluating command (score, flag, explain, report, audit)
// shares (SPEC §5).
struct EvaluateOptions {
  DataOptions data;
  CLI::Option* schema_option = nullptr; // to tell an explicit --schema from the default
  std::string rules;
  std::string waivers;
  std::vector<std::string> organizations; // --org
  std::vector<std::string> regions;       // --region
  std::vector<std::string> formats;       // --format FMT or FMT:FILE, repeatable
  std::string output;                     // --output FILE for the one format without a file
  std::string lang = "zh";
  std::string fail_on;
  std::string fail_below;
  unsigned jobs = 0; // 0: all cores
  bool quiet = false;
  bool no_color = false;
  std::string progress = "auto";
  bool bom = false;
  std::size_t detail = report::default_detail; // --detail N (audit, report)
};

// The names of every format of SPEC §6, for commands that accept them all.
std::vector<std::string> all_format_names();

// Adds the common options. `formats` lists the formats this command accepts;
// `default_data` is --data's value when it is optional; `with_output` offers
// --output FILE (commands that always write files leave it out).
void add_evaluate_options(CLI::App& command, EvaluateOptions& options, bool data_required,
                          const std::vector<std::string>& formats,
                          const std::string& default_data = {}, bool with_output = true);

// Adds --detail N|all: how many organizations the HTML report details, the
// most urgent first.
void add_detail_option(CLI::App& command, EvaluateOptions& options);

// A loaded rule set and dataset and the engine's results.
struct Evaluation {
  std::shared_ptr<const rules::RuleSet> ruleset;
  std::shared_ptr<const data::Dataset> dataset;
  std::shared_ptr<const audit::Results> results;
  Terminal terminal;
  rules::Lang lang = rules::Lang::zh;
  // What changed since the last recorded run (--db); null without a database.
  std::shared_ptr<const report::SinceLastRun> since_last_run;
};

// Loads the rule set (exit 3 before any data is read), the data (exit 4), the
// waivers (exit 3) and runs the engine with a progress bar on a TTY.
Evaluation evaluate(const EvaluateOptions& options);

// One requested output: a format and a file ("" = stdout).
struct OutputRequest {
  report::Format format = report::Format::text;
  std::string file;
};

// The outputs asked for with --format/--output, `fallback` if none; at most
// one may go to stdout (UsageError otherwise).
std::vector<OutputRequest> output_requests(const EvaluateOptions& options, report::Format fallback);

// The output of `request`: stdout, or its file (written in place by finish()).
std::unique_ptr<report::Output> open_output(const OutputRequest& request);

// Render options for `evaluation` (language, colour for stdout, evidence, …).
report::RenderOptions render_options(const Evaluation& evaluation, const EvaluateOptions& options,
                                     bool to_terminal);

// Renders `results` once per request, and when `skipped_csv` names a file,
// the rows --lenient skipped there (report::render_skipped_csv, with a BOM).
// Files are rendered to temporary names and renamed only once all of them
// rendered, so a failure (IoError naming the path, exit 5) leaves no partial
// file and no mix of old and new files; the stdout output, if any, comes last.
void write_outputs(const Evaluation& evaluation, const audit::Results& results,
                   const EvaluateOptions& options, const std::vector<OutputRequest>& requests,
                   const std::string& skipped_csv = {});

// The rank --fail-below GRADE names (grades best first, ungraded last): the
// grade's id or its label in either language; a usage error listing the grades
// and the nearest one otherwise (choices.hpp).
std::size_t fail_below_rank(const rules::RuleSet& set, std::string_view grade);

// 1 if a finding reaches --fail-on or a grade falls below --fail-below, else 0;
// the organizations that crossed the line are counted on stderr (20 named).
int threshold_exit_code(const audit::Results& results, const EvaluateOptions& options);

} // namespace orgaudit::cli
