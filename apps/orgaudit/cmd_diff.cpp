#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <orgaudit/cli.hpp>
#include <orgaudit/history/diff_render.hpp>
#include <orgaudit/history_commands.hpp>
#include <orgaudit/report/format.hpp>

namespace orgaudit::cli {

void add_diff_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<DiffOptions>();
  CLI::App* diff = add_command(app, command, "diff",
                               "What changed between two recorded runs (default: the last two)",
                               [options] { return run_diff(*options); });
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
}

} // namespace orgaudit::cli
