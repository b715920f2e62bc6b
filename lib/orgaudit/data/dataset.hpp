#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/core/date.hpp>
#include <orgaudit/schema/schema.hpp>

namespace orgaudit::data {

// Nulls are sentinels inside each column's own vector, so a cell costs no more
// than its value: the smallest int64, the smallest int32 for dates, 0xFF for
// bool and enum codes, NaN for numbers and money, and the empty string (an
// empty cell is null, SPEC §2).
inline constexpr std::int64_t null_int = std::numeric_limits<std::int64_t>::min();
inline constexpr std::int32_t null_date = std::numeric_limits<std::int32_t>::min();
inline constexpr std::uint8_t null_code = 0xFF;
inline const double null_number = std::numeric_limits<double>::quiet_NaN();

// One typed column of a table. Exactly one of the value vectors is used, by
// `type`: integer → ints; number and money → numbers; date → dates; boolean
// and enumeration → codes (bool: 0 false, 1 true; enum: index into the schema
// column's values); string and uscc → string_offsets into `arena` (row r is
// arena[string_offsets[r], string_offsets[r + 1])).
class ColumnData {
 public:
  schema::ColumnType type = schema::ColumnType::string;
  bool present = false; // false: the input had no such column, every cell is null

  std::vector<std::int64_t> ints;
  std::vector<double> numbers;
  std::vector<std::int32_t> dates;
  std::vector<std::uint8_t> codes;
  std::vector<std::uint32_t> string_offsets{0};
  std::string arena;

  bool is_null(std::size_t row) const;
  std::int64_t int_at(std::size_t row) const { return ints[row]; }
  double number_at(std::size_t row) const { return numbers[row]; }
  Date date_at(std::size_t row) const { return Date{dates[row]}; }
  std::uint8_t code_at(std::size_t row) const { return codes[row]; }
  bool bool_at(std::size_t row) const { return codes[row] == 1; }
  std::string_view string_at(std::size_t row) const
  {
    return std::string_view(arena).substr(string_offsets[row],
                                          string_offsets[row + 1] - string_offsets[row]);
  }

  // Appends one cell; `push_null` appends the type's null.
  void push_null();
  void push_int(std::int64_t value) { ints.push_back(value); }
  void push_number(double value) { numbers.push_back(value); }
  void push_date(Date value) { dates.push_back(value.days); }
  void push_code(std::uint8_t value) { codes.push_back(value); }
  void push_string(std::string_view value);

  // Number of cells.
  std::size_t size() const;
  // Allocates room for `rows` cells.
  void reserve(std::size_t rows);
};

// One table's rows. Rows of the organizations table are sorted by USCC; rows
// of a child table are grouped by their organization (in that order) and keep
// their input order within it, so organization o's rows are
// [org_begin[o], org_begin[o + 1]).
struct TableData {
  const schema::Table* table = nullptr;
  std::string source; // the file it came from, as diagnostics name it
  // True if the input had no such table (no file, no SQLite table): it has no
  // rows and is unknown, not empty, so its lists are null in expressions
  // (SPEC §2). A table given with a header and no rows is empty, not absent.
  bool absent = false;
  std::size_t rows = 0;
  std::vector<ColumnData> columns;         // aligned with table->columns
  std::vector<std::uint32_t> source_lines; // physical line (1-based) where each row starts
  std::vector<std::uint32_t> org_begin;    // child tables only: size organizations + 1
};

// A loaded, validated dataset: every table of the schema (a table the input
// lacks has no rows and is marked absent), typed and columnar.
class Dataset {
 public:
  std::shared_ptr<const schema::Schema> schema;
  std::string path; // what the user passed to --data
  std::string
      sha256; // hex digest over the input files (name, size and SHA-256 of each), in table order
  std::vector<TableData> tables; // aligned with schema->tables; tables[0] is organizations
  std::size_t skipped_rows = 0;  // rows that --lenient skipped (each with a warning)

  const TableData& organizations() const { return tables.front(); }
  std::size_t organization_count() const { return tables.front().rows; }

  // The rows of child table `table_index` that belong to organization `org`.
  std::pair<std::uint32_t, std::uint32_t> child_rows(std::size_t table_index, std::size_t org) const
  {
    const auto& begin = tables[table_index].org_begin;
    return {begin[org], begin[org + 1]};
  }

  // The names of the tables the input had (`absent` false) or lacked (true),
  // in schema order.
  std::vector<std::string_view> table_names(bool absent) const;

  // The index of the organization with this USCC (binary search), or nullopt.
  std::optional<std::size_t> find_organization(std::string_view uscc) const;
};

} // namespace orgaudit::data
