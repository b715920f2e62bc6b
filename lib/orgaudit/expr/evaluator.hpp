#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <orgaudit/core/date.hpp>
#include <orgaudit/data/dataset.hpp>
#include <orgaudit/expr/compiler.hpp>

namespace orgaudit::expr {

// The result of evaluating one compiled expression for one organization.
// Failures of one organization's evaluation are results, never exceptions.
struct Outcome {
  enum class Kind : std::uint8_t {
    value, // `boolean` (bool programs) or `number` (number programs) holds it;
           // for `let:` values also `date`, `text` or a list's size in `number`
    null,  // missing data: the expression gave null (SPEC §4 null rules)
    error, // an evaluation error, e.g. integer overflow; `error` says what
  };
  Kind kind = Kind::null;
  bool boolean = false;
  double number = 0.0;
  Date date{};                  // a date value
  std::string text;             // a string value, or an enum value's canonical name
  bool divided_by_zero = false; // a division or % by zero gave null somewhere inside
  std::string error;            // set only when kind == error
};

// The data one evaluation read, for evidence: cells of the root table's row and
// the child rows visited. `table` indexes Dataset::tables / Schema::tables;
// `row` is the row index within that table; `column` indexes the table's columns.
struct CellRead {
  std::uint32_t table = 0;
  std::uint32_t row = 0;
  std::uint32_t column = 0;
  auto operator<=>(const CellRead&) const = default;
};

struct Evidence {
  std::vector<CellRead> reads; // in read order, may repeat
};

// Evaluates compiled programs over one dataset at one audit date. Holds scratch
// space reused across calls, so it is not thread-safe: use one per worker
// thread. Evaluating a scalar comparison allocates nothing.
class Evaluator {
 public:
  Evaluator(const data::Dataset& dataset, Date as_of);
  ~Evaluator();
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  // Evaluates `program` for organization `org` (index into the root table).
  // With `evidence`, appends every cell the evaluation read. Values of `let:`
  // names are computed once per organization and reused.
  Outcome evaluate(const Program& program, std::size_t org, Evidence* evidence = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace orgaudit::expr
