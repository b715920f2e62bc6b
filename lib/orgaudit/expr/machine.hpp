#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <orgaudit/expr/evaluator.hpp>
#include <orgaudit/expr/program.hpp>
#include <orgaudit/expr/value.hpp>

namespace orgaudit::expr {

// Thrown inside the machine only, for an evaluation error (integer overflow,
// a string that is not a number); evaluate() turns it into an Outcome.
struct EvaluationFailure {
  std::string message;
};

// Bump storage for strings made during evaluation (`+`, string()); reset,
// keeping its memory, when the organization changes.
class StringArena {
 public:
  std::string_view store(std::string_view a, std::string_view b = {});
  void reset()
  {
    m_chunk = 0;
    m_used = 0;
  }
  // A point to rewind to: strings stored after it are dropped.
  std::pair<std::size_t, std::size_t> mark() const { return {m_chunk, m_used}; }
  void rewind(std::pair<std::size_t, std::size_t> to)
  {
    m_chunk = to.first;
    m_used = to.second;
  }

 private:
  std::vector<std::unique_ptr<char[]>> m_chunks;
  std::vector<std::size_t> m_capacities;
  std::size_t m_chunk = 0;
  std::size_t m_used = 0;
};

// The interpreter behind Evaluator: a switch over pre-resolved instructions,
// with scratch space reused across organizations.
class Machine {
 public:
  Machine(const data::Dataset& dataset, Date as_of) : m_data(dataset), m_as_of(as_of) {}

  Outcome evaluate(const Program& program, std::size_t org, Evidence* evidence);

 private:
  Value eval(const Program& p, std::uint32_t index);
  Value eval_arithmetic(const Program& p, const Op& op);
  Value eval_call(const Program& p, const Op& op);
  Value eval_macro(const Program& p, const Op& op);
  Value eval_aggregate(const Program& p, const Op& op);
  Value eval_sort(const Program& p, const Op& op);
  Value eval_let(const Program& p, const Op& op);
  Value eval_in(const Program& p, const Op& op);
  Value eval_list_comparison(const Program& p, const Op& op);
  Value read(std::uint32_t table, std::uint32_t column, schema::ColumnType type, std::uint32_t row);
  Value element(const Value& list, std::uint32_t i) const
  {
    return list.tag == Value::Tag::rows ? Value::row(list.table, list.begin + i)
                                        : m_scratch[list.begin + i];
  }
  // Moves the pending values from `mark` on into a new scratch list.
  Value take_pending(std::size_t mark);
  Value& local(std::uint32_t slot) { return m_locals[m_base + slot]; }
  void reset_for(const Program& program, std::size_t org);
  [[noreturn]] void fail(const Program& p, const Op& op, std::string_view what) const;

  const data::Dataset& m_data;
  Date m_as_of;
  std::uint32_t m_org = 0;
  Evidence* m_evidence = nullptr;
  bool m_divided_by_zero = false;
  std::vector<Value> m_scratch;
  std::vector<Value> m_pending;
  std::vector<Value> m_keys;
  std::vector<std::uint32_t> m_order;
  std::vector<std::uint32_t> m_order_buffer;
  std::vector<Value> m_locals;
  std::uint32_t m_base = 0;
  StringArena m_strings;

  // Scratch lists and strings up to these marks may belong to cached let:
  // values; what lies past them is dropped at the next evaluation.
  std::size_t m_scratch_keep = 0;
  std::pair<std::size_t, std::size_t> m_strings_keep{0, 0};

  std::uint64_t m_cache_serial = 0;
  std::size_t m_cache_org = static_cast<std::size_t>(-1);
  std::vector<std::uint8_t> m_let_state; // 0 not computed, 1 computed, 2 computed with evidence
  std::vector<std::uint8_t> m_let_divided;
  std::vector<Value> m_let_values;
  std::vector<std::vector<CellRead>> m_let_reads;
};

// Orders two non-null values of one domain: negative, zero or positive.
int compare_values(const Value& a, const Value& b, Domain domain);

} // namespace orgaudit::expr
