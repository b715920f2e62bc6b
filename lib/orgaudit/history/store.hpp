#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/history/run.hpp>

namespace SQLite {
class Database;
}

namespace orgaudit::history {

struct StoreOptions {
  // Create the file when it does not exist (recording); reading commands
  // refuse a missing file instead.
  bool create = true;
  // How long to wait for another process that is writing the database before
  // giving up (exit 5).
  unsigned busy_timeout_ms = 60000;
};

// One organization's result in one run: a point of its trajectory.
struct TrajectoryPoint {
  RunInfo run;
  OrgOutcome organization;
};

// The history database (SPEC §7): a SQLite file in WAL mode whose schema is
// migrated forward on open. Every run is stored in one transaction, so a run
// killed at any moment leaves the file valid and holding only complete runs;
// writers wait for each other up to the busy timeout. Every failure throws
// IoError naming the file (exit 5), or Interrupted when SIGINT or SIGTERM
// arrived meanwhile (nothing is stored then).
class Store {
 public:
  // Opens `path` (":memory:" in tests) and migrates it to schema_version.
  Store(const std::string& path, const StoreOptions& options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores `run` with its rule set (once per rule-set SHA-256) and
  // organizations; returns the new run's id.
  std::int64_t record(const Run& run);

  // Every run, oldest first, without its organizations.
  std::vector<RunInfo> runs() const;

  // The run with this id and all its organizations (sorted by USCC), or
  // nullopt when there is no such run.
  std::optional<Run> load(std::int64_t id) const;

  // Every run that holds the organization `uscc`, oldest first.
  std::vector<TrajectoryPoint> trajectory(std::string_view uscc) const;

  // The file as messages name it.
  const std::string& path() const { return m_path; }

 private:
  std::int64_t store_ruleset(const RuleSetInfo& ruleset);
  std::vector<std::int64_t> store_organizations(const std::vector<OrgOutcome>& organizations);
  std::shared_ptr<const RuleSetInfo> ruleset(std::int64_t id) const;
  template <typename Action> auto guarded(std::string_view doing, Action action) const;

  std::string m_path;
  unsigned m_busy_timeout_ms;
  int m_busy_attempts;
  std::unique_ptr<SQLite::Database> m_db;
  mutable std::map<std::int64_t, std::shared_ptr<const RuleSetInfo>> m_rulesets;
};

} // namespace orgaudit::history
