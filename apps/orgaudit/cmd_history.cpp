#include <filesystem>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <orgaudit/cli.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/history/run_output.hpp>
#include <orgaudit/history/store.hpp>
#include <orgaudit/report/output.hpp>
#include <orgaudit/run_history.hpp>

namespace orgaudit::cli {

namespace {

struct HistoryCommandOptions {
  std::string db;
  std::string org;
  std::string format = "text";
  std::string lang = "zh";
};

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

} // namespace

void require_history(const std::string& path)
{
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw IoError(fmt::format("{}: no such history database (record runs into it first with "
                              "--db {} --record)",
                              path, path));
  }
}

history::Store open_history(const std::string& path)
{
  require_history(path);
  history::StoreOptions store;
  store.create = false;
  return history::Store(path, store);
}

void add_history_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<HistoryCommandOptions>();
  CLI::App* history = app.add_subcommand(
      "history", "List the runs recorded in a history database, or one organization's trend");
  history->add_option("--db", options->db, "history database (SQLite) written by --record")
      ->required();
  history->add_option("--org", options->org,
                      "one organization (USCC): its total, grade and flags run by run");
  history->add_option("--format", options->format, "output format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  history->add_option("--lang", options->lang, "language of labels: zh or en")
      ->check(CLI::IsMember({"zh", "en"}));
  history->callback(
      [&command, options] { command.action = [options] { return run_history(*options); }; });
}

} // namespace orgaudit::cli
