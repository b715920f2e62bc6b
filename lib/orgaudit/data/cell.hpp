#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <orgaudit/core/text.hpp>

namespace orgaudit::data {

// One input cell as a reader delivers it, before typing: CSV gives text, JSONL
// and SQLite may give native numbers and booleans. A real may carry its
// spelling in the input as `text` (JSONL), which messages quote. Text views
// point into the reader's buffer and live only until the reader moves on.
struct Cell {
  enum class Kind : std::uint8_t { null, text, integer, real, boolean };

  Kind kind = Kind::null;
  std::string_view text;
  std::int64_t integer = 0;
  double real = 0;
  bool boolean = false;

  static Cell of_text(std::string_view value) { return {Kind::text, value, 0, 0, false}; }
  static Cell of_integer(std::int64_t value) { return {Kind::integer, {}, value, 0, false}; }
  static Cell of_real(double value, std::string_view spelling = {})
  {
    return {Kind::real, spelling, 0, value, false};
  }
  static Cell of_boolean(bool value) { return {Kind::boolean, {}, 0, 0, value}; }

  // Null, or text that is empty once trimmed: an empty cell is null (SPEC §2).
  bool is_null() const { return kind == Kind::null || (kind == Kind::text && trim(text).empty()); }
};

// How the cell reads in a message: text in double quotes, native values bare
// (a real as spelled in the input when it was).
std::string describe_cell(const Cell& cell);

// A whole number with an optional sign (surrounding spaces ignored), or nullopt.
std::optional<std::int64_t> parse_integer(std::string_view text);

// A finite decimal number ("12", "-3.5", "1e3"), or nullopt.
std::optional<double> parse_decimal(std::string_view text);

// true/false, 1/0, yes/no (any case) and 是/否, or nullopt.
std::optional<bool> parse_boolean(std::string_view text);

// True if `text` has the shape of a date form that parse_date knows, whatever
// its numbers, so that 2024-02-30 can be told apart from "soon".
bool looks_like_date(std::string_view text);

} // namespace orgaudit::data
