#include <doctest/doctest.h>

#include <orgaudit/expr/lexer.hpp>

using namespace orgaudit::expr;

namespace {

std::vector<TokenKind> kinds(std::string_view source)
{
  std::vector<Problem> problems;
  std::vector<TokenKind> out;
  for (const Token& token : tokenize(source, problems)) {
    out.push_back(token.kind);
  }
  CHECK(problems.empty());
  return out;
}

Token single(std::string_view source)
{
  std::vector<Problem> problems;
  auto tokens = tokenize(source, problems);
  CHECK(problems.empty());
  REQUIRE(tokens.size() == 2);
  return tokens[0];
}

std::string first_problem(std::string_view source)
{
  std::vector<Problem> problems;
  tokenize(source, problems);
  REQUIRE_FALSE(problems.empty());
  return std::to_string(problems[0].offset) + "+" + std::to_string(problems[0].length) + ": " +
         problems[0].message;
}

} // namespace

TEST_CASE("operators and punctuation, longest match first")
{
  using K = TokenKind;
  CHECK(kinds("a<=b>=c!=d==e<f>g") ==
        std::vector<K>{K::identifier, K::less_equal, K::identifier, K::greater_equal, K::identifier,
                       K::not_equal, K::identifier, K::equal, K::identifier, K::less, K::identifier,
                       K::greater, K::identifier, K::end});
  CHECK(kinds("!x && y || z ? 1 : 2") ==
        std::vector<K>{K::bang, K::identifier, K::and_and, K::identifier, K::or_or, K::identifier,
                       K::question, K::int_literal, K::colon, K::int_literal, K::end});
  CHECK(kinds("x in [1, 2].size() + -3 * 4 / 5 % 6") ==
        std::vector<K>{K::identifier,  K::in,       K::lbracket,    K::int_literal, K::comma,
                       K::int_literal, K::rbracket, K::dot,         K::identifier,  K::lparen,
                       K::rparen,      K::plus,     K::minus,       K::int_literal, K::star,
                       K::int_literal, K::slash,    K::int_literal, K::percent,     K::int_literal,
                       K::end});
  CHECK(kinds("  // a comment\n org // another") == std::vector<K>{K::identifier, K::end});
}

TEST_CASE("numbers: ints, hex, doubles and exponents")
{
  CHECK(single("42").int_value == 42);
  CHECK(single("0x1F").int_value == 31);
  CHECK(single("9223372036854775808").int_value == 9223372036854775808ULL); // negated by the parser
  CHECK(single("2.5").double_value == 2.5);
  CHECK(single(".5").double_value == 0.5);
  CHECK(single("1e3").kind == TokenKind::double_literal);
  CHECK(single("1e3").double_value == 1000.0);
  CHECK(single("2.5E-1").double_value == 0.25);
  const Token token = single("  123");
  CHECK(token.offset == 2);
  CHECK(token.length == 3);
}

TEST_CASE("strings with CEL escapes, raw and triple-quoted strings")
{
  CHECK(single(R"("a\"b")").text == "a\"b");
  CHECK(single(R"('it\'s')").text == "it's");
  CHECK(single(R"("\n\t\\")").text == "\n\t\\");
  CHECK(single(R"("\u6E56\U00005DDE")").text == "湖州");
  CHECK(single(R"("\x41\101")").text == "AA");
  CHECK(single(R"(r"\d+")").text == "\\d+");
  CHECK(single(R"("""a "b" c""")").text == "a \"b\" c");
  CHECK(single("'社会团体'").text == "社会团体");
  CHECK(single("'社会团体'").length == 14);
}

TEST_CASE("lexical problems name the place and what is wrong")
{
  CHECK(first_problem("a = b") == "2+1: single '=' is not an operator; did you mean '=='?");
  CHECK(first_problem("a & b") == "2+1: single '&' is not an operator; did you mean '&&'?");
  CHECK(first_problem("a | b") == "2+1: single '|' is not an operator; did you mean '||'?");
  CHECK(first_problem("a # b") == "2+1: unexpected character \"#\"");
  CHECK(first_problem("x == 'abc") == "5+4: unterminated string literal");
  CHECK(first_problem(R"("\q")") == "1+2: invalid escape sequence \"\\q\"");
  CHECK(first_problem(R"("\uD800")") == "1+6: escape sequence is not a valid code point");
  CHECK(first_problem("99999999999999999999") == "0+20: integer literal out of range");
  CHECK(first_problem("1u") == "0+2: unsigned integers are not supported");
  CHECK(first_problem("a 。b") == "2+3: unexpected character \"。\"");
}
