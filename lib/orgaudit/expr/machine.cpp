#include <orgaudit/expr/machine.hpp>

#include <algorithm>
#include <cstring>

namespace orgaudit::expr {

using Tag = Value::Tag;

std::string_view StringArena::store(std::string_view a, std::string_view b)
{
  const std::size_t size = a.size() + b.size();
  while (m_chunk < m_chunks.size() && m_used + size > m_capacities[m_chunk]) {
    ++m_chunk;
    m_used = 0;
  }
  if (m_chunk == m_chunks.size()) {
    const std::size_t capacity = std::max<std::size_t>(size, 64 * 1024);
    m_chunks.push_back(std::make_unique<char[]>(capacity));
    m_capacities.push_back(capacity);
    m_used = 0;
  }
  char* out = m_chunks[m_chunk].get() + m_used;
  if (!a.empty()) {
    std::memcpy(out, a.data(), a.size());
  }
  if (!b.empty()) {
    std::memcpy(out + a.size(), b.data(), b.size());
  }
  m_used += size;
  return {out, size};
}

void Machine::fail(const Program& p, const Op& op, std::string_view what) const
{
  throw EvaluationFailure{std::string(what) + " in `" + std::string(p.text_of(op)) + "`"};
}

void Machine::reset_for(const Program& program, std::size_t org)
{
  if (m_cache_org == org && m_cache_serial == program.lets_serial) {
    m_scratch.resize(m_scratch_keep);
    m_strings.rewind(m_strings_keep);
    return;
  }
  m_cache_org = org;
  m_cache_serial = program.lets_serial;
  m_scratch.clear();
  m_strings.reset();
  m_scratch_keep = 0;
  m_strings_keep = {0, 0};
  std::fill(m_let_state.begin(), m_let_state.end(), std::uint8_t{0});
}

Outcome Machine::evaluate(const Program& program, std::size_t org, Evidence* evidence)
{
  reset_for(program, org);
  if (m_let_state.size() < program.lets.size()) {
    m_let_state.resize(program.lets.size(), 0);
    m_let_divided.resize(program.lets.size(), 0);
    m_let_values.resize(program.lets.size());
    m_let_reads.resize(program.lets.size());
  }
  if (m_locals.size() < program.slots) {
    m_locals.resize(program.slots);
  }
  m_org = static_cast<std::uint32_t>(org);
  m_evidence = evidence;
  m_divided_by_zero = false;
  m_base = 0;
  m_pending.clear();
  Outcome outcome;
  try {
    const Value value = eval(program, program.root);
    outcome.divided_by_zero = m_divided_by_zero;
    switch (value.tag) {
    case Tag::boolean:
      outcome.kind = Outcome::Kind::value;
      outcome.boolean = value.code != 0;
      break;
    case Tag::integer:
      outcome.kind = Outcome::Kind::value;
      outcome.number = static_cast<double>(value.u.integer);
      break;
    case Tag::real:
      outcome.kind = Outcome::Kind::value;
      outcome.number = value.u.real;
      break;
    case Tag::null:
      outcome.kind = Outcome::Kind::null;
      break;
    case Tag::date:
      outcome.kind = Outcome::Kind::value;
      outcome.date = Date{value.u.date};
      break;
    case Tag::string:
      outcome.kind = Outcome::Kind::value;
      outcome.text = value.string();
      break;
    case Tag::enumeration:
      outcome.kind = Outcome::Kind::value;
      outcome.text = program.schema->tables[program.type.table]
                         .columns[program.type.column]
                         .values[value.code]
                         .name;
      break;
    case Tag::rows:
    case Tag::list:
      outcome.kind = Outcome::Kind::value;
      outcome.number = value.list_size();
      break;
    default:
      outcome.kind = Outcome::Kind::value;
      break;
    }
  } catch (EvaluationFailure& failure) {
    outcome.kind = Outcome::Kind::error;
    outcome.error = std::move(failure.message);
    outcome.divided_by_zero = m_divided_by_zero;
  }
  m_evidence = nullptr;
  return outcome;
}

Value Machine::take_pending(std::size_t mark)
{
  Value list;
  list.tag = Tag::list;
  list.begin = static_cast<std::uint32_t>(m_scratch.size());
  m_scratch.insert(m_scratch.end(), m_pending.begin() + static_cast<std::ptrdiff_t>(mark),
                   m_pending.end());
  m_pending.resize(mark);
  list.end = static_cast<std::uint32_t>(m_scratch.size());
  return list;
}

Value Machine::eval_let(const Program& p, const Op& op)
{
  const std::uint32_t index = op.a;
  const std::uint8_t state = m_let_state[index];
  if (state == 2 || (state == 1 && !m_evidence)) {
    if (m_evidence) {
      const auto& reads = m_let_reads[index];
      m_evidence->reads.insert(m_evidence->reads.end(), reads.begin(), reads.end());
    }
    m_divided_by_zero = m_divided_by_zero || m_let_divided[index] != 0;
    return m_let_values[index];
  }
  const Program& let = *p.lets[index];
  const bool divided_before = m_divided_by_zero;
  const std::size_t reads_start = m_evidence ? m_evidence->reads.size() : 0;
  const std::uint32_t saved_base = m_base;
  m_base += p.slots;
  if (m_locals.size() < m_base + let.slots) {
    m_locals.resize(m_base + let.slots);
  }
  m_divided_by_zero = false;
  Value value;
  try {
    value = eval(let, let.root);
  } catch (...) {
    m_base = saved_base;
    throw;
  }
  m_base = saved_base;
  m_let_values[index] = value;
  m_scratch_keep = m_scratch.size();
  m_strings_keep = m_strings.mark();
  m_let_divided[index] = m_divided_by_zero ? 1 : 0;
  m_divided_by_zero = m_divided_by_zero || divided_before;
  if (m_evidence) {
    m_let_reads[index].assign(m_evidence->reads.begin() + static_cast<std::ptrdiff_t>(reads_start),
                              m_evidence->reads.end());
    m_let_state[index] = 2;
  } else {
    m_let_state[index] = 1;
  }
  return value;
}

Value Machine::eval_arithmetic(const Program& p, const Op& op)
{
  const Value left = eval(p, op.a);
  const Value right = eval(p, op.b);
  if (left.is_null() || right.is_null()) {
    return Value::null();
  }
  std::int64_t result = 0;
  const std::int64_t x = left.u.integer;
  const std::int64_t y = right.u.integer;
  switch (op.code) {
  case OpCode::add_int:
    if (__builtin_add_overflow(x, y, &result)) {
      fail(p, op, "integer overflow");
    }
    return Value::integer(result);
  case OpCode::sub_int:
    if (__builtin_sub_overflow(x, y, &result)) {
      fail(p, op, "integer overflow");
    }
    return Value::integer(result);
  case OpCode::mul_int:
    if (__builtin_mul_overflow(x, y, &result)) {
      fail(p, op, "integer overflow");
    }
    return Value::integer(result);
  case OpCode::div_int:
  case OpCode::mod_int:
    if (y == 0) {
      m_divided_by_zero = true;
      return Value::null();
    }
    if (x == std::numeric_limits<std::int64_t>::min() && y == -1) {
      fail(p, op, "integer overflow");
    }
    return Value::integer(op.code == OpCode::div_int ? x / y : x % y);
  case OpCode::add_double:
    return Value::real(left.u.real + right.u.real);
  case OpCode::sub_double:
    return Value::real(left.u.real - right.u.real);
  case OpCode::mul_double:
    return Value::real(left.u.real * right.u.real);
  case OpCode::div_double:
    if (right.u.real == 0.0) {
      m_divided_by_zero = true;
      return Value::null();
    }
    return Value::real(left.u.real / right.u.real);
  case OpCode::concat_string:
    return Value::string_of(m_strings.store(left.string(), right.string()));
  default: {
    const std::size_t mark = m_pending.size();
    for (const Value* list : {&left, &right}) {
      for (std::uint32_t i = 0; i < list->list_size(); ++i) {
        m_pending.push_back(element(*list, i));
      }
    }
    return take_pending(mark);
  }
  }
}

} // namespace orgaudit::expr
