#include <doctest/doctest.h>

#include <orgaudit/expr/parser.hpp>

using namespace orgaudit::expr;

namespace {

// The tree as a fully parenthesized string, to check precedence and shape.
std::string show(const Ast& ast, std::uint32_t index)
{
  const Node& node = ast.at(index);
  auto child = [&](std::size_t i) { return show(ast, node.children[i]); };
  switch (node.kind) {
  case NodeKind::null_literal:
    return "null";
  case NodeKind::bool_literal:
    return node.bool_value ? "true" : "false";
  case NodeKind::int_literal:
    return std::to_string(node.int_value);
  case NodeKind::double_literal:
    return std::to_string(node.double_value);
  case NodeKind::string_literal:
    return "'" + node.name + "'";
  case NodeKind::identifier:
    return node.name;
  case NodeKind::member:
    return child(0) + "." + node.name;
  case NodeKind::unary:
    return "(" + std::string(token_kind_name(node.op)).substr(1, 1) + child(0) + ")";
  case NodeKind::conditional:
    return "(" + child(0) + " ? " + child(1) + " : " + child(2) + ")";
  case NodeKind::binary: {
    std::string op(token_kind_name(node.op));
    return "(" + child(0) + " " + op.substr(1, op.size() - 2) + " " + child(1) + ")";
  }
  case NodeKind::list:
  case NodeKind::call: {
    std::string out;
    std::size_t first = 0;
    if (node.kind == NodeKind::call) {
      if (node.has_receiver) {
        out = child(0) + ".";
        first = 1;
      }
      out += node.name + "(";
    } else {
      out = "[";
    }
    for (std::size_t i = first; i < node.children.size(); ++i) {
      out += (i == first ? "" : ", ") + child(i);
    }
    return out + (node.kind == NodeKind::call ? ")" : "]");
  }
  }
  return "?";
}

std::string parsed(std::string_view source)
{
  std::vector<Problem> problems;
  auto ast = parse(source, problems);
  REQUIRE_MESSAGE(ast, (problems.empty() ? std::string() : problems[0].message));
  return show(*ast, ast->root);
}

std::string problem(std::string_view source)
{
  std::vector<Problem> problems;
  auto ast = parse(source, problems);
  CHECK_FALSE(ast);
  REQUIRE(problems.size() == 1);
  return std::to_string(problems[0].offset) + "+" + std::to_string(problems[0].length) + ": " +
         problems[0].message;
}

} // namespace

TEST_CASE("CEL precedence: unary, multiplicative, additive, relations, &&, ||, ?:")
{
  CHECK(parsed("1 + 2 * 3") == "(1 + (2 * 3))");
  CHECK(parsed("1 - 2 - 3") == "((1 - 2) - 3)");
  CHECK(parsed("a / b % c") == "((a / b) % c)");
  CHECK(parsed("a + b < c * d") == "((a + b) < (c * d))");
  CHECK(parsed("a < b == c") == "((a < b) == c)");
  CHECK(parsed("x in l && y") == "((x in l) && y)");
  CHECK(parsed("a || b && c") == "(a || (b && c))");
  CHECK(parsed("a && b || c && d") == "((a && b) || (c && d))");
  CHECK(parsed("a ? b : c ? d : e") == "(a ? b : (c ? d : e))");
  CHECK(parsed("a || b ? 1 : 2") == "((a || b) ? 1 : 2)");
  CHECK(parsed("!a && b") == "((!a) && b)");
  CHECK(parsed("-a * b") == "((-a) * b)");
  CHECK(parsed("!!a") == "(!(!a))");
  CHECK(parsed("(1 + 2) * 3") == "((1 + 2) * 3)");
}

TEST_CASE("literals, members, calls, macros and lists")
{
  CHECK(parsed("-9223372036854775808") == "-9223372036854775808");
  CHECK(parsed("- 5") == "-5");
  CHECK(parsed("org.grade") == "org.grade");
  CHECK(parsed("org.name.startsWith('湖州')") == "org.name.startsWith('湖州')");
  CHECK(parsed("annual_reports.filter(r, r.year == 2025).first().result") ==
        "annual_reports.filter(r, (r.year == 2025)).first().result");
  CHECK(parsed("size([1, 2, 3,])") == "size([1, 2, 3])");
  CHECK(parsed("[]") == "[]");
  CHECK(parsed("has(org.grade)") == "has(org.grade)");
  CHECK(parsed("null == x") == "(null == x)");
  CHECK(parsed("true != false") == "(true != false)");
}

TEST_CASE("source ranges cover the whole subexpression")
{
  std::vector<Problem> problems;
  const auto ast = parse("  org.grade == '4A'", problems);
  REQUIRE(ast);
  const Node& root = ast->at(ast->root);
  CHECK(root.offset == 2);
  CHECK(root.length == 17);
  const Node& member = ast->at(root.children[0]);
  CHECK(member.name_offset == 6);
  CHECK(member.length == 9);
}

TEST_CASE("syntax errors say what was expected")
{
  CHECK(problem("incidents.exists(i, i.kind == 'fine'") ==
        "36+1: expected ')' after the arguments of exists(), found end of expression");
  CHECK(problem("(1 + 2") == "6+1: expected ')' to close '(', found end of expression");
  CHECK(problem("[1, 2") == "5+1: expected ']' after the list elements, found end of expression");
  CHECK(problem("a ? b") ==
        "5+1: expected ':' between the branches of '?:', found end of expression");
  CHECK(problem("1 +") == "3+1: expected an expression, found end of expression");
  CHECK(problem("org.") ==
        "4+1: expected a field or method name after '.', found end of expression");
  CHECK(problem("a b") == "2+1: unexpected \"b\" after the expression");
  CHECK(problem("l[0]") ==
        "1+1: indexing with '[]' is not supported; use first(), last() or filter()");
  CHECK(problem(") x") == "0+1: expected an expression, found ')'");
  CHECK(problem("9223372036854775808") == "0+19: integer literal out of range");
  CHECK(problem("org{}") == "3+1: message construction with '{' is not supported");
  CHECK(problem("a == = b") == "5+1: single '=' is not an operator; did you mean '=='?");
}

TEST_CASE("deep nesting is a problem, never a stack overflow")
{
  const std::string deep = std::string(10000, '(') + "1" + std::string(10000, ')');
  CHECK(problem(deep) == "200+1: expression nested too deeply (limit 200)");
  std::string bangs(10000, '!');
  CHECK(problem(bangs + "true") == "199+1: expression nested too deeply (limit 200)");
  std::string chain = "1";
  for (int i = 0; i < 10000; ++i) {
    chain += " + 1";
  }
  CHECK(problem(chain).ends_with(": expression nested too deeply (limit 200)"));
  std::string members = "org";
  for (int i = 0; i < 10000; ++i) {
    members += ".a";
  }
  CHECK(problem(members).ends_with(": expression nested too deeply (limit 200)"));
  std::string lists(10000, '[');
  CHECK(problem(lists).ends_with(": expression nested too deeply (limit 200)"));
  std::string calls;
  for (int i = 0; i < 10000; ++i) {
    calls += "f(";
  }
  CHECK(problem(calls).ends_with(": expression nested too deeply (limit 200)"));
  const std::string fine = std::string(150, '(') + "1" + std::string(150, ')');
  CHECK(parsed(fine) == "1");
}
