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

 private:
  const Results& m_results;
  std::unique_ptr<expr::Evaluator> m_evaluator;
  mutable expr::Evidence m_reads; // reused from call to call
};

} // namespace orgaudit::audit
