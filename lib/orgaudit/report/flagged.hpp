#pragma once

#include <cstddef>
#include <vector>

#include <orgaudit/audit/results.hpp>
#include <orgaudit/report/output.hpp>
#include <orgaudit/rules/ruleset.hpp>

// What `flag` prints for people (its other formats are the reports').
namespace orgaudit::report {

// The positions of the organizations of `results` that have one of `flags`
// (indices into the rule set's flags) raised, in order.
std::vector<std::size_t> flagged_positions(const audit::Results& results,
                                           const std::vector<std::size_t>& flags);

// One block per organization of `results`: its USCC, name, type, region and
// status, then each of `flags` raised on it with its severity and the
// criteria that matched or lacked data. Throws IoError when `out` cannot be
// written.
void render_flagged_text(const audit::Results& results, const std::vector<std::size_t>& flags,
                         rules::Lang lang, Output& out);

} // namespace orgaudit::report
