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
  static Value boolean(bool b)
  {
    Value v;
    v.tag = Tag::boolean;
    v.code = b ? 1 : 0;
    return v;
  }
  static Value integer(std::int64_t i)
  {
    Value v;
    v.tag = Tag::integer;
    v.u.integer = i;
    return v;
  }
  static Value real(double d)
  {
    Value v;
    v.tag = Tag::real;
    v.u.real = d;
    return v;
  }
  static Value date_of(std::int32_t days)
  {
    Value v;
    v.tag = Tag::date;
    v.u.date = days;
    return v;
  }
  static Value string_of(std::string_view s)
  {
    Value v;
    v.tag = Tag::string;
    v.u.text = s.data();
    v.end = static_cast<std::uint32_t>(s.size());
    return v;
  }
  static Value enumeration(std::uint8_t code)
  {
    Value v;
    v.tag = Tag::enumeration;
    v.code = code;
    return v;
  }
  static Value row(std::uint32_t table, std::uint32_t row)
  {
    Value v;
    v.tag = Tag::row;
    v.table = table;
    v.begin = row;
    return v;
  }
};

} // namespace orgaudit::expr
