#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <orgaudit/expr/lexer.hpp>

namespace orgaudit::expr {

// The deepest nesting an expression may have (parentheses, operands, calls,
// member chains); deeper input is a Problem, never a stack overflow.
inline constexpr std::uint32_t max_nesting = 200;

enum class NodeKind : std::uint8_t {
  null_literal,
  bool_literal,
  int_literal,
  double_literal,
  string_literal,
  list,        // children: the elements
  identifier,  // name
  member,      // children[0].name
  call,        // name(children…) or children[0].name(children[1…]) when has_receiver
  unary,       // op children[0]
  binary,      // children[0] op children[1]
  conditional, // children[0] ? children[1] : children[2]
};

// One node of a parsed expression. `offset`/`length` cover its whole source
// text; `name_offset` points at the field or function name for messages.
struct Node {
  NodeKind kind = NodeKind::null_literal;
  TokenKind op = TokenKind::end;
  bool has_receiver = false;
  bool bool_value = false;
  std::int64_t int_value = 0;
  double double_value = 0.0;
  std::string name; // identifier, field, function, or a string literal's value
  std::size_t offset = 0;
  std::size_t length = 0;
  std::size_t name_offset = 0;
  std::uint32_t depth = 1; // 1 + the deepest child
  std::vector<std::uint32_t> children;
};

// A parsed expression: nodes in a flat vector, children referring by index.
struct Ast {
  std::vector<Node> nodes;
  std::uint32_t root = 0;

  const Node& at(std::uint32_t index) const { return nodes[index]; }
};

} // namespace orgaudit::expr
