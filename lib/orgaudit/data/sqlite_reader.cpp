#include <orgaudit/data/sqlite_reader.hpp>

#include <filesystem>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <orgaudit/core/error.hpp>
#include <orgaudit/core/file_reader.hpp>
#include <orgaudit/core/text.hpp>
#include <orgaudit/data/sql_identifier.hpp>
#include <orgaudit/data/wording.hpp>

namespace orgaudit::data {

namespace {

void read_table(SQLite::Database& db, const schema::Table& table, TableBuilder& builder,
                Diagnostics& diagnostics)
{
  SQLite::Statement query(db, "SELECT * FROM " + quote_identifier(table.name) + " ORDER BY rowid");
  std::vector<std::string> names;
  for (int i = 0; i < query.getColumnCount(); ++i) {
    names.emplace_back(query.getColumnName(i));
  }
  const std::vector<std::string_view> header(names.begin(), names.end());
  // Line 0 is the table itself; rows count from 1.
  if (!builder.set_header(header, 0)) {
    return;
  }
  std::vector<Cell> cells(names.size());
  std::vector<std::string> texts(names.size());
  std::uint32_t row = 0;
  while (query.executeStep()) {
    ++row;
    for (int i = 0; i < query.getColumnCount(); ++i) {
      const SQLite::Column column = query.getColumn(i);
      const auto index = static_cast<std::size_t>(i);
      if (column.isNull()) {
        cells[index] = Cell{};
      } else if (column.isInteger()) {
        cells[index] = Cell::of_integer(column.getInt64());
      } else if (column.isFloat()) {
        cells[index] = Cell::of_real(column.getDouble());
      } else {
        texts[index].assign(static_cast<const char*>(column.getBlob()),
                            static_cast<std::size_t>(column.getBytes()));
        cells[index] = Cell::of_text(texts[index]);
        if (!is_valid_utf8(texts[index])) {
          diagnostics.error(builder.source(), row, index + 1,
                            fmt::format("{}: text is not valid UTF-8", names[index]));
          cells[index] = Cell{};
        }
      }
    }
    builder.add_row(cells, row);
  }
}

} // namespace

void read_sqlite(const std::string& path, const schema::Schema& schema, DatasetBuilder& builder,
                 Diagnostics& diagnostics)
{
  try {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    db.exec("PRAGMA query_only = 1");
    // The digest covers the database file's name and bytes.
    builder.add_input(std::filesystem::path(path).filename().string(), path,
                      FileReader(path).identity());
    for (std::size_t t = 0; t < schema.tables.size(); ++t) {
      const schema::Table& table = schema.tables[t];
      if (!db.tableExists(table.name)) {
        builder.report_absent(t, path, table.name,
                              say(Wording::sqlite_table, builder.lang(), table.name));
        continue;
      }
      read_table(db, table, builder.begin_table(t, table.name), diagnostics);
    }
  } catch (const SQLite::Exception& e) {
    // A file that is not a database, or a damaged one, is bad input (exit 4);
    // anything else (permissions, locks, a failing disk) is I/O (exit 5).
    switch (e.getErrorCode()) {
    case SQLITE_NOTADB:
      diagnostics.error(path, 0, 0, say(Wording::not_sqlite, builder.lang()));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
      diagnostics.error(path, 0, 0, say(Wording::damaged_sqlite, builder.lang(), e.what()));
      break;
    default:
      throw IoError(fmt::format("{}: cannot read SQLite database: {}", path, e.what()));
    }
  }
}

} // namespace orgaudit::data
