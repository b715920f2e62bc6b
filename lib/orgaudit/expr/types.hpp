#pragma once

#include <cstdint>
#include <string>

#include <orgaudit/schema/schema.hpp>

namespace orgaudit::expr {

// The kinds of value an expression can have. `error` marks a subexpression
// that already has a Problem (so one mistake is reported once); `dyn` is the
// element of an empty list literal; `null` the type of the literal `null`.
enum class Kind : std::uint8_t {
  error,
  null,
  dyn,
  boolean,
  integer,
  real,
  string,
  date,
  enumeration,
  row,
  list
};

// A static type: scalars, an enum of one schema column, a row of one table,
// or a list of one of those (lists do not nest).
struct Type {
  Kind kind = Kind::error;
  Kind element = Kind::dyn; // list only
  std::uint16_t table = 0;  // row, enumeration (and lists of them)
  std::uint16_t column = 0; // enumeration (and lists of them)

  static Type of(Kind kind) { return Type{kind, Kind::dyn, 0, 0}; }
  static Type enumeration(std::size_t table, std::size_t column);
  static Type row(std::size_t table);
  // The list whose elements have type `element` (which must not be a list).
  static Type list_of(Type element);

  // The element type of a list.
  Type element_type() const { return Type{element, Kind::dyn, table, column}; }
  bool is_numeric() const { return kind == Kind::integer || kind == Kind::real; }
  bool operator==(const Type&) const = default;
};

// How a type reads in messages: `int`, `enum organizations.type`,
// `row<annual_reports>`, `list<row<annual_reports>>`.
std::string type_name(const Type& type, const schema::Schema& schema);

// The expression type of a schema column (money and number are double, uscc a string).
Type column_value_type(const schema::Schema& schema, std::size_t table, std::size_t column);

} // namespace orgaudit::expr
