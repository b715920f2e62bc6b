#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <orgaudit/audit/engine.hpp>
#include <orgaudit/audit/evidence.hpp>

#include "engine_fixture.hpp"
#include "string_lists.hpp"

using namespace orgaudit;

namespace {

audit::Results small_results()
{
  const auto ruleset = engine_test::basic_ruleset();
  audit::EngineOptions options;
  options.as_of = engine_test::as_of;
  Diagnostics diagnostics;
  return audit::run_audit(ruleset, engine_test::small_dataset(*ruleset), options, diagnostics);
}

// Each cell as `table:line column=value`, the value as its kind prints it.
std::vector<std::string> cells(const std::vector<audit::EvidenceCell>& evidence)
{
  using Kind = audit::EvidenceCell::Kind;
  std::vector<std::string> out;
  for (const audit::EvidenceCell& cell : evidence) {
    std::string value;
    switch (cell.kind) {
    case Kind::null:
      value = "null";
      break;
    case Kind::boolean:
      value = cell.boolean ? "true" : "false";
      break;
    case Kind::integer:
      value = std::to_string(cell.integer);
      break;
    case Kind::number:
    case Kind::money:
      value = std::to_string(cell.number);
      break;
    case Kind::text:
      value = std::string(cell.text);
      break;
    case Kind::date:
      value = format_date(cell.date);
      break;
    }
    out.push_back(std::string(cell.table) + ":" + std::to_string(cell.line) + " " +
                  std::string(cell.column) + "=" + value);
  }
  return out;
}

using Cells = std::vector<std::string>;
using Kind = rules::RuleRef::Kind;

} // namespace

TEST_CASE("an indicator's evidence is the cells its expressions read, at their source lines")
{
  const auto results = small_results();
  const audit::TracingEvidence evidence(results);
  CHECK(cells(evidence.evidence(1, {Kind::indicator, 0})) ==
        Cells{"organizations:2 charter_party_clause=true"});
  // The chamber's T-02: the empty cell it is missing.
  CHECK(cells(evidence.evidence(0, {Kind::indicator, 1})) ==
        Cells{"organizations:5 discipline_inspector=null"});
  // T-04 reads `applies` first, then `pass`.
  CHECK(cells(evidence.evidence(0, {Kind::indicator, 3})) ==
        Cells{"organizations:5 industry_association=true", "organizations:5 dues_tiers=6"});
}

TEST_CASE("child rows come in table and row order, each cell once, null cells included")
{
  const auto results = small_results();
  const audit::TracingEvidence evidence(results);
  CHECK(cells(evidence.evidence(0, {Kind::veto, 0})) ==
        Cells{"incidents:4 kind=serious_list", "incidents:4 resolved_on=null"});
  CHECK(cells(evidence.evidence(0, {Kind::indicator, 2})) ==
        Cells{"annual_reports:5 year=2025", "annual_reports:5 result=qualified"});
}

TEST_CASE("a flag's evidence joins all its criteria, a criterion's is its own")
{
  const auto results = small_results();
  const audit::TracingEvidence evidence(results);
  CHECK(cells(evidence.evidence(3, {Kind::criterion, 0, 1})) ==
        Cells{"organizations:4 address_reachable=false"});
  CHECK(cells(evidence.evidence(2, {Kind::flag, 1})) ==
        Cells{"incidents:2 kind=warning", "incidents:3 kind=complaint"});
  // Asked again, the evidence is the same (the traced reads are reset).
  CHECK(cells(evidence.evidence(3, {Kind::criterion, 0, 1})) ==
        Cells{"organizations:4 address_reachable=false"});
}

TEST_CASE("points recoverable: what earning each finding in full adds, largest first")
{
  const auto results = small_results();
  auto gains = [&](std::size_t position) {
    std::vector<std::string> out;
    for (const audit::Recoverable& r : audit::points_recoverable(results, position)) {
      out.push_back(results.ruleset->indicators[r.indicator].id + " +" +
                    std::to_string(static_cast<int>(r.gain)));
    }
    return out;
  };
  CHECK(gains(0) == Cells{"T-02 +20", "T-04 +12"});
  // T-01 and T-02 tie and keep rule-set order; T-03 is partial.
  CHECK(gains(2) == Cells{"T-03 +30", "T-01 +20", "T-02 +20"});
  CHECK(gains(1).empty());
}
