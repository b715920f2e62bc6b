#include <orgaudit/expr/machine.hpp>

#include <cmath>

namespace orgaudit::expr {

using Tag = Value::Tag;

namespace {

bool holds(Comparison comparison, int order)
{
  switch (comparison) {
  case Comparison::eq:
    return order == 0;
  case Comparison::ne:
    return order != 0;
  case Comparison::lt:
    return order < 0;
  case Comparison::le:
    return order <= 0;
  case Comparison::gt:
    return order > 0;
  case Comparison::ge:
    return order >= 0;
  }
  return false;
}

} // namespace

int compare_values(const Value& a, const Value& b, Domain domain)
{
  auto order = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  switch (domain) {
  case Domain::boolean:
  case Domain::enumeration:
    return order(a.code, b.code);
  case Domain::integer:
    if (a.tag == Tag::integer && b.tag == Tag::integer) {
      return order(a.u.integer, b.u.integer);
    }
    [[fallthrough]];
  case Domain::real: {
    const double x = a.tag == Tag::integer ? static_cast<double>(a.u.integer) : a.u.real;
    const double y = b.tag == Tag::integer ? static_cast<double>(b.u.integer) : b.u.real;
    return order(x, y);
  }
  case Domain::string: {
    const int c = a.string().compare(b.string());
    return order(c, 0);
  }
  case Domain::date:
    return order(a.u.date, b.u.date);
  }
  return 0;
}

Value Machine::read(std::uint32_t table, std::uint32_t column, schema::ColumnType type,
                    std::uint32_t row)
{
  if (m_evidence) {
    m_evidence->reads.push_back({table, row, column});
  }
  const data::ColumnData& data = m_data.tables[table].columns[column];
  if (!data.present) {
    return Value::null();
  }
  switch (type) {
  case schema::ColumnType::integer: {
    const std::int64_t v = data.int_at(row);
    return v == data::null_int ? Value::null() : Value::integer(v);
  }
  case schema::ColumnType::number:
  case schema::ColumnType::money: {
    const double v = data.number_at(row);
    return std::isnan(v) ? Value::null() : Value::real(v);
  }
  case schema::ColumnType::date: {
    const std::int32_t v = data.date_at(row).days;
    return v == data::null_date ? Value::null() : Value::date_of(v);
  }
  case schema::ColumnType::boolean: {
    const std::uint8_t v = data.code_at(row);
    return v == data::null_code ? Value::null() : Value::boolean(v != 0);
  }
  case schema::ColumnType::enumeration: {
    const std::uint8_t v = data.code_at(row);
    return v == data::null_code ? Value::null() : Value::enumeration(v);
  }
  case schema::ColumnType::string:
  case schema::ColumnType::uscc: {
    const std::string_view v = data.string_at(row);
    return v.empty() ? Value::null() : Value::string_of(v);
  }
  }
  return Value::null();
}

Value Machine::eval(const Program& p, std::uint32_t index)
{
  const Op& op = p.ops[index];
  switch (op.code) {
  case OpCode::const_null:
    return Value::null();
  case OpCode::const_bool:
    return Value::boolean(op.int_value != 0);
  case OpCode::const_int:
    return Value::integer(op.int_value);
  case OpCode::const_double:
    return Value::real(op.double_value);
  case OpCode::const_string:
    return Value::string_of(p.strings[op.a]);
  case OpCode::const_date:
    return Value::date_of(static_cast<std::int32_t>(op.int_value));
  case OpCode::const_enum:
    return Value::enumeration(static_cast<std::uint8_t>(op.int_value));
  case OpCode::org:
    return Value::row(0, m_org);
  case OpCode::child_list: {
    // An absent table is unknown, not empty: its list is null (SPEC §2).
    if (m_data.tables[op.table].absent) {
      return Value::null();
    }
    Value rows;
    rows.tag = Tag::rows;
    rows.table = op.table;
    const auto& begin = m_data.tables[op.table].org_begin;
    if (m_org + 1 < begin.size()) {
      rows.begin = begin[m_org];
      rows.end = begin[m_org + 1];
    }
    return rows;
  }
  case OpCode::as_of:
    return Value::date_of(m_as_of.days);
  case OpCode::let:
    return eval_let(p, op);
  case OpCode::local:
    return local(op.slot);
  case OpCode::org_column:
    return read(0, op.column, op.column_type, m_org);
  case OpCode::local_column: {
    const Value& row = local(op.slot);
    if (row.is_null()) {
      return Value::null();
    }
    return read(op.table, op.column, op.column_type, row.begin);
  }
  case OpCode::member: {
    const Value row = eval(p, op.a);
    if (row.is_null()) {
      return row;
    }
    return read(op.table, op.column, op.column_type, row.begin);
  }
  case OpCode::has: {
    const Value row = eval(p, op.a);
    if (row.is_null()) {
      return Value::boolean(false);
    }
    return Value::boolean(!read(op.table, op.column, op.column_type, row.begin).is_null());
  }
  case OpCode::logical_not: {
    const Value v = eval(p, op.a);
    return v.is_null() ? v : Value::boolean(v.code == 0);
  }
  case OpCode::negate_int: {
    const Value v = eval(p, op.a);
    if (v.is_null()) {
      return v;
    }
    if (v.u.integer == std::numeric_limits<std::int64_t>::min()) {
      fail(p, op, "integer overflow");
    }
    return Value::integer(-v.u.integer);
  }
  case OpCode::negate_double: {
    const Value v = eval(p, op.a);
    return v.is_null() ? v : Value::real(-v.u.real);
  }
  case OpCode::to_double: {
    const Value v = eval(p, op.a);
    return v.tag == Tag::integer ? Value::real(static_cast<double>(v.u.integer)) : v;
  }
  case OpCode::add_int:
  case OpCode::sub_int:
  case OpCode::mul_int:
  case OpCode::div_int:
  case OpCode::mod_int:
  case OpCode::add_double:
  case OpCode::sub_double:
  case OpCode::mul_double:
  case OpCode::div_double:
  case OpCode::concat_string:
  case OpCode::concat_list:
    return eval_arithmetic(p, op);
  case OpCode::compare: {
    const Value left = eval(p, op.a);
    const Value right = eval(p, op.b);
    if (left.is_null() || right.is_null()) {
      return Value::null();
    }
    return Value::boolean(holds(op.comparison, compare_values(left, right, op.domain)));
  }
  case OpCode::compare_lists:
    return eval_list_comparison(p, op);
  case OpCode::is_null:
    return Value::boolean(eval(p, op.a).is_null());
  case OpCode::not_null:
    return Value::boolean(!eval(p, op.a).is_null());
  case OpCode::logical_and: {
    // Kleene logic: false wins; a null left side still looks at the right.
    const Value left = eval(p, op.a);
    if (left.tag == Tag::boolean && left.code == 0) {
      return left;
    }
    const Value right = eval(p, op.b);
    if (right.tag == Tag::boolean && right.code == 0) {
      return right;
    }
    return left.is_null() || right.is_null() ? Value::null() : Value::boolean(true);
  }
  case OpCode::logical_or: {
    const Value left = eval(p, op.a);
    if (left.tag == Tag::boolean && left.code != 0) {
      return left;
    }
    const Value right = eval(p, op.b);
    if (right.tag == Tag::boolean && right.code != 0) {
      return right;
    }
    return left.is_null() || right.is_null() ? Value::null() : Value::boolean(false);
  }
  case OpCode::conditional: {
    const Value condition = eval(p, op.a);
    if (condition.is_null()) {
      return condition;
    }
    return eval(p, condition.code != 0 ? op.b : op.c);
  }
  case OpCode::in_enum_set: {
    const Value v = eval(p, op.a);
    if (v.is_null()) {
      return v;
    }
    const auto& set = p.enum_sets[op.b];
    return Value::boolean(((set[v.code / 64] >> (v.code % 64)) & 1U) != 0);
  }
  case OpCode::in_list:
    return eval_in(p, op);
  case OpCode::list_literal: {
    const std::size_t mark = m_pending.size();
    for (std::uint32_t i = 0; i < op.b; ++i) {
      const Value v = eval(p, p.arguments[op.a + i]);
      m_pending.push_back(v);
    }
    return take_pending(mark);
  }
  case OpCode::exists:
  case OpCode::all:
  case OpCode::exists_one:
  case OpCode::filter:
  case OpCode::map:
    return eval_macro(p, op);
  case OpCode::sort_by:
    return eval_sort(p, op);
  case OpCode::size_list:
  case OpCode::first:
  case OpCode::last:
  case OpCode::sum:
  case OpCode::min:
  case OpCode::max:
  case OpCode::avg:
    return eval_aggregate(p, op);
  default:
    return eval_call(p, op);
  }
}

Value Machine::eval_in(const Program& p, const Op& op)
{
  const Value needle = eval(p, op.a);
  const Value list = eval(p, op.b);
  if (needle.is_null() || list.is_null()) {
    return Value::null();
  }
  bool saw_null = false;
  for (std::uint32_t i = 0; i < list.list_size(); ++i) {
    const Value candidate = element(list, i);
    if (candidate.is_null()) {
      saw_null = true;
    } else if (compare_values(needle, candidate, op.domain) == 0) {
      return Value::boolean(true);
    }
  }
  return saw_null ? Value::null() : Value::boolean(false);
}

} // namespace orgaudit::expr
