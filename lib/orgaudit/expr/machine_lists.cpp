#include <orgaudit/expr/machine.hpp>

namespace orgaudit::expr {

using Tag = Value::Tag;

Value Machine::eval_macro(const Program& p, const Op& op)
{
  const Value list = eval(p, op.a);
  if (list.is_null()) {
    return list;
  }
  const std::uint32_t n = list.list_size();
  const std::size_t mark = m_pending.size();
  bool saw_null = false;
  std::uint32_t trues = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const Value item = element(list, i);
    local(op.slot) = item;
    const Value result = eval(p, op.b);
    switch (op.code) {
    case OpCode::map:
      m_pending.push_back(result);
      break;
    case OpCode::filter:
      if (result.tag == Tag::boolean && result.code != 0) {
        m_pending.push_back(item);
      }
      break;
    case OpCode::exists:
      if (result.tag == Tag::boolean && result.code != 0) {
        return result;
      }
      saw_null = saw_null || result.is_null();
      break;
    case OpCode::all:
      if (result.tag == Tag::boolean && result.code == 0) {
        return result;
      }
      saw_null = saw_null || result.is_null();
      break;
    default: // exists_one
      trues += (result.tag == Tag::boolean && result.code != 0) ? 1 : 0;
      saw_null = saw_null || result.is_null();
      if (trues > 1) {
        return Value::boolean(false);
      }
      break;
    }
  }
  switch (op.code) {
  case OpCode::map:
  case OpCode::filter:
    return take_pending(mark);
  case OpCode::exists:
    return saw_null ? Value::null() : Value::boolean(false);
  case OpCode::all:
    return saw_null ? Value::null() : Value::boolean(true);
  default:
    return saw_null ? Value::null() : Value::boolean(trues == 1);
  }
}

Value Machine::eval_list_comparison(const Program& p, const Op& op)
{
  const Value left = eval(p, op.a);
  const Value right = eval(p, op.b);
  if (left.is_null() || right.is_null()) {
    return Value::null();
  }
  // `==` is the Kleene AND of the pairs' equalities: an unequal pair decides,
  // else a pair with a null leaves it unknown. Lists of different sizes are
  // unequal whatever they hold.
  const bool equal_result = op.comparison == Comparison::eq;
  const std::uint32_t n = left.list_size();
  if (right.list_size() != n) {
    return Value::boolean(!equal_result);
  }
  bool saw_null = false;
  for (std::uint32_t i = 0; i < n; ++i) {
    const Value a = element(left, i);
    const Value b = element(right, i);
    if (a.is_null() || b.is_null()) {
      saw_null = true;
    } else if (compare_values(a, b, op.domain) != 0) {
      return Value::boolean(!equal_result);
    }
  }
  return saw_null ? Value::null() : Value::boolean(equal_result);
}

Value Machine::eval_sort(const Program& p, const Op& op)
{
  const Value list = eval(p, op.a);
  if (list.is_null()) {
    return list;
  }
  const std::uint32_t n = list.list_size();
  const std::size_t mark = m_pending.size();
  const std::size_t key_mark = m_keys.size();
  for (std::uint32_t i = 0; i < n; ++i) {
    const Value item = element(list, i);
    local(op.slot) = item;
    const Value key = eval(p, op.b);
    m_pending.push_back(item);
    m_keys.push_back(key);
  }
  // A bottom-up merge sort on indices: stable, and it reuses its buffers
  // instead of std::stable_sort's temporary allocation. Null keys sort last.
  m_order.resize(n);
  m_order_buffer.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    m_order[i] = i;
  }
  const Value* keys = m_keys.data() + key_mark;
  auto before = [&](std::uint32_t a, std::uint32_t b) {
    if (keys[b].is_null()) {
      return true;
    }
    return !keys[a].is_null() && compare_values(keys[a], keys[b], op.domain) <= 0;
  };
  for (std::uint32_t width = 1; width < n; width *= 2) {
    for (std::uint32_t lo = 0; lo < n; lo += 2 * width) {
      const std::uint32_t mid = std::min(lo + width, n);
      const std::uint32_t hi = std::min(lo + 2 * width, n);
      std::uint32_t i = lo;
      std::uint32_t j = mid;
      std::uint32_t k = lo;
      while (i < mid && j < hi) {
        m_order_buffer[k++] = before(m_order[i], m_order[j]) ? m_order[i++] : m_order[j++];
      }
      while (i < mid) {
        m_order_buffer[k++] = m_order[i++];
      }
      while (j < hi) {
        m_order_buffer[k++] = m_order[j++];
      }
    }
    m_order.swap(m_order_buffer);
  }
  Value sorted;
  sorted.tag = Tag::list;
  sorted.begin = static_cast<std::uint32_t>(m_scratch.size());
  for (std::uint32_t i = 0; i < n; ++i) {
    m_scratch.push_back(m_pending[mark + m_order[i]]);
  }
  sorted.end = static_cast<std::uint32_t>(m_scratch.size());
  m_pending.resize(mark);
  m_keys.resize(key_mark);
  return sorted;
}

Value Machine::eval_aggregate(const Program& p, const Op& op)
{
  const Value list = eval(p, op.a);
  if (list.is_null()) {
    return list;
  }
  const std::uint32_t n = list.list_size();
  switch (op.code) {
  case OpCode::size_list:
    return Value::integer(n);
  case OpCode::first:
    return n == 0 ? Value::null() : element(list, 0);
  case OpCode::last:
    return n == 0 ? Value::null() : element(list, n - 1);
  default:
    break;
  }
  // Aggregates skip null elements, as SQL's do; min, max and avg of nothing are null.
  std::int64_t int_total = 0;
  double total = 0.0;
  std::uint32_t counted = 0;
  Value best;
  for (std::uint32_t i = 0; i < n; ++i) {
    const Value item = element(list, i);
    if (item.is_null()) {
      continue;
    }
    ++counted;
    if (op.code == OpCode::min || op.code == OpCode::max) {
      const int order = best.is_null() ? 0 : compare_values(item, best, op.domain);
      if (best.is_null() || (op.code == OpCode::min ? order < 0 : order > 0)) {
        best = item;
      }
    } else if (item.tag == Tag::integer && op.domain == Domain::integer) {
      if (__builtin_add_overflow(int_total, item.u.integer, &int_total)) {
        fail(p, op, "integer overflow");
      }
    } else {
      total += item.tag == Tag::integer ? static_cast<double>(item.u.integer) : item.u.real;
    }
  }
  switch (op.code) {
  case OpCode::sum:
    return op.domain == Domain::integer ? Value::integer(int_total) : Value::real(total);
  case OpCode::avg:
    if (counted == 0) {
      return Value::null();
    }
    return Value::real((op.domain == Domain::integer ? static_cast<double>(int_total) : total) /
                       static_cast<double>(counted));
  default:
    return best;
  }
}

} // namespace orgaudit::expr
