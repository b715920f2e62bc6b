#include <orgaudit/data/sqlite_writer.hpp>

#include <cerrno>
#include <cstring>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <orgaudit/core/error.hpp>
#include <orgaudit/core/file.hpp>
#include <orgaudit/core/interrupt.hpp>
#include <orgaudit/data/sql_identifier.hpp>

namespace orgaudit::data {

using schema::ColumnType;

namespace {

std::string_view sql_type(ColumnType type)
{
  switch (type) {
  case ColumnType::integer:
  case ColumnType::boolean:
    return "INTEGER";
  case ColumnType::number:
  case ColumnType::money:
    return "REAL";
  default:
    return "TEXT";
  }
}

// Removes the temporary database (and any journal) unless released.
class TemporaryPath {
 public:
  explicit TemporaryPath(std::filesystem::path path) : m_path(std::move(path)) {}
  ~TemporaryPath()
  {
    if (!m_released) {
      std::error_code ec;
      std::filesystem::remove(m_path, ec);
      std::filesystem::remove(m_path.string() + "-journal", ec);
    }
  }
  TemporaryPath(const TemporaryPath&) = delete;
  TemporaryPath& operator=(const TemporaryPath&) = delete;
  void release() { m_released = true; }
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
  bool m_released = false;
};

std::filesystem::path make_temporary(const std::filesystem::path& target)
{
  std::filesystem::path dir = target.parent_path();
  if (dir.empty()) {
    dir = ".";
  }
  std::string name = ".";
  name += target.filename().string();
  name += ".tmp-XXXXXX";
  std::string pattern = (dir / name).string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    throw IoError(fmt::format("{}: cannot create: {}", target.string(), std::strerror(errno)));
  }
  // mkstemp creates 0600; the database is an output like any other.
  ::fchmod(fd, static_cast<mode_t>(default_file_mode()));
  ::close(fd);
  return pattern;
}

// Binds one cell; text goes through `text`, because SQLiteCpp binds a pointer
// with a length as a BLOB, and the arena's strings are not NUL-terminated.
void bind_cell(SQLite::Statement& insert, int index, const schema::Column& schema_column,
               const ColumnData& column, std::size_t row, std::string& text)
{
  if (column.is_null(row)) {
    insert.bind(index);
    return;
  }
  switch (column.type) {
  case ColumnType::integer:
    insert.bind(index, static_cast<std::int64_t>(column.int_at(row)));
    break;
  case ColumnType::number:
  case ColumnType::money:
    insert.bind(index, column.number_at(row));
    break;
  case ColumnType::boolean:
    insert.bind(index, static_cast<std::int32_t>(column.code_at(row)));
    break;
  case ColumnType::date:
    insert.bind(index, format_date(column.date_at(row)));
    break;
  case ColumnType::enumeration:
    insert.bindNoCopy(index, schema_column.values[column.code_at(row)].name);
    break;
  case ColumnType::string:
  case ColumnType::uscc:
    text.assign(column.string_at(row));
    insert.bind(index, text);
    break;
  }
}

void write_table(SQLite::Database& db, const TableData& data)
{
  const schema::Table& table = *data.table;
  // A table given without a header gets every column; otherwise the input's columns.
  bool any_present = false;
  for (const ColumnData& column : data.columns) {
    any_present = any_present || column.present;
  }
  std::vector<std::size_t> columns;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (data.columns[c].present || !any_present) {
      columns.push_back(c);
    }
  }
  std::string create = "CREATE TABLE " + quote_identifier(table.name) + " (";
  std::string insert_sql = "INSERT INTO " + quote_identifier(table.name) + " VALUES (";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const schema::Column& column = table.columns[columns[i]];
    create += fmt::format("{}{} {}", i == 0 ? "" : ", ", quote_identifier(column.name),
                          sql_type(column.type));
    insert_sql += i == 0 ? "?" : ", ?";
  }
  db.exec(create + ")");
  SQLite::Statement insert(db, insert_sql + ")");
  std::string text;
  for (std::size_t row = 0; row < data.rows; ++row) {
    // Interrupted, the transaction rolls back and the temporary file goes.
    if ((row & 0xFFF) == 0) {
      check_interrupted();
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
      bind_cell(insert, static_cast<int>(i + 1), table.columns[columns[i]],
                data.columns[columns[i]], row, text);
    }
    insert.exec();
    insert.reset();
  }
}

} // namespace

void write_sqlite(const Dataset& dataset, const std::filesystem::path& target)
{
  TemporaryPath temporary(make_temporary(target));
  try {
    {
      SQLite::Database db(temporary.path().string(), SQLite::OPEN_READWRITE);
      SQLite::Transaction transaction(db);
      // An absent table stays absent, so that the .db reads back as unknown, not empty.
      for (const TableData& table : dataset.tables) {
        if (!table.absent) {
          write_table(db, table);
        }
      }
      transaction.commit();
    }
    std::error_code ec;
    std::filesystem::rename(temporary.path(), target, ec);
    if (ec) {
      throw IoError(fmt::format("{}: cannot write: {}", target.string(), ec.message()));
    }
    temporary.release();
  } catch (const SQLite::Exception& e) {
    throw IoError(fmt::format("{}: cannot write SQLite database: {}", target.string(), e.what()));
  }
}

} // namespace orgaudit::data
