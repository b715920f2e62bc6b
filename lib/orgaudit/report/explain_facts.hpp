#pragma once

#include <string>
#include <vector>

#include <orgaudit/audit/evidence.hpp>
#include <orgaudit/data/dataset.hpp>
#include <orgaudit/rules/ruleset.hpp>

// The lines `explain` prints under a rule: what decided it, for people.
namespace orgaudit::report::detail {

// The evidence of one rule as lines in `lang`, one per row read (the
// organization's own cells first, then each child row with its file and
// line): `成立登记日期 2013-09-07`, `年度 2025，年检结论 合格（annual_reports.csv 第 12 行）`.
std::vector<std::string> evidence_lines(const data::Dataset& dataset,
                                        const std::vector<audit::EvidenceCell>& cells,
                                        rules::Lang lang);

// The facts of one rule as lines in `lang`: each labelled let: value it read
// (`活动截止日 2024-01-01` / `Activity cut-off date: 2024-01-01`), then each
// child table it read where the organization has no row (`活动：0 条` /
// `activities: 0 rows`).
std::vector<std::string> fact_lines(const data::Dataset& dataset, const audit::RuleFacts& facts,
                                    rules::Lang lang);

} // namespace orgaudit::report::detail
