#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <orgaudit/cli.hpp>
#include <orgaudit/evaluating_commands.hpp>

namespace orgaudit::cli {

void add_audit_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<AuditOptions>();
  CLI::App* audit = add_command(
      app, command, "audit",
      "The main job: score, flag and write audit-report/ (html, json, csv, xlsx, junit) "
      "with a terminal summary",
      [options] { return run_audit(*options); });
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
  CLI::Option* summary = audit->add_flag("--summary", options->summary,
                                         "print the terminal summary on stdout, even with --quiet");
  audit
      ->add_flag("--no-summary", options->no_summary,
                 "do not print the terminal summary (--quiet implies it)")
      ->excludes(summary);
  add_detail_option(*audit, options->evaluate);
  add_history_options(*audit, options->history, HistoryUse::compare);
}

} // namespace orgaudit::cli
