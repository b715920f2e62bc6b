#pragma once

#include <cstdint>
#include <string_view>

namespace orgaudit::expr {

// A run-time value: 24 bytes, never owning. Strings point into the dataset,
// the program's constants or the evaluator's string arena; lists are either a
// child table's rows of one organization or a slice of the evaluator's scratch.
struct Value {
  enum class Tag : std::uint8_t {
    null,
    boolean,
    integer,
    real,
    string,
    date,
    enumeration,
    row,
    rows,
    list
  };

  Tag tag = Tag::null;
  std::uint8_t code = 0;   // boolean: 0/1; enumeration: the code
  std::uint32_t table = 0; // row, rows
  union {
    std::int64_t integer;
    double real;
    std::int32_t date;
    const char* text;
  } u{0};
  std::uint32_t begin = 0; // row: the row; rows: first row; list: first scratch slot
  std::uint32_t end = 0;   // rows, list: one past the last; string: the length

  bool is_null() const { return tag == Tag::null; }
  std::uint32_t list_size() const { return end - begin; }
  std::string_view string() const { return {u.text, end}; }

  static Value null() { return {}; }
  static Value boolean(bool b) { return {.tag = Tag::boolean, .code = std::uint8_t(b ? 1 : 0)}; }
  static Value integer(std::int64_t i) { return {.tag = Tag::integer, .u = {.integer = i}}; }
  static Value real(double d) { return {.tag = Tag::real, .u = {.real = d}}; }
  static Value date_of(std::int32_t days) { return {.tag = Tag::date, .u = {.date = days}}; }
  static Value string_of(std::string_view s)
  {
    return {
        .tag = Tag::string, .u = {.text = s.data()}, .end = static_cast<std::uint32_t>(s.size())};
  }
  static Value enumeration(std::uint8_t code) { return {.tag = Tag::enumeration, .code = code}; }
  static Value row(std::uint32_t table, std::uint32_t row)
  {
    return {.tag = Tag::row, .table = table, .begin = row};
  }
};

} // namespace orgaudit::expr
