#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/expr/compiler.hpp>

namespace orgaudit::expr {

enum class TokenKind : std::uint8_t {
  end,
  identifier,
  int_literal,
  double_literal,
  string_literal,
  lparen,
  rparen,
  lbracket,
  rbracket,
  lbrace,
  rbrace,
  comma,
  dot,
  question,
  colon,
  bang,
  minus,
  plus,
  star,
  slash,
  percent,
  less,
  less_equal,
  greater,
  greater_equal,
  equal,
  not_equal,
  and_and,
  or_or,
  in, // the keyword `in`
};

// One token with its byte range in the source. `text` holds an identifier's
// name or a string literal's decoded value; `int_value` an int literal's
// magnitude (a minus sign is a separate token, so 9223372036854775808 is
// representable until the parser applies it).
struct Token {
  TokenKind kind = TokenKind::end;
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string text;
  std::uint64_t int_value = 0;
  double double_value = 0.0;
};

// How a token kind reads in a message: "')'", "end of expression", "a name".
std::string_view token_kind_name(TokenKind kind);

// Splits `source` into tokens (CEL lexical syntax: `//` comments, decimal and
// hex ints, doubles, quoted and raw strings with CEL's escapes). The last
// token is always `end`. Bad characters, literals and escapes are appended to
// `problems` and skipped.
std::vector<Token> tokenize(std::string_view source, std::vector<Problem>& problems);

} // namespace orgaudit::expr
