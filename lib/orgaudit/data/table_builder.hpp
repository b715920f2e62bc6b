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
#include <orgaudit/data/options.hpp>

namespace orgaudit::data {

// Turns one input file's records into a typed table, checking as it goes:
// the header, the type of every cell, enum values, USCCs, dates, ranges and
// the checks within one row. Every reader (CSV, JSONL, SQLite, in-memory
// test records) feeds one of these, so all inputs are validated alike.
class TableBuilder {
 public:
  TableBuilder(const schema::Table& table, std::string source, const LoadOptions& options,
               Diagnostics& diagnostics);

  // Maps header names (canonical or alias) to columns. Unknown columns are a
  // warning; duplicates and missing required columns are errors, after which
  // the table takes no rows. Returns false in that case.
  bool set_header(std::span<const std::string_view> names, std::uint32_t line);

  // Types and checks one record, aligned with the header. A row with errors is
  // kept (so later checks still see it) unless lenient, which skips it with a
  // warning per problem.
  void add_row(std::span<const Cell> cells, std::uint32_t line);

  // Reports a record the reader itself found malformed (e.g. text after a
  // closing quote): an error, or with lenient a warning and a skipped row.
  void reject_row(std::uint32_t line, std::size_t column, std::string message);

  // The rows read so far, in input order; columns the header lacked are
  // present = false and null in every row.
  TableData finish();

  // The 1-based header position of schema column `column`, or 0 if absent.
  std::size_t position_of(std::size_t column) const { return m_position[column]; }
  const std::string& source() const { return m_source; }
  std::size_t skipped_rows() const { return m_skipped; }
  // The keys of rows skipped by lenient that had a valid key, so that their
  // child rows can say why they are dropped too.
  const std::vector<std::string>& skipped_keys() const { return m_skipped_keys; }

 private:
  struct Value {
    bool null = true;   // no usable value: an empty cell or one with an error
    bool given = false; // the cell was not empty
    std::int64_t integer = 0;
    double number = 0;
    std::int32_t date = 0;
    std::uint8_t code = 0;
    std::string text;
  };
  struct Problem {
    std::size_t column;
    Severity severity;
    std::string message;
  };

  void type_cell(std::size_t column, const Cell& cell, Value& value);
  void type_text(std::size_t column, std::string_view text, Value& value);
  void check_row();
  void check_uscc_against_row();
  void check_closing();
  void problem(std::size_t column, std::string message);
  void warn(std::size_t column, std::string message);
  void push_row(std::uint32_t line);

  const schema::Table& m_table;
  std::string m_source;
  const LoadOptions& m_options;
  Diagnostics& m_diagnostics;
  bool m_usable = false;
  std::size_t m_header_size = 0;
  std::vector<std::optional<std::size_t>> m_column_of_field; // header position → schema column
  std::vector<std::size_t> m_position;                       // schema column → 1-based position
  TableData m_data;
  std::vector<Value> m_values;
  std::vector<Problem> m_problems;
  std::size_t m_skipped = 0;
  std::vector<std::string> m_skipped_keys;
  std::optional<std::size_t> m_key, m_type, m_region, m_charitable, m_total;
  std::optional<std::size_t> m_status, m_registered_on, m_closed_on, m_closed_reason;
  std::optional<std::uint8_t> m_active; // the code of status "active"
  std::string m_last_valid_uscc;        // the last code that passed uscc_problem
};

} // namespace orgaudit::data
