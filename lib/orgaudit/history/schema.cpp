#include <orgaudit/history/schema.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <orgaudit/core/error.hpp>

namespace orgaudit::history {

namespace {

// Version 1: a run's provenance, the shape of each rule set once, an
// organization dictionary, and one row per organization and run whose rule
// outcomes are one byte per rule (see history/run.hpp).
constexpr const char* version_1 = R"sql(
CREATE TABLE rulesets(
  id INTEGER PRIMARY KEY,
  ruleset TEXT NOT NULL,
  version TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL);
CREATE TABLE grades(
  ruleset INTEGER NOT NULL REFERENCES rulesets(id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL,
  min REAL NOT NULL,
  PRIMARY KEY (ruleset, position)) WITHOUT ROWID;
CREATE TABLE dimensions(
  ruleset INTEGER NOT NULL REFERENCES rulesets(id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL,
  weight REAL NOT NULL,
  PRIMARY KEY (ruleset, position)) WITHOUT ROWID;
CREATE TABLE rules(
  ruleset INTEGER NOT NULL REFERENCES rulesets(id),
  position INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  code TEXT NOT NULL,
  parent INTEGER NOT NULL,
  severity INTEGER NOT NULL,
  points REAL NOT NULL,
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL,
  PRIMARY KEY (ruleset, position)) WITHOUT ROWID;
CREATE TABLE organizations(
  id INTEGER PRIMARY KEY,
  uscc TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL);
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  as_of TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  ruleset INTEGER NOT NULL REFERENCES rulesets(id),
  dataset_path TEXT NOT NULL,
  dataset_sha256 TEXT NOT NULL,
  options TEXT NOT NULL,
  organizations INTEGER NOT NULL,
  mean_total INTEGER NOT NULL,
  vetoed INTEGER NOT NULL,
  flagged INTEGER NOT NULL);
CREATE TABLE results(
  run INTEGER NOT NULL REFERENCES runs(id),
  org INTEGER NOT NULL REFERENCES organizations(id),
  total INTEGER NOT NULL,
  total_without_waivers INTEGER NOT NULL,
  coverage INTEGER NOT NULL,
  grade INTEGER NOT NULL,
  grade_without_waivers INTEGER NOT NULL,
  vetoed INTEGER NOT NULL,
  dimensions BLOB NOT NULL,
  outcomes BLOB NOT NULL,
  partial_earned BLOB NOT NULL,
  PRIMARY KEY (run, org)) WITHOUT ROWID;
)sql";

// Version 2: each rule's fingerprint, so that `diff` can name the rules that
// changed between two runs' rule sets. Rule sets recorded before have none
// until a later run uses the same rule set again.
constexpr const char* version_2 = R"sql(
ALTER TABLE rules ADD COLUMN fingerprint TEXT;
)sql";

constexpr const char* steps[] = {version_1, version_2};
static_assert(std::size(steps) == schema_version);

int pragma(SQLite::Database& db, const char* name)
{
  return db.execAndGet(fmt::format("PRAGMA {}", name)).getInt();
}

} // namespace

void check_database(SQLite::Database& db, const std::string& display_name)
{
  const int version = pragma(db, "user_version");
  if (version > schema_version) {
    throw IoError(fmt::format("{}: written by a newer orgaudit (history schema {}; this one reads "
                              "up to {}); upgrade orgaudit",
                              display_name, version, schema_version));
  }
  const bool empty = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0;
  if (pragma(db, "application_id") != application_id && !(version == 0 && empty)) {
    throw IoError(fmt::format("{}: not an orgaudit history database (give --db a new file or one "
                              "that orgaudit recorded runs in)",
                              display_name));
  }
}

void migrate(SQLite::Database& db, const std::string& display_name)
{
  if (pragma(db, "user_version") == schema_version &&
      pragma(db, "application_id") == application_id) {
    return;
  }
  // Two processes may open an old or new database at once: the first to get
  // the write lock migrates, the other finds the work done.
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  check_database(db, display_name);
  for (int step = pragma(db, "user_version"); step < schema_version; ++step) {
    db.exec(steps[step]);
  }
  db.exec(fmt::format("PRAGMA application_id = {}", application_id));
  db.exec(fmt::format("PRAGMA user_version = {}", schema_version));
  transaction.commit();
}

} // namespace orgaudit::history
