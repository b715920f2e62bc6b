#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <memory>

#include <orgaudit/audit/results.hpp>
#include <orgaudit/core/date.hpp>
#include <orgaudit/expr/evaluator.hpp>
#include <orgaudit/expr/types.hpp>
#include <orgaudit/rules/ruleset.hpp>

namespace orgaudit::audit {

// One cell an evaluation read, ready to print: which row of which table, which
// column, and its value. The names and text point into the schema and the
// dataset, so a cell is valid as long as the results it came from.
struct EvidenceCell {
  enum class Kind : std::uint8_t { null, boolean, integer, number, money, text, date };
  std::string_view table; // "organizations", "annual_reports", …
  std::uint32_t line = 0; // the row's physical line in its source file
  std::string_view column;
  Kind kind = Kind::null;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0;     // Kind::number and Kind::money
  std::string_view text; // strings, USCCs and enum values (canonical)
  Date date{};           // Kind::date
};

// A let: value with a label (`let_labels:`) that a rule read for one
// organization: a cut-off date, a window, a limit.
struct RuleValue {
  std::string_view name;               // the let's name
  const rules::Label* label = nullptr; // its label in the rule set
  expr::Type type;                     // the let's type (enum values name their column)
  expr::Outcome value;                 // null, a value (a list's size in `number`) or an error
};

// What decided a rule for one organization besides the cells it read.
struct RuleFacts {
  // The labelled lets its expressions read, directly or through other lets,
  // in definition order.
  std::vector<RuleValue> values;
  // The child tables its expressions read in which the organization has no
  // row (a table the dataset lacks is unknown, not empty, and not listed).
  std::vector<std::uint32_t> empty_tables;
};

// The cells that decided a rule for one organization: what reports show as
// evidence. Each cell appears once, root-table cells first, then child rows in
// table and row order.
class EvidenceSource {
 public:
  virtual ~EvidenceSource() = default;
  // `position` indexes Results::organizations; for a flag, the evidence of all
  // its criteria.
  virtual std::vector<EvidenceCell> evidence(std::size_t position,
                                             const rules::RuleRef& rule) const = 0;
  // The labelled let: values and empty child tables of the rule for the
  // organization at `position`; none unless the source computes them.
  virtual RuleFacts facts(std::size_t /*position*/, const rules::RuleRef& /*rule*/) const
  {
    return {};
  }
};

// What fixing one failed, partial or missing indicator would add to the total.
struct Recoverable {
  std::size_t indicator = 0; // index into RuleSet::indicators
  double gain = 0; // total with the indicator earned in full − current total, 2 decimals
};

// The organization's recoverable points, largest gain first (ties in rule-set
// order); indicators with no gain are left out.
std::vector<Recoverable> points_recoverable(const Results& results, std::size_t position);

} // namespace orgaudit::audit

namespace orgaudit::audit {

// Evidence by re-evaluating the rule for the organization with read tracing
// on: the results themselves stay small, and evidence is only made for what a
// report shows. Not thread-safe (it keeps one evaluator).
class TracingEvidence : public EvidenceSource {
 public:
  explicit TracingEvidence(const Results& results);
  ~TracingEvidence() override;
  std::vector<EvidenceCell> evidence(std::size_t position,
                                     const rules::RuleRef& rule) const override;
  RuleFacts facts(std::size_t position, const rules::RuleRef& rule) const override;

 private:
  const Results& m_results;
  std::unique_ptr<expr::Evaluator> m_evaluator;
  mutable expr::Evidence m_reads; // reused from call to call
};

} // namespace orgaudit::audit
