#include <doctest/doctest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>

#include <orgaudit/core/error.hpp>
#include <orgaudit/data/loader.hpp>
#include <orgaudit/data/sqlite_writer.hpp>
#include <orgaudit/schema/loader.hpp>

#include "scratch_dir.hpp"

using namespace orgaudit;
using namespace orgaudit::data;
using orgaudit::test::ScratchDir;

namespace {

std::shared_ptr<const schema::Schema> shipped_schema()
{
  Diagnostics diagnostics;
  auto loaded = schema::load_schema(std::string(schema::builtin_schema_path), diagnostics);
  REQUIRE(loaded);
  return loaded;
}

std::shared_ptr<const Dataset> load(const std::string& path)
{
  LoadOptions options;
  options.as_of = parse_date("2026-11-27").value();
  Diagnostics diagnostics;
  auto dataset = load_dataset(path, shipped_schema(), options, diagnostics);
  INFO(diagnostics.format());
  REQUIRE(dataset);
  return dataset;
}

bool same_cell(const ColumnData& a, const ColumnData& b, std::size_t row)
{
  if (a.is_null(row) || b.is_null(row)) {
    return a.is_null(row) == b.is_null(row);
  }
  switch (a.type) {
  case schema::ColumnType::integer:
    return a.int_at(row) == b.int_at(row);
  case schema::ColumnType::number:
  case schema::ColumnType::money:
    return a.number_at(row) == b.number_at(row);
  case schema::ColumnType::date:
    return a.date_at(row) == b.date_at(row);
  case schema::ColumnType::boolean:
  case schema::ColumnType::enumeration:
    return a.code_at(row) == b.code_at(row);
  default:
    return a.string_at(row) == b.string_at(row);
  }
}

} // namespace

TEST_CASE("import then load gives the same dataset as the CSV files, column by column")
{
  const ScratchDir scratch("sqlite");
  const auto& dir = scratch.path;
  const auto db = dir / "huzhou.db";
  const auto from_csv = load(std::string(ORGAUDIT_SOURCE_DIR) + "/samples/huzhou");
  write_sqlite(*from_csv, db);
  // Only the database itself is left behind: no temporary file or journal.
  CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 1);
  const auto from_db = load(db.string());

  REQUIRE(from_db->tables.size() == from_csv->tables.size());
  for (std::size_t t = 0; t < from_csv->tables.size(); ++t) {
    const TableData& a = from_csv->tables[t];
    const TableData& b = from_db->tables[t];
    CAPTURE(a.table->name);
    REQUIRE(a.rows == b.rows);
    CHECK(a.org_begin == b.org_begin);
    CHECK(b.source == a.table->name);
    for (std::size_t c = 0; c < a.columns.size(); ++c) {
      CAPTURE(a.table->columns[c].name);
      CHECK(a.columns[c].present == b.columns[c].present);
      for (std::size_t row = 0; row < a.rows; ++row) {
        CAPTURE(row);
        REQUIRE(same_cell(a.columns[c], b.columns[c], row));
      }
    }
  }
}

TEST_CASE("a database that cannot be created throws IoError naming the target")
{
  const auto dataset = load("builtin:samples/huzhou");
  CHECK_THROWS_WITH_AS(write_sqlite(*dataset, "/nonexistent-orgaudit-dir/x.db"),
                       "/nonexistent-orgaudit-dir/x.db: cannot create: No such file or directory",
                       IoError);
}

TEST_CASE("import stores text as TEXT, so plain SQL finds a row by its uscc")
{
  const ScratchDir scratch("sqlite-text");
  const auto db_path = scratch.path / "huzhou.db";
  write_sqlite(*load("builtin:samples/huzhou"), db_path);
  {
    SQLite::Database db(db_path.string(), SQLite::OPEN_READONLY);
    SQLite::Statement query(db, "SELECT typeof(uscc), typeof(name), typeof(type), "
                                "typeof(registered_on), typeof(region) FROM organizations "
                                "WHERE uscc = '51330500MJ4049425N'");
    REQUIRE(query.executeStep());
    for (int column = 0; column < query.getColumnCount(); ++column) {
      CAPTURE(column);
      CHECK(query.getColumn(column).getString() == "text");
    }
    SQLite::Statement reports(db, "SELECT count(*) FROM annual_reports "
                                  "WHERE uscc = '51330500MJ4049425N' AND result = 'qualified'");
    REQUIRE(reports.executeStep());
    CHECK(reports.getColumn(0).getInt() > 0);
    SQLite::Statement blobs(db, "SELECT count(*) FROM organizations WHERE typeof(name) = 'blob'");
    REQUIRE(blobs.executeStep());
    CHECK(blobs.getColumn(0).getInt() == 0);
  }
}

TEST_CASE("a SQLite table with values of the wrong type is reported cell by cell, like CSV")
{
  const ScratchDir scratch("sqlite-types");
  const auto db_path = scratch.path / "export.db";
  {
    SQLite::Database db(db_path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE organizations (uscc TEXT, name TEXT, type INTEGER, region TEXT, "
            "status TEXT, registered_on INTEGER, dues_tiers TEXT)");
    db.exec("INSERT INTO organizations VALUES ('51330502MJ0000018C', '吴兴区书法家协会', 3, "
            "'330502', 'active', 20240101, 'three')");
    db.exec("INSERT INTO organizations VALUES ('52330521MJ0000026L', X'FF', "
            "'social_service_agency', '330521', 'active', '2024-01-01', 2.5)");
  }
  LoadOptions options;
  options.as_of = parse_date("2026-11-27").value();
  options.lang = Lang::en;
  Diagnostics diagnostics;
  CHECK_FALSE(load_dataset(db_path.string(), shipped_schema(), options, diagnostics));
  Diagnostics errors;
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.severity == Severity::error) {
      errors.add(d);
    }
  }
  CHECK(errors.format() ==
        "organizations:1:3: error: type \"3\": unknown value (expected social_group, "
        "social_service_agency, foundation)\n"
        "organizations:1:6: error: registered_on 20240101: expected a date\n"
        "organizations:1:7: error: dues_tiers \"three\": not an integer\n"
        "organizations:2:2: error: name: text is not valid UTF-8\n"
        "organizations:2:7: error: dues_tiers \"2.5\": not an integer\n");
}

TEST_CASE("a file that is not a database, or a damaged one, is invalid data naming the file")
{
  const ScratchDir scratch("sqlite-corrupt");
  const auto not_a_db = scratch.path / "x.db";
  std::ofstream(not_a_db, std::ios::binary) << std::string(4096, 'x');
  LoadOptions options;
  options.as_of = parse_date("2026-11-27").value();
  Diagnostics diagnostics;
  CHECK_FALSE(load_dataset(not_a_db.string(), shipped_schema(), options, diagnostics));
  CHECK(diagnostics.format() == not_a_db.string() + ": error: 不是 SQLite 数据库\n");
  options.lang = Lang::en;
  Diagnostics english;
  CHECK_FALSE(load_dataset(not_a_db.string(), shipped_schema(), options, english));
  CHECK(english.format() == not_a_db.string() + ": error: not a SQLite database\n");
}

TEST_CASE("import leaves an absent table out of the .db, so it reads back absent, not empty")
{
  const ScratchDir scratch("sqlite-absent");
  const auto dir = scratch.path / "export";
  std::filesystem::create_directories(dir);
  for (const char* table : {"organizations.csv", "annual_reports.csv"}) {
    std::filesystem::copy_file(
        std::filesystem::path(ORGAUDIT_SOURCE_DIR) / "samples/huzhou" / table, dir / table);
  }
  const auto from_csv = load(dir.string());
  const auto db_path = scratch.path / "export.db";
  write_sqlite(*from_csv, db_path);
  {
    SQLite::Database db(db_path.string(), SQLite::OPEN_READONLY);
    CHECK(db.tableExists("annual_reports"));
    CHECK_FALSE(db.tableExists("activities"));
  }
  const auto from_db = load(db_path.string());
  CHECK(from_db->table_names(true) == from_csv->table_names(true));
  CHECK(from_db->table_names(false) ==
        std::vector<std::string_view>{"organizations", "annual_reports"});
}
