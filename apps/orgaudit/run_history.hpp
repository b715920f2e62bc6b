#pragma once

#include <future>
#include <memory>
#include <string>
#include <vector>

#include <orgaudit/evaluate.hpp>
#include <orgaudit/history/run.hpp>
#include <orgaudit/history/store.hpp>

namespace CLI {
class App;
}

namespace orgaudit::cli {

// --db FILE, --record and --db-timeout SECONDS (SPEC §7).
struct HistoryOptions {
  std::string db;
  bool record = false;
  unsigned timeout = 60;
};

// What a command does with --db: `record` (score, flag: --db needs
// --record), `compare` (audit, report: --db alone shows what changed since
// the last run, --record also stores this one), `read` (explain: the trend).
enum class HistoryUse { record, compare, read };

// Throws IoError (exit 5) unless `path` is an existing file: commands that
// only read the history never create a database.
void require_history(const std::string& path);

// Opens an existing history database for `history` and `diff` (require_history).
history::Store open_history(const std::string& path);

// Adds the history options for `use` to `command`.
void add_history_options(CLI::App& command, HistoryOptions& options, HistoryUse use);

// The history database of one evaluating command. Opened before the
// evaluation, so that an unusable file fails (exit 5) before a long run and
// the run's start time is taken then; without --db every member does nothing.
class RunHistory {
 public:
  RunHistory(const HistoryOptions& options, std::string command);

  bool enabled() const { return m_store != nullptr; }

  // Compares the evaluation with the latest recorded run and attaches what
  // changed, for the reports that show it.
  void compare(Evaluation& evaluation, const EvaluateOptions& options);

  // With --record, starts putting the run into the form the store keeps
  // (and hashing the input files) on another thread, so that this happens
  // while the reports are written; the results must not change after the
  // call.
  void prepare(const Evaluation& evaluation, const EvaluateOptions& options);

  // With --record, stores the run (one transaction) and says so on stderr
  // unless --quiet. Called after the reports were written, so that a run
  // whose reports failed is not recorded.
  void record(const Evaluation& evaluation, const EvaluateOptions& options);

  // The organization's recorded results, oldest first, then this run's
  // (whose run id is 0); the evaluation must hold that one organization.
  std::vector<history::TrajectoryPoint> trend(const Evaluation& evaluation,
                                              const EvaluateOptions& options);

 private:
  const history::Run& current(const Evaluation& evaluation, const EvaluateOptions& options);

  HistoryOptions m_options;
  std::string m_command;
  std::string m_started_at;
  std::unique_ptr<history::Store> m_store;
  std::shared_ptr<history::Run> m_current;
  // prepare()'s work; last, so that it is waited for before the members it uses go.
  std::future<void> m_prepared;
};

} // namespace orgaudit::cli
