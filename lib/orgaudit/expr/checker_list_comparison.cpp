#include <orgaudit/expr/checker.hpp>

#include <algorithm>

namespace orgaudit::expr {

namespace {

// True if `node` is a list literal of string literals and nulls, such as
// `["service", "training"]`: the form in which enum values are written.
bool is_text_literal_list(const Node& node, const Ast& ast)
{
  return node.kind == NodeKind::list &&
         std::all_of(node.children.begin(), node.children.end(), [&](std::uint32_t child) {
           const NodeKind kind = ast.at(child).kind;
           return kind == NodeKind::string_literal || kind == NodeKind::null_literal;
         });
}

} // namespace

bool Checker::enum_literals(const Type& enumeration, const Node& list_node, const Typed& list)
{
  const std::uint32_t first_argument = m_program.ops[list.op].a;
  bool ok = true;
  for (std::size_t i = 0; i < list_node.children.size(); ++i) {
    const Node& child = m_ast.at(list_node.children[i]);
    if (child.kind != NodeKind::string_literal) {
      continue;
    }
    const auto code = enum_literal(enumeration, child);
    if (!code) {
      ok = false;
      continue;
    }
    Op& element = m_program.ops[m_program.arguments[first_argument + i]];
    element.code = OpCode::const_enum;
    element.int_value = *code;
  }
  return ok;
}

Checker::Typed Checker::check_list_comparison(const Node& node, Typed left, Typed right,
                                              Comparison comparison)
{
  const std::string mismatch =
      "cannot compare " + name_of(left.type) + " with " + name_of(right.type);
  if (left.type.kind != Kind::list || right.type.kind != Kind::list) {
    return fail(node, mismatch);
  }
  if (comparison != Comparison::eq && comparison != Comparison::ne) {
    return fail(node, std::string(token_kind_name(node.op)) + " cannot order lists");
  }
  Type left_element = left.type.element_type();
  Type right_element = right.type.element_type();
  // `activities.map(a, a.kind) == ["service", "training"]`: the literals must
  // name values of the enum, and the comparison runs on codes.
  const Node& left_node = m_ast.at(node.children[0]);
  const Node& right_node = m_ast.at(node.children[1]);
  if (left_element.kind == Kind::enumeration && right_element.kind == Kind::string &&
      is_text_literal_list(right_node, m_ast)) {
    if (!enum_literals(left_element, right_node, right)) {
      return {0, Type::of(Kind::error)};
    }
    right_element = left_element;
  } else if (right_element.kind == Kind::enumeration && left_element.kind == Kind::string &&
             is_text_literal_list(left_node, m_ast)) {
    if (!enum_literals(right_element, left_node, left)) {
      return {0, Type::of(Kind::error)};
    }
    left_element = right_element;
  }
  for (const Type* element : {&left_element, &right_element}) {
    if (element->kind == Kind::row) {
      return fail(node, "lists of rows cannot be compared (" + name_of(Type::list_of(*element)) +
                            "); compare a column of them, as in l.map(x, x.date)");
    }
  }
  const bool numbers = left_element.is_numeric() && right_element.is_numeric();
  if (left_element.kind != Kind::dyn && right_element.kind != Kind::dyn &&
      left_element != right_element && !numbers) {
    const bool enum_and_string =
        (left_element.kind == Kind::enumeration && right_element.kind == Kind::string) ||
        (left_element.kind == Kind::string && right_element.kind == Kind::enumeration);
    return fail(node, enum_and_string
                          ? mismatch + "; compare the enum's names, as in l.map(x, string(x))"
                          : mismatch);
  }
  // A list of dyn holds only nulls (`[]`, `[null]`), so the other side decides the domain.
  const Type& element = left_element.kind == Kind::dyn ? right_element : left_element;
  Op op;
  op.code = OpCode::compare_lists;
  op.comparison = comparison;
  op.domain = numbers && left_element.kind != right_element.kind
                  ? Domain::real
                  : domain_of(element).value_or(Domain::integer);
  op.a = left.op;
  op.b = right.op;
  return {emit(op, node), Type::of(Kind::boolean)};
}

} // namespace orgaudit::expr
