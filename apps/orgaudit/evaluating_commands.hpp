#pragma once

#include <string>
#include <vector>

#include <orgaudit/evaluate.hpp>
#include <orgaudit/run_history.hpp>

// What the evaluating commands do once their options are bound (cmd_score,
// cmd_report, cmd_flag, cmd_explain, cmd_audit): each returns the process
// exit code.
namespace orgaudit::cli {

// score and report.
struct ReportOptions {
  EvaluateOptions evaluate;
  HistoryOptions history;
};

// Evaluates and writes the outputs asked for; with HistoryUse::compare, what
// changed since the last recorded run goes into the reports that show it;
// with --record the run is stored under `command`'s name.
int run_reports(const ReportOptions& options, const char* command, HistoryUse use);

struct FlagOptions {
  EvaluateOptions evaluate;
  HistoryOptions history;
  std::vector<std::string> only; // --only: these flag ids (empty: every flag)
};

// Writes the flagged organizations only: the text view for text, the reports
// for the other formats; records every organization's result with --record.
int run_flag(const FlagOptions& options);

struct ExplainOptions {
  EvaluateOptions evaluate;
  HistoryOptions history;
  std::string uscc;
  std::string rule; // --rule: only this rule
};

// Explains one organization's result (report::render_explain), with its
// trend over the recorded runs with --db.
int run_explain(ExplainOptions options);

struct AuditOptions {
  EvaluateOptions evaluate;
  HistoryOptions history;
  std::string out = "audit-report";
  // The terminal summary on stdout: printed unless --quiet, or as
  // --summary / --no-summary say.
  bool summary = false;
  bool no_summary = false;
};

// Writes the reports into the output directory (SPEC §5: html, json, csv,
// xlsx and junit unless --format says otherwise), then the terminal summary.
int run_audit(const AuditOptions& options);

} // namespace orgaudit::cli
