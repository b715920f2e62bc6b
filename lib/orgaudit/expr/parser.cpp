#include <orgaudit/expr/parser.hpp>

#include <algorithm>
#include <limits>
#include <string>

namespace orgaudit::expr {

namespace {

// Thrown inside the parser only, to unwind after the first syntax error: what
// follows a syntax error is rarely worth reporting.
struct SyntaxError {};

class Parser {
 public:
  Parser(std::vector<Token> tokens, std::vector<Problem>& problems)
      : m_tokens(std::move(tokens)), m_problems(problems)
  {
  }

  std::optional<Ast> run()
  {
    try {
      m_ast.root = expression();
      if (current().kind != TokenKind::end) {
        fail(current(), "unexpected " + describe(current()) + " after the expression");
      }
    } catch (const SyntaxError&) {
      return std::nullopt;
    }
    return std::move(m_ast);
  }

 private:
  const Token& current() const { return m_tokens[m_pos]; }
  const Token& next() const { return m_tokens[std::min(m_pos + 1, m_tokens.size() - 1)]; }

  bool accept(TokenKind kind)
  {
    if (current().kind == kind) {
      ++m_pos;
      return true;
    }
    return false;
  }

  static std::string describe(const Token& token)
  {
    if (token.kind == TokenKind::identifier) {
      return "\"" + token.text + "\"";
    }
    return std::string(token_kind_name(token.kind));
  }

  [[noreturn]] void fail(const Token& token, std::string message)
  {
    m_problems.push_back(
        {token.offset, std::max<std::size_t>(token.length, 1), std::move(message)});
    throw SyntaxError{};
  }

  void expect(TokenKind kind, const std::string& what)
  {
    if (!accept(kind)) {
      fail(current(), "expected " + std::string(token_kind_name(kind)) + " " + what + ", found " +
                          describe(current()));
    }
  }

  void enter()
  {
    if (++m_recursion > max_nesting) {
      fail(current(), too_deep());
    }
  }

  static std::string too_deep()
  {
    return "expression nested too deeply (limit " + std::to_string(max_nesting) + ")";
  }

  std::uint32_t add(Node node)
  {
    for (std::uint32_t child : node.children) {
      node.depth = std::max(node.depth, m_ast.nodes[child].depth + 1);
    }
    if (node.depth > max_nesting) {
      m_problems.push_back({node.offset, std::max<std::size_t>(node.length, 1), too_deep()});
      throw SyntaxError{};
    }
    m_ast.nodes.push_back(std::move(node));
    return static_cast<std::uint32_t>(m_ast.nodes.size() - 1);
  }

  std::size_t end_of(std::uint32_t node) const
  {
    return m_ast.nodes[node].offset + m_ast.nodes[node].length;
  }

  std::uint32_t make_binary(TokenKind op, std::uint32_t left, std::uint32_t right)
  {
    Node node;
    node.kind = NodeKind::binary;
    node.op = op;
    node.offset = m_ast.nodes[left].offset;
    node.length = end_of(right) - node.offset;
    node.children = {left, right};
    return add(std::move(node));
  }

  std::uint32_t expression()
  {
    enter();
    const std::uint32_t condition = logical_or();
    if (!accept(TokenKind::question)) {
      --m_recursion;
      return condition;
    }
    const std::uint32_t then = logical_or();
    expect(TokenKind::colon, "between the branches of '?:'");
    const std::uint32_t otherwise = expression();
    Node node;
    node.kind = NodeKind::conditional;
    node.offset = m_ast.nodes[condition].offset;
    node.length = end_of(otherwise) - node.offset;
    node.children = {condition, then, otherwise};
    --m_recursion;
    return add(std::move(node));
  }

  std::uint32_t logical_or()
  {
    std::uint32_t left = logical_and();
    while (accept(TokenKind::or_or)) {
      left = make_binary(TokenKind::or_or, left, logical_and());
    }
    return left;
  }

  std::uint32_t logical_and()
  {
    std::uint32_t left = relation();
    while (accept(TokenKind::and_and)) {
      left = make_binary(TokenKind::and_and, left, relation());
    }
    return left;
  }

  static bool is_relation(const Token& token)
  {
    switch (token.kind) {
    case TokenKind::less:
    case TokenKind::less_equal:
    case TokenKind::greater:
    case TokenKind::greater_equal:
    case TokenKind::equal:
    case TokenKind::not_equal:
      return true;
    case TokenKind::in:
      return true;
    default:
      return false;
    }
  }

  std::uint32_t relation()
  {
    std::uint32_t left = addition();
    while (is_relation(current())) {
      const TokenKind op = current().kind;
      ++m_pos;
      left = make_binary(op, left, addition());
    }
    return left;
  }

  std::uint32_t addition()
  {
    std::uint32_t left = multiplication();
    while (current().kind == TokenKind::plus || current().kind == TokenKind::minus) {
      const TokenKind op = current().kind;
      ++m_pos;
      left = make_binary(op, left, multiplication());
    }
    return left;
  }

  std::uint32_t multiplication()
  {
    std::uint32_t left = unary();
    while (current().kind == TokenKind::star || current().kind == TokenKind::slash ||
           current().kind == TokenKind::percent) {
      const TokenKind op = current().kind;
      ++m_pos;
      left = make_binary(op, left, unary());
    }
    return left;
  }

  std::uint32_t unary()
  {
    const Token& token = current();
    if (token.kind == TokenKind::minus && next().kind == TokenKind::int_literal) {
      // A negative int literal is one value, so the smallest int64 is expressible.
      const std::size_t offset = token.offset;
      ++m_pos;
      return member(negative_int(offset));
    }
    if (token.kind != TokenKind::bang && token.kind != TokenKind::minus) {
      return member(primary());
    }
    enter();
    const std::size_t offset = token.offset;
    const TokenKind op = token.kind;
    ++m_pos;
    const std::uint32_t operand = unary();
    Node node;
    node.kind = NodeKind::unary;
    node.op = op;
    node.offset = offset;
    node.length = end_of(operand) - offset;
    node.children = {operand};
    --m_recursion;
    return add(std::move(node));
  }

  std::uint32_t negative_int(std::size_t offset)
  {
    const Token& literal = current();
    ++m_pos;
    Node node;
    node.kind = NodeKind::int_literal;
    node.offset = offset;
    node.length = literal.offset + literal.length - offset;
    node.int_value = literal.int_value == std::uint64_t{1} << 63
                         ? std::numeric_limits<std::int64_t>::min()
                         : -static_cast<std::int64_t>(literal.int_value);
    return add(std::move(node));
  }

  // Parses `(args…)` after a function name; the opening '(' is current.
  void arguments(Node& call, const std::string& function)
  {
    ++m_pos;
    if (!accept(TokenKind::rparen)) {
      do {
        call.children.push_back(expression());
      } while (accept(TokenKind::comma));
      expect(TokenKind::rparen, "after the arguments of " + function + "()");
    }
    call.length = m_tokens[m_pos - 1].offset + 1 - call.offset;
  }

  std::uint32_t member(std::uint32_t target)
  {
    while (true) {
      if (current().kind == TokenKind::lbracket) {
        fail(current(), "indexing with '[]' is not supported; use first(), last() or filter()");
      }
      if (!accept(TokenKind::dot)) {
        return target;
      }
      if (current().kind != TokenKind::identifier) {
        fail(current(), "expected a field or method name after '.', found " + describe(current()));
      }
      Node node;
      node.name = current().text;
      node.name_offset = current().offset;
      node.offset = m_ast.nodes[target].offset;
      node.length = current().offset + current().length - node.offset;
      node.children = {target};
      ++m_pos;
      if (current().kind == TokenKind::lparen) {
        node.kind = NodeKind::call;
        node.has_receiver = true;
        enter();
        arguments(node, node.name);
        --m_recursion;
      } else {
        node.kind = NodeKind::member;
      }
      target = add(std::move(node));
    }
  }

  std::uint32_t primary()
  {
    const Token& token = current();
    Node node;
    node.offset = token.offset;
    node.length = token.length;
    switch (token.kind) {
    case TokenKind::int_literal:
      if (token.int_value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        fail(token, "integer literal out of range");
      }
      node.kind = NodeKind::int_literal;
      node.int_value = static_cast<std::int64_t>(token.int_value);
      ++m_pos;
      return add(std::move(node));
    case TokenKind::double_literal:
      node.kind = NodeKind::double_literal;
      node.double_value = token.double_value;
      ++m_pos;
      return add(std::move(node));
    case TokenKind::string_literal:
      node.kind = NodeKind::string_literal;
      node.name = token.text;
      ++m_pos;
      return add(std::move(node));
    case TokenKind::lparen: {
      ++m_pos;
      const std::uint32_t inner = expression();
      expect(TokenKind::rparen, "to close '('");
      // The parentheses belong to the subexpression's text in messages.
      Node& grouped = m_ast.nodes[inner];
      grouped.offset = token.offset;
      grouped.length = m_tokens[m_pos - 1].offset + 1 - token.offset;
      return inner;
    }
    case TokenKind::lbracket:
      return list();
    case TokenKind::identifier:
      return identifier();
    default:
      fail(token, "expected an expression, found " + describe(token));
    }
  }

  std::uint32_t list()
  {
    enter();
    Node node;
    node.kind = NodeKind::list;
    node.offset = current().offset;
    ++m_pos;
    if (!accept(TokenKind::rbracket)) {
      do {
        if (current().kind == TokenKind::rbracket) {
          break; // CEL allows a trailing comma
        }
        node.children.push_back(expression());
      } while (accept(TokenKind::comma));
      expect(TokenKind::rbracket, "after the list elements");
    }
    node.length = m_tokens[m_pos - 1].offset + 1 - node.offset;
    --m_recursion;
    return add(std::move(node));
  }

  std::uint32_t identifier()
  {
    const Token& token = current();
    Node node;
    node.offset = token.offset;
    node.length = token.length;
    node.name_offset = token.offset;
    node.name = token.text;
    ++m_pos;
    if (node.name == "true" || node.name == "false") {
      node.kind = NodeKind::bool_literal;
      node.bool_value = node.name == "true";
      return add(std::move(node));
    }
    if (node.name == "null") {
      node.kind = NodeKind::null_literal;
      return add(std::move(node));
    }
    if (current().kind == TokenKind::lparen) {
      node.kind = NodeKind::call;
      enter();
      arguments(node, node.name);
      --m_recursion;
      return add(std::move(node));
    }
    if (current().kind == TokenKind::lbrace) {
      fail(current(), "message construction with '{' is not supported");
    }
    node.kind = NodeKind::identifier;
    return add(std::move(node));
  }

  std::vector<Token> m_tokens;
  std::vector<Problem>& m_problems;
  std::size_t m_pos = 0;
  std::uint32_t m_recursion = 0;
  Ast m_ast;
};

} // namespace

std::optional<Ast> parse(std::string_view source, std::vector<Problem>& problems)
{
  const std::size_t before = problems.size();
  std::vector<Token> tokens = tokenize(source, problems);
  if (problems.size() != before) {
    return std::nullopt;
  }
  return Parser(std::move(tokens), problems).run();
}

} // namespace orgaudit::expr
