#include <orgaudit/history/store.hpp>

#include <ctime>
#include <string_view>
#include <utility>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <orgaudit/core/error.hpp>
#include <orgaudit/core/interrupt.hpp>
#include <orgaudit/history/blob.hpp>
#include <orgaudit/history/schema.hpp>

namespace orgaudit::history {

namespace {

constexpr int busy_sleep_ms = 10;

constexpr std::string_view recording = "record the run";

// SQLite's busy handler: sleeps and retries while another process holds the
// lock, up to the timeout (counted in sleeps, so the library reads no clock),
// and gives up at once when SIGINT or SIGTERM arrived.
extern "C" int wait_while_busy(void* attempts_allowed, int attempts)
{
  if (interrupt_signal() != 0 || attempts >= *static_cast<const int*>(attempts_allowed)) {
    return 0;
  }
  const timespec pause{0, busy_sleep_ms * 1000L * 1000L};
  ::nanosleep(&pause, nullptr);
  return 1;
}

// Puts the database in WAL mode. A new file needs the write lock for that,
// and SQLite does not call its busy handler when a connection that is
// reading asks for it (it would wait for itself): another process still
// creating the file would make this fail at once. So wait here as the busy
// handler would.
void enter_wal_mode(SQLite::Database& db, int attempts_allowed)
{
  for (int attempts = 0;; ++attempts) {
    try {
      db.exec("PRAGMA journal_mode = WAL");
      return;
    } catch (const SQLite::Exception& e) {
      if (e.getErrorCode() != SQLITE_BUSY || wait_while_busy(&attempts_allowed, attempts) == 0) {
        throw;
      }
    }
  }
}

constexpr const char* run_columns =
    "runs.id, runs.command, runs.started_at, runs.finished_at, runs.as_of, runs.tool_version, "
    "runs.ruleset, runs.dataset_path, runs.dataset_sha256, runs.options, runs.organizations, "
    "runs.mean_total, runs.vetoed, runs.flagged";
constexpr int run_column_count = 14;

constexpr const char* result_columns =
    "r.total, r.total_without_waivers, r.coverage, r.grade, r.grade_without_waivers, r.vetoed, "
    "r.dimensions, r.outcomes, r.partial_earned";

std::string blob_text(const SQLite::Column& column)
{
  const auto size = static_cast<std::size_t>(column.getBytes());
  return size == 0 ? std::string() : std::string(static_cast<const char*>(column.getBlob()), size);
}

// The run columns of `row`, starting at column 0 (see run_columns).
RunInfo read_run(const SQLite::Statement& row)
{
  RunInfo run;
  run.id = row.getColumn(0).getInt64();
  run.command = row.getColumn(1).getString();
  run.started_at = row.getColumn(2).getString();
  run.finished_at = row.getColumn(3).getString();
  run.as_of = parse_date(row.getColumn(4).getString()).value_or(Date{});
  run.tool_version = row.getColumn(5).getString();
  run.dataset_path = row.getColumn(7).getString();
  run.dataset_sha256 = row.getColumn(8).getString();
  run.options = row.getColumn(9).getString();
  run.organizations = static_cast<std::size_t>(row.getColumn(10).getInt64());
  run.mean_total = row.getColumn(11).getInt64();
  run.vetoed = static_cast<std::size_t>(row.getColumn(12).getInt64());
  run.flagged = static_cast<std::size_t>(row.getColumn(13).getInt64());
  return run;
}

// The result columns of `row`, starting at column `first` (see result_columns),
// for a run of rule set `set`. A row whose outcomes do not match the rule set
// was not written by orgaudit: IoError.
void read_result(const SQLite::Statement& row, int first, const RuleSetInfo& set,
                 const std::string& path, OrgOutcome& org)
{
  org.total = row.getColumn(first).getInt();
  org.total_without_waivers = row.getColumn(first + 1).getInt();
  org.coverage = row.getColumn(first + 2).getInt();
  org.grade = row.getColumn(first + 3).getInt();
  org.grade_without_waivers = row.getColumn(first + 4).getInt();
  org.vetoed = row.getColumn(first + 5).getInt() != 0;
  org.dimensions = blob::unpack<std::int32_t>(blob_text(row.getColumn(first + 6)));
  org.outcomes = blob_text(row.getColumn(first + 7));
  org.partial_earned = blob::unpack<double>(blob_text(row.getColumn(first + 8)));
  if (org.outcomes.size() != set.rules.size() || org.dimensions.size() != set.dimensions.size()) {
    throw IoError(fmt::format("{}: the stored result of {} does not match its rule set; the "
                              "file is damaged",
                              path, org.uscc));
  }
}

} // namespace

template <typename Action> auto Store::guarded(std::string_view doing, Action action) const
{
  try {
    return action();
  } catch (const SQLite::Exception& e) {
    check_interrupted();
    if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED) {
      throw IoError(fmt::format("{}: cannot {}: another orgaudit has been writing to this history "
                                "database for more than {} s (--db-timeout){}",
                                m_path, doing, m_busy_timeout_ms / 1000.0,
                                doing == recording ? "; nothing was recorded by this run" : ""));
    }
    throw IoError(fmt::format("{}: cannot {}: {}", m_path, doing, e.what()));
  }
}

Store::Store(const std::string& path, const StoreOptions& options)
    : m_path(path), m_busy_timeout_ms(options.busy_timeout_ms),
      m_busy_attempts(static_cast<int>(options.busy_timeout_ms / busy_sleep_ms))
{
  guarded("open the history database", [&] {
    const int flags = SQLite::OPEN_READWRITE | (options.create ? SQLite::OPEN_CREATE : 0);
    m_db = std::make_unique<SQLite::Database>(path, flags);
    sqlite3_busy_handler(m_db->getHandle(), wait_while_busy, &m_busy_attempts);
    check_database(*m_db, path); // before anything is written to a file that may not be ours
    // WAL: readers never block the writer; a killed writer leaves only an
    // uncommitted tail that the next opener discards. NORMAL synchronous is
    // safe in WAL mode (a power cut may lose the last run, never corrupt).
    enter_wal_mode(*m_db, m_busy_attempts);
    m_db->exec("PRAGMA synchronous = NORMAL");
    // A small page cache: a run's pages go to the log as its rows are
    // inserted (where SIGINT and SIGTERM are noticed) rather than mostly in
    // the commit, which cannot be stopped.
    m_db->exec("PRAGMA cache_size = -512");
    migrate(*m_db, path);
    return 0;
  });
}

Store::~Store() = default;

std::vector<std::int64_t> Store::store_organizations(const std::vector<OrgOutcome>& organizations)
{
  // The run's organizations are in USCC order (std::string's, which compares
  // bytes) and the index on organizations.uscc is too (SQLite's BINARY
  // collation, which also compares bytes): one pass over both finds the
  // known ones without copying the table. Inserts and renames wait until the
  // pass is over, so that the table does not change under its cursor.
  std::vector<std::int64_t> ids(organizations.size(), 0);
  std::vector<std::size_t> added;
  std::vector<std::pair<std::int64_t, std::size_t>> renamed;
  SQLite::Statement known(*m_db, "SELECT id, uscc, name FROM organizations ORDER BY uscc");
  const auto text = [&known](int column) {
    const SQLite::Column value = known.getColumn(column);
    return std::string_view(value.getText(), static_cast<std::size_t>(value.getBytes()));
  };
  bool more = known.executeStep();
  for (std::size_t o = 0; o < organizations.size(); ++o) {
    const OrgOutcome& org = organizations[o];
    while (more && text(1) < org.uscc) {
      more = known.executeStep();
    }
    if (!more || text(1) != org.uscc) {
      added.push_back(o);
      continue;
    }
    ids[o] = known.getColumn(0).getInt64();
    // The dictionary keeps an organization's latest name.
    if (text(2) != org.name) {
      renamed.emplace_back(ids[o], o);
    }
  }
  known.reset();
  SQLite::Statement insert(*m_db, "INSERT INTO organizations(uscc, name) VALUES (?, ?)");
  for (const std::size_t o : added) {
    insert.bindNoCopy(1, organizations[o].uscc);
    insert.bindNoCopy(2, organizations[o].name);
    insert.exec();
    insert.reset();
    ids[o] = m_db->getLastInsertRowid();
  }
  SQLite::Statement rename(*m_db, "UPDATE organizations SET name = ? WHERE id = ?");
  for (const auto& [id, o] : renamed) {
    rename.bindNoCopy(1, organizations[o].name);
    rename.bind(2, id);
    rename.exec();
    rename.reset();
  }
  return ids;
}

std::int64_t Store::record(const Run& run)
{
  return guarded(recording, [&] {
    check_interrupted();
    // IMMEDIATE takes the write lock now (waiting for another writer), so the
    // reads below and the writes after them see one consistent database.
    SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    const RunInfo& info = run.info;
    const std::int64_t ruleset = store_ruleset(*info.ruleset);
    const std::vector<std::int64_t> org_ids = store_organizations(run.organizations);
    SQLite::Statement insert_run(
        *m_db, "INSERT INTO runs(command, started_at, finished_at, as_of, tool_version, ruleset, "
               "dataset_path, dataset_sha256, options, organizations, mean_total, vetoed, "
               "flagged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert_run.bind(1, info.command);
    insert_run.bind(2, info.started_at);
    insert_run.bind(3, info.finished_at);
    insert_run.bind(4, format_date(info.as_of));
    insert_run.bind(5, info.tool_version);
    insert_run.bind(6, ruleset);
    insert_run.bind(7, info.dataset_path);
    insert_run.bind(8, info.dataset_sha256);
    insert_run.bind(9, info.options);
    insert_run.bind(10, static_cast<std::int64_t>(run.organizations.size()));
    insert_run.bind(11, info.mean_total);
    insert_run.bind(12, static_cast<std::int64_t>(info.vetoed));
    insert_run.bind(13, static_cast<std::int64_t>(info.flagged));
    insert_run.exec();
    const std::int64_t id = m_db->getLastInsertRowid();
    SQLite::Statement insert(*m_db, "INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::string dimensions;
    std::string earned;
    for (std::size_t o = 0; o < run.organizations.size(); ++o) {
      if (o % 1024 == 0) {
        check_interrupted();
      }
      const OrgOutcome& org = run.organizations[o];
      blob::pack(org.dimensions, dimensions);
      blob::pack(org.partial_earned, earned);
      insert.bind(1, id);
      insert.bind(2, org_ids[o]);
      insert.bind(3, org.total);
      insert.bind(4, org.total_without_waivers);
      insert.bind(5, org.coverage);
      insert.bind(6, org.grade);
      insert.bind(7, org.grade_without_waivers);
      insert.bind(8, org.vetoed ? 1 : 0);
      insert.bindNoCopy(9, dimensions.data(), static_cast<int>(dimensions.size()));
      insert.bindNoCopy(10, org.outcomes.data(), static_cast<int>(org.outcomes.size()));
      insert.bindNoCopy(11, earned.data(), static_cast<int>(earned.size()));
      insert.exec();
      insert.reset();
    }
    check_interrupted();
    transaction.commit();
    return id;
  });
}

std::vector<RunInfo> Store::runs() const
{
  return guarded("read the runs", [&] {
    std::vector<RunInfo> out;
    SQLite::Statement row(*m_db, fmt::format("SELECT {} FROM runs ORDER BY id", run_columns));
    while (row.executeStep()) {
      out.push_back(read_run(row));
      out.back().ruleset = ruleset(row.getColumn(6).getInt64());
    }
    return out;
  });
}

std::optional<Run> Store::load(std::int64_t id) const
{
  return guarded("read the run", [&]() -> std::optional<Run> {
    SQLite::Statement head(*m_db, fmt::format("SELECT {} FROM runs WHERE id = ?", run_columns));
    head.bind(1, id);
    if (!head.executeStep()) {
      return std::nullopt;
    }
    Run run;
    run.info = read_run(head);
    run.info.ruleset = ruleset(head.getColumn(6).getInt64());
    run.organizations.reserve(run.info.organizations);
    SQLite::Statement row(*m_db, fmt::format("SELECT o.uscc, o.name, {} FROM results r JOIN "
                                             "organizations o ON o.id = r.org WHERE r.run = ? "
                                             "ORDER BY o.uscc",
                                             result_columns));
    row.bind(1, id);
    while (row.executeStep()) {
      OrgOutcome& org = run.organizations.emplace_back();
      org.uscc = row.getColumn(0).getString();
      org.name = row.getColumn(1).getString();
      read_result(row, 2, *run.info.ruleset, m_path, org);
    }
    return run;
  });
}

std::vector<TrajectoryPoint> Store::trajectory(std::string_view uscc) const
{
  return guarded("read the organization's history", [&] {
    std::vector<TrajectoryPoint> out;
    SQLite::Statement org(*m_db, "SELECT id, name FROM organizations WHERE uscc = ?");
    org.bind(1, std::string(uscc));
    if (!org.executeStep()) {
      return out;
    }
    // CROSS JOIN keeps runs as the outer loop, so each result is found by its
    // primary key (run, org) instead of a scan.
    SQLite::Statement row(*m_db, fmt::format("SELECT {}, {} FROM runs CROSS JOIN results r ON "
                                             "r.run = runs.id AND r.org = ? ORDER BY runs.id",
                                             run_columns, result_columns));
    row.bind(1, org.getColumn(0).getInt64());
    while (row.executeStep()) {
      TrajectoryPoint& point = out.emplace_back();
      point.run = read_run(row);
      point.run.ruleset = ruleset(row.getColumn(6).getInt64());
      point.organization.uscc = std::string(uscc);
      point.organization.name = org.getColumn(1).getString();
      read_result(row, run_column_count, *point.run.ruleset, m_path, point.organization);
    }
    return out;
  });
}

} // namespace orgaudit::history
