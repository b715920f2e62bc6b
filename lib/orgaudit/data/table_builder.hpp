#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/data/cell.hpp>
#include <orgaudit/data/dataset.hpp>
#include <orgaudit/data/enum_lookup.hpp>
#include <orgaudit/data/options.hpp>

namespace orgaudit::data {

class TableBuilder;

// Rows typed apart from their table (one piece of a file read on its own
// thread), with their problems, lines counted from the piece's first line.
struct TypedRows {
  TableData data;
  Diagnostics diagnostics;
  std::vector<SkippedRow> skipped; // rows --lenient skipped
};

// Types and checks records into TypedRows: the type of every cell, enum
// values, USCCs, dates, ranges and the checks within one row. A row with
// errors is kept (so later checks still see it) unless lenient, which skips it
// with a warning per problem. Each thread reading a piece of a file has one.
class RowTyper {
 public:
  RowTyper(const TableBuilder& table, TypedRows& out);

  // Types one record, aligned with the header.
  void add_row(std::span<const Cell> cells, std::uint32_t line);
  // The same for a record of text fields (CSV), without making Cells.
  void add_row(std::span<const std::string_view> fields, std::uint32_t line);

  // Reports a record the reader itself found malformed (e.g. text after a
  // closing quote): an error, or with lenient a warning and a skipped row.
  void reject_row(std::uint32_t line, std::size_t column, std::string message);

  // The file the rows come from, as diagnostics name it.
  const std::string& source() const;
  // The language of the messages about the rows.
  Lang lang() const;

  // Whether the text being read may hold NUL bytes; when not, cells are not
  // searched for them.
  void set_may_hold_nul(bool may) { m_may_hold_nul = may; }

 private:
  struct Value {
    bool null = true;   // no usable value: an empty cell or one with an error
    bool given = false; // the cell was not empty
    std::int64_t integer = 0;
    double number = 0;
    std::int32_t date = 0;
    std::uint8_t code = 0;
    std::string_view text; // into the record, or into `owned`
    std::string owned;     // the text of a JSONL value that was not a string
  };
  struct Problem {
    std::size_t column;
    Severity severity;
    std::string message;
  };

  template <typename TypeField> void add(std::size_t count, std::uint32_t line, TypeField&& type);
  void type_cell(std::size_t column, const Cell& cell, Value& value);
  void type_field(std::size_t column, std::string_view text, Value& value);
  void type_text(std::size_t column, std::string_view text, Value& value);
  void type_date(std::size_t column, std::string_view text, std::string_view trimmed, Value& value);
  void type_enum(std::size_t column, std::string_view text, std::string_view trimmed, Value& value);
  void check_row();
  void check_uscc_against_row();
  void check_closing();
  void skip_row(std::uint32_t line, std::string reason);
  std::string expected_values(const schema::Column& column) const;
  void problem(std::size_t column, std::string message);
  void warn(std::size_t column, std::string message);
  void push_row(std::uint32_t line);

  const TableBuilder& m_table;
  TypedRows& m_out;
  bool m_may_hold_nul = true;
  std::vector<Value> m_values;
  std::vector<Problem> m_problems;
  std::string m_last_valid_uscc; // the last code that passed uscc_problem
};

// Turns one input file's records into a typed table: maps its header, then
// takes rows typed by RowTypers (its own for readers that go row by row; one
// per piece when a file is read in pieces on several threads) and puts them
// together in file order. Every reader (CSV, JSONL, SQLite, in-memory test
// records) feeds one of these, so all inputs are validated alike.
class TableBuilder {
 public:
  TableBuilder(const schema::Schema& schema, std::size_t table_index, std::string source,
               const LoadOptions& options, Diagnostics& diagnostics);
  TableBuilder(const TableBuilder&) = delete;
  TableBuilder& operator=(const TableBuilder&) = delete;

  // Maps header names (canonical or alias) to columns. Unknown columns are a
  // warning each, the first named_unknown_columns of them, and one warning
  // counts the rest; duplicates, missing required columns and a header over
  // max_columns are errors, after which the table takes no rows. Returns
  // false in that case.
  bool set_header(std::span<const std::string_view> names, std::uint32_t line);
  // Whether set_header succeeded: rows can be added.
  bool usable() const { return m_usable; }

  // Types and checks one record with the builder's own RowTyper.
  void add_row(std::span<const Cell> cells, std::uint32_t line);
  void reject_row(std::uint32_t line, std::size_t column, std::string message);

  // Empties `rows` (keeping its memory) and shapes it for this table's rows.
  void prepare(TypedRows& rows) const;
  // Appends rows typed apart, in file order: their lines and diagnostics move
  // down by `line_offset`. Leaves `rows` empty.
  void append(TypedRows& rows, std::uint32_t line_offset);
  // Makes room for `factor` times the rows and text of `sample`.
  void reserve_like(const TypedRows& sample, double factor);

  // The rows, in input order; columns the header lacked are present = false
  // and null in every row. Call once.
  TableData finish();

  // The 1-based header position of schema column `column`, or 0 if absent.
  std::size_t position_of(std::size_t column) const { return m_position[column]; }
  const std::string& source() const { return m_source; }
  // Schema column `column` as the messages name it: the header the file wrote
  // for it, then the canonical name when they differ ("登记日期 (registered_on)").
  const std::string& column_name(std::size_t column) const { return m_names[column]; }
  // The rows lenient skipped, in file order (`table` not set); those with a
  // valid key let their child rows say why they are dropped too.
  const std::vector<SkippedRow>& skipped_rows() const { return m_skipped; }

 private:
  friend class RowTyper;

  const schema::Table& m_table;
  std::string m_source;
  const LoadOptions& m_options;
  Diagnostics& m_diagnostics;
  bool m_usable = false;
  std::size_t m_header_size = 0;
  std::vector<std::optional<std::size_t>> m_column_of_field; // header position → schema column
  std::vector<std::size_t> m_position;                       // schema column → 1-based position
  std::vector<std::optional<EnumLookup>> m_enums;            // by schema column
  std::vector<std::string> m_names;                          // by schema column: column_name
  bool m_chinese_header = false; // the file names a column in Chinese: enum values listed so
  std::optional<std::size_t> m_key, m_name, m_type, m_region, m_charitable, m_total;
  std::optional<std::size_t> m_status, m_registered_on, m_closed_on, m_closed_reason;
  std::optional<std::uint8_t> m_active; // the code of status "active"
  Date m_earliest;                      // 1949-01-01: no date before it
  TableData m_data;
  std::vector<SkippedRow> m_skipped;
  TypedRows m_rows; // what add_row typed, not yet appended
  RowTyper m_typer;
};

} // namespace orgaudit::data
