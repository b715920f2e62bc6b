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

// An evidence value as text: "null", "true", "12", "3.5", or the string itself.
std::string evidence_value(const audit::EvidenceCell& cell);

// Evidence for people, one line: `organizations.party_org = none;
// annual_reports line 12: year = 2025, result = qualified`.
std::string evidence_text(const std::vector<audit::EvidenceCell>& cells);

// Appends evidence as a JSON object: root-table cells as "organizations.<column>": value,
// child rows as "<table>": [{"line": N, "<column>": value, …}], values in native JSON types.
void append_evidence_json(std::string& out, const std::vector<audit::EvidenceCell>& cells);

} // namespace orgaudit::report
