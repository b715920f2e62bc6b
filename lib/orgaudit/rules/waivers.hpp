#pragma once

#include <string>
#include <vector>

#include <orgaudit/core/date.hpp>
#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/rules/ruleset.hpp>

namespace orgaudit::rules {

// An approved exception (SPEC §3.4): `rule` (an indicator, veto, deduction,
// bonus, flag or criterion id) does not count for `org` (a USCC, or "*" for
// every organization) until `expires`.
struct Waiver {
  std::string org;
  std::string rule;
  std::string reason;
  std::string approved_by;
  Date expires;
  SourcePos pos;
};

// Loads a waivers file. reason, approved_by and expires are required and an
// unknown rule is an error (the caller exits 3); a waiver that expired before
// `as_of` is dropped with a warning so its rule counts again. Organizations
// are checked against the data later (check_waiver_organizations).
std::vector<Waiver> load_waivers(const std::string& path, const RuleSet& ruleset, Date as_of,
                                 Diagnostics& diagnostics);

} // namespace orgaudit::rules
