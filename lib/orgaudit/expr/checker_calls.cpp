#include <orgaudit/expr/checker.hpp>

#include <algorithm>
#include <array>

#include <orgaudit/core/date.hpp>
#include <orgaudit/core/text.hpp>

namespace orgaudit::expr {

namespace {

constexpr std::array<std::string_view, 6> macro_names{"exists", "all", "exists_one",
                                                      "filter", "map", "sort_by"};
constexpr std::array<std::string_view, 20> function_names{
    "size",         "has",      "int",      "double",  "string",     "date",     "year",
    "days_between", "sum",      "min",      "max",     "avg",        "first",    "last",
    "startsWith",   "endsWith", "contains", "matches", "uscc_valid", "add_years"};

bool is_macro(std::string_view name)
{
  return std::find(macro_names.begin(), macro_names.end(), name) != macro_names.end();
}

std::string arguments_word(std::size_t n)
{
  return std::to_string(n) + (n == 1 ? " argument" : " arguments");
}

} // namespace

Checker::Typed Checker::check_call(const Node& node)
{
  if (node.has_receiver && is_macro(node.name)) {
    return check_macro(node);
  }
  if (!node.has_receiver && node.name == "has") {
    return check_has(node);
  }
  if (std::find(function_names.begin(), function_names.end(), node.name) == function_names.end()) {
    std::vector<std::string_view> names(function_names.begin(), function_names.end());
    names.insert(names.end(), macro_names.begin(), macro_names.end());
    return fail_at(node.name_offset, node.name.size(),
                   "unknown function \"" + node.name + "\"" + did_you_mean(node.name, names));
  }
  std::vector<Typed> args;
  bool ok = true;
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    // The pattern of matches() and the text of date() are read as literals below.
    args.push_back(check(node.children[i]));
    ok = ok && args.back().type.kind != Kind::error;
  }
  if (!ok) {
    return {0, Type::of(Kind::error)};
  }
  return check_function(node, args);
}

Checker::Typed Checker::check_has(const Node& node)
{
  if (node.children.size() != 1 || m_ast.at(node.children[0]).kind != NodeKind::member) {
    return fail(node, "has() takes one field selection, such as has(org.grade)");
  }
  const Typed selected = check(node.children[0]);
  if (selected.type.kind == Kind::error) {
    return selected;
  }
  const Op& column_op = m_program.ops[selected.op];
  Op op;
  op.code = OpCode::has;
  op.table = column_op.table;
  op.column = column_op.column;
  op.column_type = column_op.column_type;
  op.a = column_op.a;
  return {emit(op, node), Type::of(Kind::boolean)};
}

Checker::Typed Checker::check_macro(const Node& node)
{
  const Typed list = check(node.children[0]);
  if (list.type.kind == Kind::error) {
    return list;
  }
  const std::string call = node.name + "()";
  if (list.type.kind != Kind::list) {
    return fail_at(node.name_offset, node.name.size(),
                   call + " needs a list, this is " + name_of(list.type));
  }
  if (node.children.size() != 3) {
    return fail(node, call + " takes 2 arguments (a variable name and an expression), got " +
                          std::to_string(node.children.size() - 1));
  }
  const Node& variable = m_ast.at(node.children[1]);
  if (variable.kind != NodeKind::identifier) {
    return fail(variable, "the first argument of " + call + " must be a variable name");
  }
  Local local{variable.name, list.type.element_type(), m_program.slots++};
  m_locals.push_back(local);
  const Typed body = check(node.children[2]);
  m_locals.pop_back();
  if (body.type.kind == Kind::error) {
    return body;
  }
  Op op;
  op.a = list.op;
  op.b = body.op;
  op.slot = local.slot;
  const Node& body_node = m_ast.at(node.children[2]);
  if (node.name == "map") {
    if (body.type.kind == Kind::list) {
      return fail(body_node, "map() cannot make a list of lists");
    }
    op.code = OpCode::map;
    const Type element = body.type.kind == Kind::null ? Type::of(Kind::dyn) : body.type;
    return {emit(op, node), Type::list_of(element)};
  }
  if (node.name == "sort_by") {
    const auto domain = domain_of(body.type);
    if (!domain && body.type.kind != Kind::null) {
      return fail(body_node,
                  "the key of sort_by() must be a scalar, this is " + name_of(body.type));
    }
    op.code = OpCode::sort_by;
    op.domain = domain.value_or(Domain::integer);
    return {emit(op, node), list.type};
  }
  if (body.type.kind != Kind::boolean && body.type.kind != Kind::null) {
    return fail(body_node,
                "the predicate of " + call + " must be a bool, this is " + name_of(body.type));
  }
  if (node.name == "exists") {
    op.code = OpCode::exists;
  } else if (node.name == "all") {
    op.code = OpCode::all;
  } else if (node.name == "exists_one") {
    op.code = OpCode::exists_one;
  } else {
    op.code = OpCode::filter;
    return {emit(op, node), list.type};
  }
  return {emit(op, node), Type::of(Kind::boolean)};
}

Checker::Typed Checker::check_function(const Node& node, const std::vector<Typed>& args)
{
  const std::string call = node.name + "()";
  const std::size_t given = args.size();
  auto wrong_count = [&](std::size_t wanted) {
    const std::size_t shown = node.has_receiver ? given - 1 : given;
    const std::size_t expected = node.has_receiver ? wanted - 1 : wanted;
    return fail(node,
                call + " takes " + arguments_word(expected) + ", got " + std::to_string(shown));
  };
  auto arg_node = [&](std::size_t i) -> const Node& { return m_ast.at(node.children[i]); };
  auto needs = [&](std::size_t i, std::string_view what) {
    return fail(arg_node(i),
                call + " needs " + std::string(what) + ", this is " + name_of(args[i].type));
  };
  auto is = [&](std::size_t i, Kind kind) {
    return args[i].type.kind == kind || args[i].type.kind == Kind::null;
  };
  Op op;
  const std::string& name = node.name;
  const bool method_only = name == "first" || name == "last" || name == "startsWith" ||
                           name == "endsWith" || name == "contains";
  if (method_only && !node.has_receiver) {
    return fail(node, call + " is called on a value, as in x." + call);
  }
  if (node.has_receiver && !method_only && name != "size" && name != "matches") {
    if (std::find(function_names.begin(), function_names.end(), name) != function_names.end()) {
      return fail(node, call + " is a function, not a method: write " + name + "(x)");
    }
  }
  if (name == "size") {
    if (given != 1) {
      return wrong_count(1);
    }
    op.a = args[0].op;
    if (args[0].type.kind == Kind::list) {
      op.code = OpCode::size_list;
    } else if (args[0].type.kind == Kind::enumeration || is(0, Kind::string)) {
      op.a = as_string(args[0], arg_node(0), "")->op;
      op.code = OpCode::size_string;
    } else {
      return needs(0, "a list or a string");
    }
    return {emit(op, node), Type::of(Kind::integer)};
  }
  if (name == "first" || name == "last") {
    if (given != 1) {
      return wrong_count(1);
    }
    if (args[0].type.kind != Kind::list) {
      return needs(0, "a list");
    }
    op.code = name == "first" ? OpCode::first : OpCode::last;
    op.a = args[0].op;
    const Type element = args[0].type.element_type();
    return {emit(op, node), element.kind == Kind::dyn ? Type::of(Kind::null) : element};
  }
  if (name == "startsWith" || name == "endsWith" || name == "contains" || name == "matches") {
    if (given != 2) {
      return wrong_count(2);
    }
    const auto subject = as_string(args[0], arg_node(0), "the subject of " + call);
    if (!subject) {
      return {0, Type::of(Kind::error)};
    }
    if (name == "matches") {
      return check_matches(node, *subject, node.children[1]);
    }
    const auto needle = as_string(args[1], arg_node(1), "the argument of " + call);
    if (!needle) {
      return {0, Type::of(Kind::error)};
    }
    op.code = name == "startsWith" ? OpCode::starts_with
              : name == "endsWith" ? OpCode::ends_with
                                   : OpCode::contains;
    op.a = subject->op;
    op.b = needle->op;
    return {emit(op, node), Type::of(Kind::boolean)};
  }
  if (name == "sum" || name == "avg" || name == "min" || name == "max") {
    if (given != 1) {
      return wrong_count(1);
    }
    const Type& list = args[0].type;
    const Kind element = list.element;
    const bool dates_ok = name == "min" || name == "max";
    if (list.kind != Kind::list || !(element == Kind::integer || element == Kind::real ||
                                     element == Kind::dyn || (dates_ok && element == Kind::date))) {
      return needs(0, dates_ok ? "a list of numbers or dates" : "a list of numbers");
    }
    op.code = name == "sum"   ? OpCode::sum
              : name == "avg" ? OpCode::avg
              : name == "min" ? OpCode::min
                              : OpCode::max;
    op.a = args[0].op;
    op.domain = element == Kind::real   ? Domain::real
                : element == Kind::date ? Domain::date
                                        : Domain::integer;
    Type result = list.element_type();
    if (element == Kind::dyn) {
      result = name == "sum" ? Type::of(Kind::integer) : Type::of(Kind::null);
    } else if (name == "avg") {
      result = Type::of(Kind::real);
    }
    return {emit(op, node), result};
  }
  if (name == "int" || name == "double" || name == "string" || name == "date" || name == "year" ||
      name == "uscc_valid") {
    if (given != 1) {
      return wrong_count(1);
    }
    const Typed& arg = args[0];
    op.a = arg.op;
    const Kind kind = arg.type.kind;
    if (name == "int") {
      if (kind == Kind::integer || kind == Kind::null) {
        return {arg.op, Type::of(Kind::integer)};
      }
      if (kind != Kind::real && kind != Kind::string) {
        return needs(0, "a double or a string");
      }
      op.code = kind == Kind::real ? OpCode::int_of_double : OpCode::int_of_string;
      return {emit(op, node), Type::of(Kind::integer)};
    }
    if (name == "double") {
      if (kind == Kind::integer) {
        return widen(arg);
      }
      if (kind == Kind::real || kind == Kind::null) {
        return {arg.op, Type::of(Kind::real)};
      }
      if (kind != Kind::string) {
        return needs(0, "an int or a string");
      }
      op.code = OpCode::double_of_string;
      return {emit(op, node), Type::of(Kind::real)};
    }
    if (name == "string") {
      if (kind == Kind::string || kind == Kind::null) {
        return {arg.op, Type::of(Kind::string)};
      }
      const auto domain = domain_of(arg.type);
      if (!domain) {
        return needs(0, "a scalar");
      }
      op.code = OpCode::string_of;
      op.domain = *domain;
      op.table = arg.type.table;
      op.column = arg.type.column;
      return {emit(op, node), Type::of(Kind::string)};
    }
    if (name == "date") {
      return check_date(node, arg, node.children[0]);
    }
    if (name == "year") {
      if (!is(0, Kind::date)) {
        return needs(0, "a date");
      }
      op.code = OpCode::year;
      return {emit(op, node), Type::of(Kind::integer)};
    }
    const auto text = as_string(arg, arg_node(0), call + "'s argument");
    if (!text) {
      return {0, Type::of(Kind::error)};
    }
    op.code = OpCode::uscc_valid;
    op.a = text->op;
    return {emit(op, node), Type::of(Kind::boolean)};
  }
  if (name == "days_between") {
    if (given != 2) {
      return wrong_count(2);
    }
    for (std::size_t i = 0; i < 2; ++i) {
      if (!is(i, Kind::date)) {
        return needs(i, "dates");
      }
    }
    op.code = OpCode::days_between;
    op.a = args[0].op;
    op.b = args[1].op;
    return {emit(op, node), Type::of(Kind::integer)};
  }
  if (name == "add_years") {
    if (given != 2) {
      return wrong_count(2);
    }
    if (!is(0, Kind::date)) {
      return needs(0, "a date");
    }
    if (!is(1, Kind::integer)) {
      return needs(1, "an int");
    }
    op.code = OpCode::add_years;
    op.a = args[0].op;
    op.b = args[1].op;
    return {emit(op, node), Type::of(Kind::date)};
  }
  return fail(node, "unknown function \"" + name + "\"");
}

Checker::Typed Checker::check_matches(const Node& node, const Typed& subject,
                                      std::uint32_t pattern_node)
{
  const Node& pattern = m_ast.at(pattern_node);
  if (pattern.kind != NodeKind::string_literal) {
    return fail(pattern,
                "the pattern of matches() must be a string literal, so that it is compiled once");
  }
  RE2::Options options;
  options.set_log_errors(false);
  auto regex = std::make_unique<RE2>(pattern.name, options);
  if (!regex->ok()) {
    return fail(pattern, "invalid regular expression \"" + pattern.name + "\": " + regex->error());
  }
  Op op;
  op.code = OpCode::matches;
  op.a = subject.op;
  op.b = static_cast<std::uint32_t>(m_program.regexes.size());
  m_program.regexes.push_back(std::move(regex));
  return {emit(op, node), Type::of(Kind::boolean)};
}

Checker::Typed Checker::check_date(const Node& node, const Typed& arg, std::uint32_t arg_node)
{
  const Node& literal = m_ast.at(arg_node);
  Op op;
  if (literal.kind == NodeKind::string_literal) {
    const auto date = parse_date(literal.name);
    if (!date) {
      return fail(literal, "\"" + literal.name + "\" is not a date (expected YYYY-MM-DD)");
    }
    op.code = OpCode::const_date;
    op.int_value = date->days;
    return {emit(op, node), Type::of(Kind::date)};
  }
  if (arg.type.kind == Kind::date || arg.type.kind == Kind::null) {
    return {arg.op, Type::of(Kind::date)};
  }
  if (arg.type.kind != Kind::string) {
    return fail(literal, "date() needs a string, this is " + name_of(arg.type));
  }
  op.code = OpCode::date_of_string;
  op.a = arg.op;
  return {emit(op, node), Type::of(Kind::date)};
}

} // namespace orgaudit::expr
