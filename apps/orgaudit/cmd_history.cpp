#include <memory>

#include <CLI/CLI.hpp>

#include <orgaudit/cli.hpp>
#include <orgaudit/history_commands.hpp>

namespace orgaudit::cli {

void add_history_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<HistoryCommandOptions>();
  CLI::App* history =
      add_command(app, command, "history",
                  "List the runs recorded in a history database, or one organization's trend",
                  [options] { return run_history(*options); });
  history->add_option("--db", options->db, "history database (SQLite) written by --record")
      ->required();
  history->add_option("--org", options->org,
                      "one organization (USCC): its total, grade and flags run by run");
  history->add_option("--format", options->format, "output format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  history->add_option("--lang", options->lang, "language of labels: zh or en")
      ->check(CLI::IsMember({"zh", "en"}));
}

} // namespace orgaudit::cli
