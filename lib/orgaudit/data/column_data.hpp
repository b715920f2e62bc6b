#pragma once

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>
#include <vector>

#include <orgaudit/core/big_vector.hpp>
#include <orgaudit/core/date.hpp>
#include <orgaudit/schema/schema.hpp>

namespace orgaudit::data {

// What the accessors return for a null cell (an empty cell is null, SPEC §2):
// the smallest int64, the smallest int32 for dates, 0xFF for bool and enum
// codes, NaN for numbers and money, and the empty string.
inline constexpr std::int64_t null_int = std::numeric_limits<std::int64_t>::min();
inline constexpr std::int32_t null_date = std::numeric_limits<std::int32_t>::min();
inline constexpr std::uint8_t null_code = 0xFF;
inline const double null_number = std::numeric_limits<double>::quiet_NaN();

// A stretch of rows [begin, end) of a column, for gathering rows in a new order.
struct RowRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// One typed column of a table, stored compactly: a national dataset has tens
// of millions of rows. Integers, dates and money take four bytes a cell
// (money as a whole number of cents; the rare value that does not fit is kept
// apart, exactly), booleans and enum codes one (bool: 0 false, 1 true; enum:
// the index into the schema column's values), text lives in one arena with an
// offset per cell — or, for a column whose rows come in runs of one value (a
// child table's key, grouped by organization), an offset per run.
class ColumnData {
 public:
  schema::ColumnType type = schema::ColumnType::string;
  bool present = false; // false: the input had no such column, every cell is null

  // Stores this (still empty) text column as runs of equal values.
  void use_runs();
  bool uses_runs() const { return m_runs; }

  bool is_null(std::size_t row) const;
  std::int64_t int_at(std::size_t row) const
  {
    const std::int32_t v = m_narrow[row];
    return v > wide_marker ? v : v == null_narrow ? null_int : wide_at(row);
  }
  double number_at(std::size_t row) const
  {
    const std::int32_t v = m_narrow[row];
    return v > wide_marker    ? v / 100.0
           : v == null_narrow ? null_number
                              : std::bit_cast<double>(wide_at(row));
  }
  Date date_at(std::size_t row) const { return Date{m_narrow[row]}; }
  std::uint8_t code_at(std::size_t row) const { return m_codes[row]; }
  bool bool_at(std::size_t row) const { return m_codes[row] == 1; }
  std::string_view string_at(std::size_t row) const
  {
    const std::size_t i = m_runs ? run_of(row) : row;
    return {m_arena.data() + m_offsets[i], m_offsets[i + 1] - m_offsets[i]};
  }

  // Appends one cell; `push_null` appends the type's null.
  void push_null();
  void push_int(std::int64_t value);
  void push_number(double value);
  void push_date(Date value) { m_narrow.push_back(value.days); }
  void push_code(std::uint8_t value) { m_codes.push_back(value); }
  void push_string(std::string_view value);

  // Number of cells.
  std::size_t size() const;
  // Bytes of text held.
  std::size_t text_bytes() const { return m_arena.size(); }
  // Allocates room for `rows` cells (and `text_bytes` of text).
  void reserve(std::size_t rows, std::size_t text_bytes = 0);
  // Removes every cell, keeping the memory for the next fill.
  void clear();

  // Appends the cells of `other` (a column of the same type) after these.
  void append(const ColumnData& other);
  // Replaces the cells by those of `source` in `ranges`, in that order.
  void gather(const ColumnData& source, std::span<const RowRange> ranges);

  // The runs of a column stored as runs: for each, its first row and value.
  std::size_t run_count() const { return m_run_rows.size(); }
  std::uint32_t run_row(std::size_t run) const { return m_run_rows[run]; }
  std::string_view run_value(std::size_t run) const
  {
    return {m_arena.data() + m_offsets[run], m_offsets[run + 1] - m_offsets[run]};
  }

 private:
  static constexpr std::int32_t null_narrow = std::numeric_limits<std::int32_t>::min();
  static constexpr std::int32_t wide_marker = null_narrow + 1; // the value is in m_wide
  struct Wide {
    std::uint32_t row;
    std::int64_t bits; // an integer, or a double's bits
  };

  std::int64_t wide_at(std::size_t row) const;
  std::size_t run_of(std::size_t row) const;
  void push_wide(std::int64_t bits);
  void append_text(std::string_view value);

  bool m_runs = false;
  BigVector<std::int32_t> m_narrow;         // integer, number, money (cents), date (days)
  BigVector<std::uint8_t> m_codes;          // boolean, enumeration
  std::vector<Wide> m_wide;                 // by row: values m_narrow cannot hold
  BigVector<std::uint32_t> m_offsets{1, 0}; // text: into m_arena, per row or per run
  BigVector<char> m_arena;
  BigVector<std::uint32_t> m_run_rows; // runs: the first row of each
  std::size_t m_rows = 0;              // runs: the number of rows
};

// The physical line (1-based) on which each row of a table starts, kept as
// runs of consecutive lines: most rows start on the line after the previous
// one's, so a file of millions of rows needs a handful of entries.
class SourceLines {
 public:
  // Appends the line of the next row.
  void push_back(std::uint32_t line);
  std::uint32_t operator[](std::size_t row) const;
  std::size_t size() const { return m_rows; }
  bool empty() const { return m_rows == 0; }
  void clear();

  // Appends the lines of `other`, each moved down by `offset`.
  void append(const SourceLines& other, std::uint32_t offset);
  // Replaces the lines by those of `source` in `ranges`, in that order.
  void gather(const SourceLines& source, std::span<const RowRange> ranges);
  // Every row's line, in order.
  std::vector<std::uint32_t> to_vector() const;

 private:
  std::size_t run_of(std::size_t row) const;

  std::vector<std::uint32_t> m_run_rows;  // the first row of each run
  std::vector<std::uint32_t> m_run_lines; // its line
  std::size_t m_rows = 0;
};

} // namespace orgaudit::data
