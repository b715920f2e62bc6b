#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include <orgaudit/expr/compiler.hpp>
#include <orgaudit/expr/types.hpp>

namespace orgaudit::expr {

// The instructions of a compiled expression. Every name is already resolved
// to a table, column, let or local-variable slot, and every operator to the
// value domain it works on, so the evaluator only switches on these.
enum class OpCode : std::uint8_t {
  const_null,
  const_bool,
  const_int,
  const_double,
  const_string,
  const_date,
  const_enum,
  org,
  child_list,
  as_of,
  let,
  local,
  org_column,
  local_column,
  member,
  has,
  logical_not,
  negate_int,
  negate_double,
  to_double,
  add_int,
  sub_int,
  mul_int,
  div_int,
  mod_int,
  add_double,
  sub_double,
  mul_double,
  div_double,
  concat_string,
  concat_list,
  compare,
  compare_lists, // `==`/`!=` element by element; `domain` is the elements'
  is_null,
  not_null,
  logical_and,
  logical_or,
  conditional,
  in_enum_set,
  in_list,
  list_literal,
  exists,
  all,
  exists_one,
  filter,
  map,
  sort_by,
  size_list,
  size_string,
  first,
  last,
  sum,
  min,
  max,
  avg,
  starts_with,
  ends_with,
  contains,
  matches,
  int_of_double,
  int_of_string,
  double_of_string,
  string_of,
  date_of_string,
  year,
  days_between,
  add_years,
  uscc_valid,
  enum_name,
};

// The domain of a comparison, `in`, sort key, aggregate or string() conversion.
enum class Domain : std::uint8_t { boolean, integer, real, string, date, enumeration };

enum class Comparison : std::uint8_t { eq, ne, lt, le, gt, ge };

// One instruction. `a`, `b`, `c` are child instruction indices (or, per
// opcode, a table, column, slot, let, regex, string or enum-set index); the
// source range names the subexpression in error messages.
struct Op {
  OpCode code = OpCode::const_null;
  Domain domain = Domain::integer;
  Comparison comparison = Comparison::eq;
  schema::ColumnType column_type = schema::ColumnType::string;
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  std::uint32_t c = 0;
  std::uint32_t table = 0;
  std::uint32_t column = 0;
  std::uint32_t slot = 0;
  std::int64_t int_value = 0; // const_int, const_date, const_bool, const_enum
  double double_value = 0.0;
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};

// A checked expression compiled to instructions (see compiler.hpp). Owns
// everything evaluation needs: constants, compiled patterns, the schema (for
// enum names) and the let: programs it may call, so it outlives its Compiler.
class Program {
 public:
  std::shared_ptr<const schema::Schema> schema;
  std::string source;
  Type type;
  Expected expected = Expected::any;
  std::vector<Op> ops;
  std::uint32_t root = 0;
  std::vector<std::uint32_t> arguments;                // list literal elements
  std::vector<std::string> strings;                    // string constants
  std::vector<std::array<std::uint64_t, 4>> enum_sets; // `enum in [literals]`
  std::vector<std::unique_ptr<RE2>> regexes;           // compiled once, here
  std::uint32_t slots = 0;                             // macro variables
  std::uint64_t lets_serial = 0;                       // identifies the Compiler's lets
  std::vector<std::shared_ptr<const Program>> lets;    // by let index (prefix of the Compiler's)
  std::uint32_t let_index = 0;                         // for a `let:` program: its own index

  // The source text of instruction `op`, for error messages.
  std::string_view text_of(const Op& op) const
  {
    return std::string_view(source).substr(op.offset, op.length);
  }
};

} // namespace orgaudit::expr
