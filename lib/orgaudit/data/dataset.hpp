#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/data/column_data.hpp>
#include <orgaudit/data/fingerprint.hpp>
#include <orgaudit/schema/schema.hpp>

namespace orgaudit::data {

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
  std::vector<ColumnData> columns;      // aligned with table->columns
  SourceLines source_lines;             // physical line (1-based) where each row starts
  std::vector<std::uint32_t> org_begin; // child tables only: size organizations + 1
};

// The canonical text of a cell that can name a group or a key — a string,
// USCC, integer or enum cell ("" when null or its column absent) — or nullopt
// for a cell of another type (numbers, money, booleans and dates are
// formatted by the reports).
std::optional<std::string> key_text(const TableData& table, std::size_t column, std::size_t row);

// A row that --lenient left out of the dataset: where it was, the
// organization it belongs to when that is known, and why.
struct SkippedRow {
  std::size_t table = 0; // index into the schema's tables
  std::string file;      // as diagnostics name it
  std::uint32_t line = 0;
  std::string uscc;   // the organization's code, "" when not known
  std::string name;   // the organization's name, "" when not known
  std::string reason; // the row's errors, in the load's language
};

// A loaded, validated dataset: every table of the schema (a table the input
// lacks has no rows and is marked absent), typed and columnar.
class Dataset {
 public:
  std::shared_ptr<const schema::Schema> schema;
  std::string path; // what the user passed to --data
  // The input files, for the digest; null for data that came from no file.
  std::shared_ptr<const InputFingerprint> fingerprint;
  std::vector<TableData> tables; // aligned with schema->tables; tables[0] is organizations
  // The rows --lenient skipped (each also a warning), in table order, then by line.
  std::vector<SkippedRow> skipped_rows;

  // The hex SHA-256 over the input files (name, size and SHA-256 of each), in
  // table order; worked out on first use (InputFingerprint). Throws IoError if
  // a file changed since it was loaded.
  const std::string& sha256() const;

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
