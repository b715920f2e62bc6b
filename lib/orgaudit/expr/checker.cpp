#include <orgaudit/expr/checker.hpp>

#include <algorithm>

#include <orgaudit/core/text.hpp>

namespace orgaudit::expr {

std::optional<Domain> domain_of(const Type& type)
{
  switch (type.kind) {
  case Kind::boolean:
    return Domain::boolean;
  case Kind::integer:
    return Domain::integer;
  case Kind::real:
    return Domain::real;
  case Kind::string:
    return Domain::string;
  case Kind::date:
    return Domain::date;
  case Kind::enumeration:
    return Domain::enumeration;
  default:
    return std::nullopt;
  }
}

namespace {

std::string quoted(std::string_view text)
{
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  out.append(text);
  out.push_back('"');
  return out;
}

} // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates)
{
  const auto best = closest_match(word, candidates);
  return best ? "; did you mean " + quoted(*best) + "?" : "";
}

Checker::Checker(const CheckContext& context, const Ast& ast, Program& program,
                 std::vector<Problem>& problems)
    : m_context(context), m_schema(*context.schema), m_ast(ast), m_program(program),
      m_problems(problems)
{
}

Checker::Typed Checker::run()
{
  m_depth = m_ast.at(m_ast.root).depth;
  const std::size_t before = m_problems.size();
  Typed result = check(m_ast.root);
  if (m_problems.size() != before) {
    result.type = Type::of(Kind::error);
  }
  return result;
}

Checker::Typed Checker::fail_at(std::size_t offset, std::size_t length, std::string message)
{
  m_problems.push_back({offset, std::max<std::size_t>(length, 1), std::move(message)});
  return Typed{0, Type::of(Kind::error)};
}

Checker::Typed Checker::fail(const Node& node, std::string message)
{
  return fail_at(node.offset, node.length, std::move(message));
}

std::uint32_t Checker::emit(Op op, const Node& node)
{
  op.offset = static_cast<std::uint32_t>(node.offset);
  op.length = static_cast<std::uint32_t>(node.length);
  m_program.ops.push_back(op);
  return static_cast<std::uint32_t>(m_program.ops.size() - 1);
}

std::string Checker::describe_column(const Type& enumeration) const
{
  const auto& table = m_schema.tables[enumeration.table];
  return table.name + "." + table.columns[enumeration.column].name;
}

Checker::Typed Checker::check(std::uint32_t index)
{
  const Node& node = m_ast.at(index);
  Op op;
  switch (node.kind) {
  case NodeKind::null_literal:
    op.code = OpCode::const_null;
    return {emit(op, node), Type::of(Kind::null)};
  case NodeKind::bool_literal:
    op.code = OpCode::const_bool;
    op.int_value = node.bool_value ? 1 : 0;
    return {emit(op, node), Type::of(Kind::boolean)};
  case NodeKind::int_literal:
    op.code = OpCode::const_int;
    op.int_value = node.int_value;
    return {emit(op, node), Type::of(Kind::integer)};
  case NodeKind::double_literal:
    op.code = OpCode::const_double;
    op.double_value = node.double_value;
    return {emit(op, node), Type::of(Kind::real)};
  case NodeKind::string_literal:
    op.code = OpCode::const_string;
    op.a = static_cast<std::uint32_t>(m_program.strings.size());
    m_program.strings.push_back(node.name);
    return {emit(op, node), Type::of(Kind::string)};
  case NodeKind::list:
    return check_list(node);
  case NodeKind::identifier:
    return check_identifier(node);
  case NodeKind::member:
    return check_member(node);
  case NodeKind::call:
    return check_call(node);
  case NodeKind::unary:
    return check_unary(node);
  case NodeKind::binary:
    return check_binary(node);
  case NodeKind::conditional:
    return check_conditional(node);
  }
  return fail(node, "unsupported expression");
}

Checker::Typed Checker::check_identifier(const Node& node)
{
  for (auto it = m_locals.rbegin(); it != m_locals.rend(); ++it) {
    if (it->name == node.name) {
      Op op;
      op.code = OpCode::local;
      op.slot = it->slot;
      return {emit(op, node), it->type};
    }
  }
  Op op;
  if (node.name == "org") {
    op.code = OpCode::org;
    return {emit(op, node), Type::row(0)};
  }
  if (node.name == "as_of") {
    op.code = OpCode::as_of;
    return {emit(op, node), Type::of(Kind::date)};
  }
  for (std::size_t t = 1; t < m_schema.tables.size(); ++t) {
    if (m_schema.tables[t].name == node.name) {
      op.code = OpCode::child_list;
      op.table = static_cast<std::uint32_t>(t);
      return {emit(op, node), Type::list_of(Type::row(t))};
    }
  }
  for (std::size_t l = 0; l < m_context.lets.size(); ++l) {
    const LetDefinition& let = m_context.lets[l];
    if (let.name == node.name) {
      op.code = OpCode::let;
      op.a = static_cast<std::uint32_t>(l);
      m_depth = std::max(m_depth, m_ast.at(m_ast.root).depth + let.depth);
      if (m_depth > max_evaluation_depth) {
        return fail(node, "expression nested too deeply through let: names (limit " +
                              std::to_string(max_evaluation_depth) + ")");
      }
      return {emit(op, node), let.type};
    }
  }
  std::vector<std::string_view> names{"org", "as_of"};
  for (const Local& local : m_locals) {
    names.push_back(local.name);
  }
  for (std::size_t t = 1; t < m_schema.tables.size(); ++t) {
    names.push_back(m_schema.tables[t].name);
  }
  for (const LetDefinition& let : m_context.lets) {
    names.push_back(let.name);
  }
  if (node.name == m_schema.root().name) {
    return fail(node, "unknown name " + quoted(node.name) + "; the organization is \"org\"");
  }
  return fail(node, "unknown name " + quoted(node.name) + did_you_mean(node.name, names));
}

Checker::Typed Checker::check_member(const Node& node)
{
  const Typed receiver = check(node.children[0]);
  if (receiver.type.kind == Kind::error) {
    return receiver;
  }
  if (receiver.type.kind != Kind::row) {
    return fail_at(node.name_offset, node.name.size(),
                   "cannot select field " + quoted(node.name) + " from " + name_of(receiver.type));
  }
  const schema::Table& table = m_schema.tables[receiver.type.table];
  const auto column = table.column_index(node.name);
  if (!column) {
    std::vector<std::string_view> names;
    for (const auto& c : table.columns) {
      names.push_back(c.name);
    }
    return fail_at(node.name_offset, node.name.size(),
                   "unknown column " + quoted(node.name) + " of " + table.name +
                       did_you_mean(node.name, names));
  }
  Op op;
  op.table = receiver.type.table;
  op.column = static_cast<std::uint32_t>(*column);
  op.column_type = table.columns[*column].type;
  // The organization's and a macro variable's columns are read directly,
  // the hottest reads there are; `a` keeps the row for has().
  op.a = receiver.op;
  const Op& row = m_program.ops[receiver.op];
  if (row.code == OpCode::org) {
    op.code = OpCode::org_column;
  } else if (row.code == OpCode::local) {
    op.code = OpCode::local_column;
    op.slot = row.slot;
  } else {
    op.code = OpCode::member;
  }
  return {emit(op, node), column_value_type(m_schema, receiver.type.table, *column)};
}

std::optional<Type> Checker::unify(const Type& a, const Type& b) const
{
  if (a == b || b.kind == Kind::null) {
    return a;
  }
  if (a.kind == Kind::null) {
    return b;
  }
  if (a.is_numeric() && b.is_numeric()) {
    return Type::of(Kind::real);
  }
  if (a.kind == Kind::list && b.kind == Kind::list) {
    if (a.element == Kind::dyn) {
      return b;
    }
    if (b.element == Kind::dyn) {
      return a;
    }
    const auto element = unify(a.element_type(), b.element_type());
    if (element && element->kind != Kind::list && a.element != b.element) {
      return std::nullopt; // lists of int and of double would need converting every element
    }
    return element ? std::optional<Type>(Type::list_of(*element)) : std::nullopt;
  }
  return std::nullopt;
}

Checker::Typed Checker::widen(const Typed& value)
{
  if (value.type.kind != Kind::integer) {
    return value;
  }
  Op op;
  op.code = OpCode::to_double;
  op.a = value.op;
  op.offset = m_program.ops[value.op].offset;
  op.length = m_program.ops[value.op].length;
  m_program.ops.push_back(op);
  return {static_cast<std::uint32_t>(m_program.ops.size() - 1), Type::of(Kind::real)};
}

Checker::Typed Checker::coerce(const Typed& value, const Type& to)
{
  if (to.kind == Kind::real && value.type.kind == Kind::integer) {
    return widen(value);
  }
  return {value.op, value.type.kind == Kind::null ? value.type : to};
}

Checker::Typed Checker::check_list(const Node& node)
{
  std::vector<Typed> elements;
  Type element = Type::of(Kind::dyn);
  bool ok = true;
  for (std::uint32_t child : node.children) {
    Typed typed = check(child);
    if (typed.type.kind == Kind::error) {
      ok = false;
      continue;
    }
    if (typed.type.kind == Kind::list) {
      ok = false;
      fail(m_ast.at(child), "lists of lists are not supported");
      continue;
    }
    if (element.kind == Kind::dyn) {
      element = typed.type;
    } else if (auto common = unify(element, typed.type)) {
      element = *common;
    } else {
      ok = false;
      fail(m_ast.at(child),
           "list elements must have one type: " + name_of(element) + " and " + name_of(typed.type));
    }
    elements.push_back(typed);
  }
  if (!ok) {
    return {0, Type::of(Kind::error)};
  }
  if (element.kind == Kind::null) {
    element = Type::of(Kind::dyn);
  }
  Op op;
  op.code = OpCode::list_literal;
  std::vector<std::uint32_t> ops;
  for (const Typed& typed : elements) {
    ops.push_back(coerce(typed, element).op);
  }
  op.a = static_cast<std::uint32_t>(m_program.arguments.size());
  op.b = static_cast<std::uint32_t>(ops.size());
  m_program.arguments.insert(m_program.arguments.end(), ops.begin(), ops.end());
  return {emit(op, node), Type::list_of(element)};
}

Checker::Typed Checker::check_conditional(const Node& node)
{
  const Typed condition = check(node.children[0]);
  Typed then = check(node.children[1]);
  Typed otherwise = check(node.children[2]);
  if (condition.type.kind == Kind::error || then.type.kind == Kind::error ||
      otherwise.type.kind == Kind::error) {
    return {0, Type::of(Kind::error)};
  }
  if (condition.type.kind != Kind::boolean && condition.type.kind != Kind::null) {
    return fail(m_ast.at(node.children[0]),
                "the condition of '?:' must be a bool, this is " + name_of(condition.type));
  }
  const auto common = unify(then.type, otherwise.type);
  if (!common) {
    return fail(node, "the branches of '?:' have different types: " + name_of(then.type) + " and " +
                          name_of(otherwise.type));
  }
  Op op;
  op.code = OpCode::conditional;
  op.a = condition.op;
  op.b = coerce(then, *common).op;
  op.c = coerce(otherwise, *common).op;
  return {emit(op, node), *common};
}

std::optional<std::uint8_t> Checker::enum_literal(const Type& enumeration, const Node& literal)
{
  const schema::Column& column = m_schema.tables[enumeration.table].columns[enumeration.column];
  if (auto code = column.enum_code(literal.name)) {
    return code;
  }
  std::vector<std::string_view> names;
  for (const auto& value : column.values) {
    names.push_back(value.name);
  }
  std::string hint = did_you_mean(literal.name, names);
  if (hint.empty()) {
    hint = " (values:";
    for (std::size_t i = 0; i < names.size(); ++i) {
      hint += (i == 0 ? " " : ", ") + std::string(names[i]);
    }
    hint += ")";
  }
  fail(literal, quoted(literal.name) + " is not a value of " + describe_column(enumeration) + hint);
  return std::nullopt;
}

std::optional<Checker::Typed> Checker::as_string(const Typed& value, const Node& where,
                                                 std::string_view what)
{
  if (value.type.kind == Kind::string || value.type.kind == Kind::null) {
    return value;
  }
  if (value.type.kind == Kind::enumeration) {
    Op op;
    op.code = OpCode::enum_name;
    op.a = value.op;
    op.table = value.type.table;
    op.column = value.type.column;
    return Typed{emit(op, where), Type::of(Kind::string)};
  }
  fail(where, std::string(what) + " must be a string, this is " + name_of(value.type));
  return std::nullopt;
}

} // namespace orgaudit::expr
