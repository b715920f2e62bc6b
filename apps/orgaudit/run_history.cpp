#include <orgaudit/run_history.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <orgaudit/core/error.hpp>
#include <orgaudit/core/file.hpp>
#include <orgaudit/core/interrupt.hpp>
#include <orgaudit/core/sha256.hpp>
#include <orgaudit/history/diff.hpp>
#include <orgaudit/history/since.hpp>
#include <orgaudit/report/escape.hpp>

namespace orgaudit::cli {

namespace {

// The current time in UTC, ISO 8601; with common.cpp's today, the only clock reads.
std::string utc_now()
{
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

void append_list(std::string& out, std::vector<std::string> values)
{
  std::sort(values.begin(), values.end());
  out += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    out += i == 0 ? "" : ", ";
    report::append_json_string(out, values[i]);
  }
  out += ']';
}

// The options that change results, as a JSON object; files by their content,
// so that the same file under another path is the same option.
std::string result_options(const EvaluateOptions& options)
{
  std::string out = "{\"schema_sha256\": ";
  report::append_json_string(out, sha256_hex(read_file(options.data.schema)));
  out += ", \"waivers_sha256\": ";
  if (options.waivers.empty()) {
    out += "null";
  } else {
    report::append_json_string(out, sha256_hex(read_file(options.waivers)));
  }
  out += ", \"org\": ";
  append_list(out, options.organizations);
  out += ", \"region\": ";
  append_list(out, options.regions);
  out += fmt::format(", \"lenient\": {}, \"encoding\": ", options.data.lenient ? "true" : "false");
  report::append_json_string(out, options.data.encoding);
  out += '}';
  return out;
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

void add_history_options(CLI::App& command, HistoryOptions& options, HistoryUse use)
{
  const char* db_help =
      use == HistoryUse::record ? "history database (SQLite) to record the run in, with --record"
      : use == HistoryUse::compare
          ? "history database (SQLite): show what changed since the last recorded run; with "
            "--record also store this run"
          : "history database (SQLite): show the organization's trend over the recorded runs";
  CLI::Option* db = command.add_option("--db", options.db, db_help);
  if (use == HistoryUse::read) {
    return;
  }
  CLI::Option* record =
      command.add_flag("--record", options.record, "store this run in the --db history database");
  record->needs(db);
  if (use == HistoryUse::record) {
    db->needs(record);
  }
  command
      .add_option("--db-timeout", options.timeout,
                  "seconds to wait for another orgaudit writing the --db database (default 60)")
      ->check(CLI::Range(1u, 86400u))
      ->needs(db);
}

RunHistory::RunHistory(const HistoryOptions& options, std::string command)
    : m_options(options), m_command(std::move(command)), m_started_at(utc_now())
{
  if (!options.db.empty()) {
    if (!options.record) {
      require_history(options.db);
    }
    history::StoreOptions store;
    store.busy_timeout_ms = options.timeout * 1000;
    store.create = options.record;
    m_store = std::make_unique<history::Store>(options.db, store);
  }
}

const history::Run& RunHistory::current(const Evaluation& evaluation,
                                        const EvaluateOptions& options)
{
  if (!m_current) {
    history::RunInfo info;
    info.command = m_command;
    info.started_at = m_started_at;
    info.as_of = evaluation.results->as_of;
    info.tool_version = ORGAUDIT_VERSION;
    info.dataset_path = evaluation.dataset->path;
    info.dataset_sha256 = evaluation.dataset->sha256();
    info.options = result_options(options);
    m_current = std::make_shared<history::Run>(history::snapshot(*evaluation.results, info));
  }
  return *m_current;
}

void RunHistory::compare(Evaluation& evaluation, const EvaluateOptions& options)
{
  if (!enabled()) {
    return;
  }
  const auto runs = m_store->runs();
  auto since = std::make_shared<report::SinceLastRun>();
  if (auto previous = runs.empty() ? std::nullopt : m_store->load(runs.back().id)) {
    current(evaluation, options);
    *since = history::since_last_run(
        history::compare(std::make_shared<const history::Run>(std::move(*previous)), m_current),
        evaluation.lang);
  }
  evaluation.since_last_run = std::move(since);
}

void RunHistory::prepare(const Evaluation& evaluation, const EvaluateOptions& options)
{
  if (!enabled() || !m_options.record || m_prepared.valid()) {
    return;
  }
  // Copies (the evaluation's are shared pointers): if the reports fail, the
  // caller's evaluation may be gone before this object waits for the work.
  m_prepared =
      std::async(std::launch::async, [this, evaluation, options] { current(evaluation, options); });
}

void RunHistory::record(const Evaluation& evaluation, const EvaluateOptions& options)
{
  if (!enabled() || !m_options.record) {
    return;
  }
  if (m_prepared.valid()) {
    m_prepared.get(); // rethrows what went wrong there (a changed input file)
  }
  current(evaluation, options);
  m_current->info.finished_at = utc_now();
  std::int64_t id = 0;
  try {
    id = m_store->record(*m_current);
  } catch (const Interrupted& e) {
    // The reports are written by now; only the run is not stored.
    throw Interrupted(e.signal(), fmt::format("the reports were written; this run was not "
                                              "recorded in {}",
                                              m_options.db));
  }
  if (!options.quiet) {
    fmt::print(stderr, "orgaudit: recorded run {} ({} organizations) in {}\n", id,
               m_current->organizations.size(), m_options.db);
  }
}

std::vector<history::TrajectoryPoint> RunHistory::trend(const Evaluation& evaluation,
                                                        const EvaluateOptions& options)
{
  const history::Run& run = current(evaluation, options);
  std::vector<history::TrajectoryPoint> points;
  if (run.organizations.empty()) {
    return points;
  }
  points = m_store->trajectory(run.organizations.front().uscc);
  points.push_back({run.info, run.organizations.front()});
  return points;
}

} // namespace orgaudit::cli
