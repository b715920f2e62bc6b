#include <chrono>
#include <optional>
#include <thread>

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <orgaudit/core/error.hpp>
#include <orgaudit/history/blob.hpp>
#include <orgaudit/history/schema.hpp>
#include <orgaudit/history/store.hpp>

#include "history_fixture.hpp"

using namespace orgaudit;

namespace {

// The first version of the history schema exactly as orgaudit 0.1 wrote it;
// kept here, frozen, so that migrating such a file stays tested.
constexpr const char* schema_version_1 = R"sql(
CREATE TABLE rulesets(id INTEGER PRIMARY KEY, ruleset TEXT NOT NULL, version TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE, title_zh TEXT NOT NULL, title_en TEXT NOT NULL);
CREATE TABLE grades(ruleset INTEGER NOT NULL REFERENCES rulesets(id), position INTEGER NOT NULL,
  code TEXT NOT NULL, label_zh TEXT NOT NULL, label_en TEXT NOT NULL, min REAL NOT NULL,
  PRIMARY KEY (ruleset, position)) WITHOUT ROWID;
CREATE TABLE dimensions(ruleset INTEGER NOT NULL REFERENCES rulesets(id),
  position INTEGER NOT NULL, code TEXT NOT NULL, label_zh TEXT NOT NULL, label_en TEXT NOT NULL,
  weight REAL NOT NULL, PRIMARY KEY (ruleset, position)) WITHOUT ROWID;
CREATE TABLE rules(ruleset INTEGER NOT NULL REFERENCES rulesets(id), position INTEGER NOT NULL,
  kind INTEGER NOT NULL, code TEXT NOT NULL, parent INTEGER NOT NULL, severity INTEGER NOT NULL,
  points REAL NOT NULL, label_zh TEXT NOT NULL, label_en TEXT NOT NULL,
  PRIMARY KEY (ruleset, position)) WITHOUT ROWID;
CREATE TABLE organizations(id INTEGER PRIMARY KEY, uscc TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
CREATE TABLE runs(id INTEGER PRIMARY KEY, command TEXT NOT NULL, started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL, as_of TEXT NOT NULL, tool_version TEXT NOT NULL,
  ruleset INTEGER NOT NULL REFERENCES rulesets(id), dataset_path TEXT NOT NULL,
  dataset_sha256 TEXT NOT NULL, options TEXT NOT NULL, organizations INTEGER NOT NULL,
  mean_total INTEGER NOT NULL, vetoed INTEGER NOT NULL, flagged INTEGER NOT NULL);
CREATE TABLE results(run INTEGER NOT NULL REFERENCES runs(id),
  org INTEGER NOT NULL REFERENCES organizations(id), total INTEGER NOT NULL,
  total_without_waivers INTEGER NOT NULL, coverage INTEGER NOT NULL, grade INTEGER NOT NULL,
  grade_without_waivers INTEGER NOT NULL, vetoed INTEGER NOT NULL, dimensions BLOB NOT NULL,
  outcomes BLOB NOT NULL, partial_earned BLOB NOT NULL, PRIMARY KEY (run, org)) WITHOUT ROWID;
PRAGMA application_id = 1330792257;
PRAGMA user_version = 1;
)sql";

// Writes `run` into a schema-1 database the way orgaudit 0.1 did.
void write_version_1(const std::string& path, const history::Run& run)
{
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec(schema_version_1);
  const history::RuleSetInfo& set = *run.info.ruleset;
  SQLite::Statement ruleset(db, "INSERT INTO rulesets VALUES (1, ?, ?, ?, ?, ?)");
  ruleset.bind(1, set.id);
  ruleset.bind(2, set.version);
  ruleset.bind(3, set.sha256);
  ruleset.bind(4, set.title.zh);
  ruleset.bind(5, set.title.en);
  ruleset.exec();
  auto insert_named = [&db](const char* table, std::size_t position, const std::string& code,
                            const rules::Label& label, double number) {
    SQLite::Statement insert(db, fmt::format("INSERT INTO {} VALUES (1, ?, ?, ?, ?, ?)", table));
    insert.bind(1, static_cast<int>(position));
    insert.bind(2, code);
    insert.bind(3, label.zh);
    insert.bind(4, label.en);
    insert.bind(5, number);
    insert.exec();
  };
  for (std::size_t g = 0; g < set.grades.size(); ++g) {
    insert_named("grades", g, set.grades[g].id, set.grades[g].label, set.grades[g].min);
  }
  for (std::size_t d = 0; d < set.dimensions.size(); ++d) {
    const history::DimensionInfo& dimension = set.dimensions[d];
    insert_named("dimensions", d, dimension.id, dimension.label, dimension.weight);
  }
  for (std::size_t r = 0; r < set.rules.size(); ++r) {
    const history::RuleInfo& rule = set.rules[r];
    SQLite::Statement insert(db, "INSERT INTO rules VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, static_cast<int>(r));
    insert.bind(2, static_cast<int>(rule.kind));
    insert.bind(3, rule.id);
    insert.bind(4, static_cast<int>(rule.parent));
    insert.bind(5, static_cast<int>(rule.severity));
    insert.bind(6, rule.points);
    insert.bind(7, rule.label.zh);
    insert.bind(8, rule.label.en);
    insert.exec();
  }
  db.exec("INSERT INTO runs VALUES (1, 'score', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', "
          "'2026-06-30', '0.1.0', 1, 'data', 'sha', '{}', 9, 7000, 1, 2)");
  for (std::size_t o = 0; o < run.organizations.size(); ++o) {
    const history::OrgOutcome& org = run.organizations[o];
    SQLite::Statement insert_org(db, "INSERT INTO organizations VALUES (?, ?, ?)");
    insert_org.bind(1, static_cast<int>(o + 1));
    insert_org.bind(2, org.uscc);
    insert_org.bind(3, org.name);
    insert_org.exec();
    SQLite::Statement result(db, "INSERT INTO results VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const std::string dimensions = history::blob::pack(org.dimensions);
    const std::string earned = history::blob::pack(org.partial_earned);
    result.bind(1, static_cast<int>(o + 1));
    result.bind(2, org.total);
    result.bind(3, org.total_without_waivers);
    result.bind(4, org.coverage);
    result.bind(5, org.grade);
    result.bind(6, org.grade_without_waivers);
    result.bind(7, org.vetoed ? 1 : 0);
    result.bind(8, dimensions.data(), static_cast<int>(dimensions.size()));
    result.bind(9, org.outcomes.data(), static_cast<int>(org.outcomes.size()));
    result.bind(10, earned.data(), static_cast<int>(earned.size()));
    result.exec();
  }
}

void check_same_organizations(const history::Run& a, const history::Run& b)
{
  REQUIRE(a.organizations.size() == b.organizations.size());
  for (std::size_t o = 0; o < a.organizations.size(); ++o) {
    const history::OrgOutcome& x = a.organizations[o];
    const history::OrgOutcome& y = b.organizations[o];
    CHECK(x.uscc == y.uscc);
    CHECK(x.name == y.name);
    CHECK(x.total == y.total);
    CHECK(x.total_without_waivers == y.total_without_waivers);
    CHECK(x.coverage == y.coverage);
    CHECK(x.grade == y.grade);
    CHECK(x.grade_without_waivers == y.grade_without_waivers);
    CHECK(x.vetoed == y.vetoed);
    CHECK(x.dimensions == y.dimensions);
    CHECK(x.outcomes == y.outcomes);
    CHECK(x.partial_earned == y.partial_earned);
  }
}

} // namespace

TEST_CASE("a recorded run loads back as it was stored")
{
  const test::ReportFixture fixture = test::make_report_fixture();
  const history::Run run = test::fixture_run(fixture);
  history::Store store(":memory:");
  const std::int64_t id = store.record(run);
  CHECK(id == 1);
  const auto loaded = store.load(id);
  REQUIRE(loaded);
  check_same_organizations(run, *loaded);
  CHECK(loaded->info.command == "score");
  CHECK(format_date(loaded->info.as_of) == "2026-06-30");
  CHECK(loaded->info.finished_at == "2026-12-06T03:04:06Z");
  CHECK(loaded->info.organizations == 9);
  CHECK(loaded->info.mean_total == 7019); // the summary's 70.19
  CHECK(loaded->info.vetoed == 1);
  CHECK(loaded->info.flagged == 2);
  const history::RuleSetInfo& set = *loaded->info.ruleset;
  CHECK(set.id == "fixture-integrity");
  CHECK(set.grades.size() == 4);
  CHECK(set.dimensions.size() == 2);
  // 4 indicators, a veto, a deduction, a bonus, a flag and its 2 criteria.
  REQUIRE(set.rules.size() == 10);
  CHECK(set.rules[4].id == "VETO-01");
  CHECK(set.rules[8].kind == history::RuleKind::criterion);
  CHECK(set.rules[0].fingerprint == run.info.ruleset->rules[0].fingerprint);
  CHECK(set.rules[0].fingerprint.size() == 64);
  CHECK_FALSE(store.load(2));
}

TEST_CASE("runs are listed oldest first and an organization's trajectory follows it")
{
  const test::ReportFixture fixture = test::make_report_fixture();
  history::Store store(":memory:");
  store.record(test::fixture_run(fixture, "2026-06-30"));
  store.record(test::fixture_run(fixture, "2027-06-30"));
  const auto runs = store.runs();
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].id == 1);
  CHECK(format_date(runs[1].as_of) == "2027-06-30");
  const auto points = store.trajectory("51330502MJA000002B");
  REQUIRE(points.size() == 2);
  CHECK(points[0].run.id == 1);
  CHECK(points[1].run.id == 2);
  CHECK(points[1].organization.uscc == "51330502MJA000002B");
  CHECK(points[1].organization.total == 4050);
  CHECK(store.trajectory("51330502MJA000099X").empty());
}

TEST_CASE("a rule set is stored once and organizations keep their latest name")
{
  const test::ReportFixture fixture = test::make_report_fixture();
  const test::TemporaryDatabase file;
  history::Run run = test::fixture_run(fixture);
  {
    history::Store store(file.path());
    store.record(run);
    run.organizations[0].name = "湖州市新名称协会";
    store.record(run);
  }
  SQLite::Database db(file.path());
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db.execAndGet("SELECT count(*) FROM rulesets").getInt() == 1);
  CHECK(db.execAndGet("SELECT count(*) FROM organizations").getInt() == 9);
  CHECK(db.execAndGet("SELECT count(*) FROM results").getInt() == 18);
  CHECK(db.execAndGet("SELECT name FROM organizations WHERE uscc = '51330500MJA000001A'")
            .getString() == "湖州市新名称协会");
}

TEST_CASE("a run that mixes known and new organizations keeps each one's identity")
{
  const test::ReportFixture fixture = test::make_report_fixture();
  const history::Run full = test::fixture_run(fixture, "2027-06-30");
  // The first run holds every other organization, so that the second one's
  // new organizations fall between known ones in USCC order.
  history::Run first = test::fixture_run(fixture);
  std::vector<history::OrgOutcome> kept;
  for (std::size_t o = 0; o < first.organizations.size(); o += 2) {
    kept.push_back(first.organizations[o]);
  }
  first.organizations = kept;
  history::Run second = full;
  second.organizations[2].name = "湖州市改名后协会";
  history::Store store(":memory:");
  store.record(first);
  const std::int64_t id = store.record(second);
  const auto loaded = store.load(id);
  REQUIRE(loaded);
  check_same_organizations(second, *loaded);
  for (std::size_t o = 0; o < full.organizations.size(); ++o) {
    const auto points = store.trajectory(full.organizations[o].uscc);
    CAPTURE(o);
    REQUIRE(points.size() == (o % 2 == 0 ? 2U : 1U));
    CHECK(points.back().run.id == id);
    CHECK(points.back().organization.name == second.organizations[o].name);
  }
}

TEST_CASE("a database written by schema version 1 is migrated and stays readable")
{
  const test::ReportFixture fixture = test::make_report_fixture();
  const history::Run run = test::fixture_run(fixture);
  const test::TemporaryDatabase file;
  write_version_1(file.path(), run);
  history::Store store(file.path());
  const auto old_run = store.load(1);
  REQUIRE(old_run);
  check_same_organizations(run, *old_run);
  CHECK(old_run->info.dataset_path == "data");
  // Schema 1 had no fingerprints: rules loaded from it have none ...
  CHECK(old_run->info.ruleset->rules[0].fingerprint.empty());
  // ... until a run with the same rule set is recorded.
  CHECK(store.record(run) == 2);
  const auto new_run = store.load(2);
  CHECK(new_run->info.ruleset->rules[0].fingerprint == run.info.ruleset->rules[0].fingerprint);
  SQLite::Database db(file.path());
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == history::schema_version);
  CHECK(db.execAndGet("SELECT count(*) FROM rules WHERE fingerprint IS NULL").getInt() == 0);
}

TEST_CASE("databases that are not orgaudit's, or are newer, are refused")
{
  const test::TemporaryDatabase file;
  {
    SQLite::Database db(file.path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE organizations(uscc TEXT)");
  }
  REQUIRE_THROWS_WITH_AS(history::Store(file.path()),
                         (file.path() + ": not an orgaudit history database (give --db a new file "
                                        "or one that orgaudit recorded runs in)")
                             .c_str(),
                         IoError);
  const test::TemporaryDatabase newer;
  {
    history::Store store(newer.path());
  }
  {
    SQLite::Database db(newer.path(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  REQUIRE_THROWS_WITH_AS(history::Store(newer.path()),
                         (newer.path() + ": written by a newer orgaudit (history schema 99; this "
                                         "one reads up to 2); upgrade orgaudit")
                             .c_str(),
                         IoError);
}

TEST_CASE("a writer that cannot get the lock in time fails with a clear message")
{
  const test::ReportFixture fixture = test::make_report_fixture();
  const test::TemporaryDatabase file;
  history::StoreOptions options;
  options.busy_timeout_ms = 100;
  history::Store store(file.path(), options);
  SQLite::Database other(file.path(), SQLite::OPEN_READWRITE);
  other.exec("BEGIN IMMEDIATE");
  REQUIRE_THROWS_WITH_AS(store.record(test::fixture_run(fixture)),
                         (file.path() + ": cannot record the run: another orgaudit has been "
                                        "writing to this history database for more than 0.1 s "
                                        "(--db-timeout); nothing was recorded by this run")
                             .c_str(),
                         IoError);
  other.exec("ROLLBACK");
  CHECK(store.record(test::fixture_run(fixture)) == 1);
  CHECK(store.runs().size() == 1);
}

TEST_CASE("opening a new file waits while another process is still creating it")
{
  // The other process holds the write lock of a file that is not in WAL mode
  // yet (it is creating it); switching to WAL must wait for it, not fail at
  // once, and the wait ends when the lock is released.
  const test::TemporaryDatabase file;
  SQLite::Database other(file.path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  other.exec("BEGIN IMMEDIATE");
  other.exec("CREATE TABLE creating(x)");
  std::thread release([&other] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    other.exec("ROLLBACK");
  });
  history::StoreOptions options;
  options.busy_timeout_ms = 20000;
  std::optional<history::Store> store;
  CHECK_NOTHROW(store.emplace(file.path(), options));
  release.join();
  REQUIRE(store);
  CHECK(store->runs().empty());
}
