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

// Loads a waivers file and appends every problem of every waiver to
// `diagnostics`, sorted by line: a malformed file, unknown or duplicate keys,
// a missing (or non-text) org, rule, reason, approved_by or expires, an org
// that is not a valid USCC or "*", an unknown rule (with "did you mean") and
// a bad date are errors (the caller exits 3); a waiver that expired before
// `as_of` is dropped with a warning so its rule counts again. Whether an org is
// in the data is checked by the engine (audit::run_audit), which has the data.
std::vector<Waiver> load_waivers(const std::string& path, const RuleSet& ruleset, Date as_of,
                                 Diagnostics& diagnostics);

} // namespace orgaudit::rules
