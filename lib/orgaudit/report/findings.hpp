#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/audit/evidence.hpp>
#include <orgaudit/audit/results.hpp>
#include <orgaudit/rules/ruleset.hpp>

namespace orgaudit::report {

// One finding of SPEC §5: an indicator that failed, earned partly, lacked data
// or could not be evaluated; a veto that holds; a raised flag.
struct Finding {
  rules::RuleRef rule;
  audit::Status status = audit::Status::fail; // vetoes and flags: fail
  double earned = 0;
  double points = 0;
};

// The organization's findings: indicators in rule-set order, then vetoes, then flags.
std::vector<Finding> org_findings(const audit::Results& results, std::size_t position);

// True when the organization has a finding, a deduction or an applied waiver:
// what earns it a full section in the HTML and Markdown reports.
bool needs_section(const audit::Results& results, std::size_t position);

// An evidence value as machines read it: "null", "true", "12", "3.5", or the
// string itself (enum values canonical).
std::string evidence_value(const audit::EvidenceCell& cell);

// Evidence for people, one line in `lang` with the schema's labels of columns
// and enum values, root-table cells first, then one group per child row with
// the file and line it came from: `党组织建设 未建；年度 2025，年检结论 合格
// （annual_reports.csv 第 12 行）` / `Party org: None; Year: 2025, Result:
// Qualified (annual_reports.csv line 12)`.
std::string evidence_text(const data::Dataset& dataset,
                          const std::vector<audit::EvidenceCell>& cells, rules::Lang lang);

// Appends evidence as a JSON object: root-table cells as "organizations.<column>": value,
// child rows as "<table>": [{"line": N, "<column>": value, …}], values in native JSON types.
void append_evidence_json(std::string& out, const std::vector<audit::EvidenceCell>& cells);

} // namespace orgaudit::report
