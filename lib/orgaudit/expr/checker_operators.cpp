#include <algorithm>
#include <array>
#include <orgaudit/expr/checker.hpp>

namespace orgaudit::expr {

namespace {

std::string operator_name(TokenKind op)
{
  return std::string(token_kind_name(op));
}

bool is_bool_or_null(const Type& type)
{
  return type.kind == Kind::boolean || type.kind == Kind::null;
}

bool is_number_or_null(const Type& type)
{
  return type.is_numeric() || type.kind == Kind::null;
}

Comparison comparison_of(TokenKind op)
{
  switch (op) {
  case TokenKind::equal:
    return Comparison::eq;
  case TokenKind::not_equal:
    return Comparison::ne;
  case TokenKind::less:
    return Comparison::lt;
  case TokenKind::less_equal:
    return Comparison::le;
  case TokenKind::greater:
    return Comparison::gt;
  default:
    return Comparison::ge;
  }
}

} // namespace

Checker::Typed Checker::check_unary(const Node& node)
{
  const Typed operand = check(node.children[0]);
  if (operand.type.kind == Kind::error) {
    return operand;
  }
  Op op;
  op.a = operand.op;
  if (node.op == TokenKind::bang) {
    if (!is_bool_or_null(operand.type)) {
      return fail(node, "'!' needs a bool, this is " + name_of(operand.type));
    }
    op.code = OpCode::logical_not;
    return {emit(op, node), Type::of(Kind::boolean)};
  }
  if (!is_number_or_null(operand.type)) {
    return fail(node, "'-' needs a number, this is " + name_of(operand.type));
  }
  op.code = operand.type.kind == Kind::real ? OpCode::negate_double : OpCode::negate_int;
  return {emit(op, node), operand.type.kind == Kind::null ? Type::of(Kind::integer) : operand.type};
}

Checker::Typed Checker::check_binary(const Node& node)
{
  switch (node.op) {
  case TokenKind::and_and:
  case TokenKind::or_or:
    return check_logical(node);
  case TokenKind::plus:
  case TokenKind::minus:
  case TokenKind::star:
  case TokenKind::slash:
  case TokenKind::percent:
    return check_arithmetic(node);
  case TokenKind::in:
    return check_in(node);
  default:
    return check_comparison(node);
  }
}

Checker::Typed Checker::check_logical(const Node& node)
{
  const Typed left = check(node.children[0]);
  const Typed right = check(node.children[1]);
  if (left.type.kind == Kind::error || right.type.kind == Kind::error) {
    return {0, Type::of(Kind::error)};
  }
  for (const Typed* side : {&left, &right}) {
    if (!is_bool_or_null(side->type)) {
      const Node& where = m_ast.at(side == &left ? node.children[0] : node.children[1]);
      return fail(where,
                  operator_name(node.op) + " needs bool operands, this is " + name_of(side->type));
    }
  }
  Op op;
  op.code = node.op == TokenKind::and_and ? OpCode::logical_and : OpCode::logical_or;
  op.a = left.op;
  op.b = right.op;
  return {emit(op, node), Type::of(Kind::boolean)};
}

Checker::Typed Checker::check_arithmetic(const Node& node)
{
  Typed left = check(node.children[0]);
  Typed right = check(node.children[1]);
  if (left.type.kind == Kind::error || right.type.kind == Kind::error) {
    return {0, Type::of(Kind::error)};
  }
  Op op;
  const std::string mismatch = operator_name(node.op) + " cannot combine " + name_of(left.type) +
                               " and " + name_of(right.type);
  if (node.op == TokenKind::plus && left.type.kind == Kind::string &&
      right.type.kind == Kind::string) {
    op.code = OpCode::concat_string;
    op.a = left.op;
    op.b = right.op;
    return {emit(op, node), left.type};
  }
  if (node.op == TokenKind::plus && left.type.kind == Kind::list && right.type.kind == Kind::list) {
    const auto common = unify(left.type, right.type);
    if (!common) {
      return fail(node, mismatch);
    }
    op.code = OpCode::concat_list;
    op.a = left.op;
    op.b = right.op;
    return {emit(op, node), *common};
  }
  if (!is_number_or_null(left.type) || !is_number_or_null(right.type)) {
    return fail(node, mismatch);
  }
  if (node.op == TokenKind::percent) {
    if (left.type.kind == Kind::real || right.type.kind == Kind::real) {
      return fail(node, "'%' takes ints only, this is " + name_of(left.type) + " % " +
                            name_of(right.type));
    }
    op.code = OpCode::mod_int;
    op.a = left.op;
    op.b = right.op;
    return {emit(op, node), Type::of(Kind::integer)};
  }
  const bool real = left.type.kind == Kind::real || right.type.kind == Kind::real;
  if (real) {
    left = widen(left);
    right = widen(right);
  }
  switch (node.op) {
  case TokenKind::plus:
    op.code = real ? OpCode::add_double : OpCode::add_int;
    break;
  case TokenKind::minus:
    op.code = real ? OpCode::sub_double : OpCode::sub_int;
    break;
  case TokenKind::star:
    op.code = real ? OpCode::mul_double : OpCode::mul_int;
    break;
  default:
    op.code = real ? OpCode::div_double : OpCode::div_int;
    break;
  }
  op.a = left.op;
  op.b = right.op;
  return {emit(op, node), Type::of(real ? Kind::real : Kind::integer)};
}

Checker::Typed Checker::check_comparison(const Node& node)
{
  const Node& left_node = m_ast.at(node.children[0]);
  const Node& right_node = m_ast.at(node.children[1]);
  Typed left = check(node.children[0]);
  Typed right = check(node.children[1]);
  if (left.type.kind == Kind::error || right.type.kind == Kind::error) {
    return {0, Type::of(Kind::error)};
  }
  const Comparison comparison = comparison_of(node.op);
  const bool equality = comparison == Comparison::eq || comparison == Comparison::ne;
  Op op;
  // `x == null` and `x != null` test for null and are plain bools.
  if (equality && (left.type.kind == Kind::null || right.type.kind == Kind::null)) {
    op.code = comparison == Comparison::eq ? OpCode::is_null : OpCode::not_null;
    op.a = left.type.kind == Kind::null ? right.op : left.op;
    return {emit(op, node), Type::of(Kind::boolean)};
  }
  if (left.type.kind == Kind::list || right.type.kind == Kind::list) {
    return check_list_comparison(node, left, right, comparison);
  }
  // An enum compared with a string literal: the literal must name a value,
  // and the comparison runs on codes (ordered as the schema declares them).
  if (left.type.kind == Kind::enumeration && right_node.kind == NodeKind::string_literal) {
    const auto code = enum_literal(left.type, right_node);
    if (!code) {
      return {0, Type::of(Kind::error)};
    }
    m_program.ops[right.op].code = OpCode::const_enum;
    m_program.ops[right.op].int_value = *code;
    right.type = left.type;
  } else if (right.type.kind == Kind::enumeration && left_node.kind == NodeKind::string_literal) {
    const auto code = enum_literal(right.type, left_node);
    if (!code) {
      return {0, Type::of(Kind::error)};
    }
    m_program.ops[left.op].code = OpCode::const_enum;
    m_program.ops[left.op].int_value = *code;
    left.type = right.type;
  }
  if (left.type.kind == Kind::enumeration && right.type.kind == Kind::string) {
    left = *as_string(left, left_node, "");
  } else if (right.type.kind == Kind::enumeration && left.type.kind == Kind::string) {
    right = *as_string(right, right_node, "");
  }
  const auto left_domain = domain_of(left.type);
  const auto right_domain = domain_of(right.type);
  const std::string mismatch =
      "cannot compare " + name_of(left.type) + " with " + name_of(right.type);
  if (!left_domain || !right_domain) {
    return fail(node, mismatch);
  }
  Domain domain = *left_domain;
  if (left.type.is_numeric() && right.type.is_numeric()) {
    if (left.type.kind != right.type.kind) {
      left = widen(left);
      right = widen(right);
      domain = Domain::real;
    }
  } else if (left.type != right.type) {
    return fail(node, mismatch);
  }
  if (domain == Domain::boolean && !equality) {
    return fail(node, operator_name(node.op) + " cannot order bools");
  }
  op.code = OpCode::compare;
  op.domain = domain;
  op.comparison = comparison;
  op.a = left.op;
  op.b = right.op;
  return {emit(op, node), Type::of(Kind::boolean)};
}

Checker::Typed Checker::check_in(const Node& node)
{
  const Node& left_node = m_ast.at(node.children[0]);
  const Node& right_node = m_ast.at(node.children[1]);
  Typed left = check(node.children[0]);
  if (left.type.kind == Kind::error) {
    return left;
  }
  Op op;
  // `org.type in ["foundation", "social_group"]`: a set of codes, checked now.
  if (left.type.kind == Kind::enumeration && right_node.kind == NodeKind::list &&
      std::all_of(right_node.children.begin(), right_node.children.end(), [&](std::uint32_t child) {
        return m_ast.at(child).kind == NodeKind::string_literal;
      })) {
    std::array<std::uint64_t, 4> set{};
    bool ok = true;
    for (std::uint32_t child : right_node.children) {
      const auto code = enum_literal(left.type, m_ast.at(child));
      if (code) {
        set[*code / 64] |= std::uint64_t{1} << (*code % 64);
      }
      ok = ok && code.has_value();
    }
    if (!ok) {
      return {0, Type::of(Kind::error)};
    }
    op.code = OpCode::in_enum_set;
    op.a = left.op;
    op.b = static_cast<std::uint32_t>(m_program.enum_sets.size());
    m_program.enum_sets.push_back(set);
    return {emit(op, node), Type::of(Kind::boolean)};
  }
  const Typed right = check(node.children[1]);
  if (right.type.kind == Kind::error) {
    return right;
  }
  if (right.type.kind != Kind::list) {
    return fail(node, "'in' needs a list on its right, this is " + name_of(right.type));
  }
  Type element = right.type.element_type();
  if (element.kind == Kind::enumeration && left_node.kind == NodeKind::string_literal) {
    const auto code = enum_literal(element, left_node);
    if (!code) {
      return {0, Type::of(Kind::error)};
    }
    m_program.ops[left.op].code = OpCode::const_enum;
    m_program.ops[left.op].int_value = *code;
    left.type = element;
  }
  const bool compatible = element.kind == Kind::dyn || left.type.kind == Kind::null ||
                          left.type == element || (left.type.is_numeric() && element.is_numeric());
  const auto domain = domain_of(element.kind == Kind::dyn ? left.type : element);
  if (!compatible || (!domain && left.type.kind != Kind::null)) {
    return fail(node, "cannot look for " + name_of(left.type) + " in " + name_of(right.type));
  }
  op.code = OpCode::in_list;
  op.domain = (left.type.kind == Kind::real || element.kind == Kind::real)
                  ? Domain::real
                  : domain.value_or(Domain::integer);
  op.a = left.op;
  op.b = right.op;
  return {emit(op, node), Type::of(Kind::boolean)};
}

} // namespace orgaudit::expr
