#pragma once

#include <string>

#include <orgaudit/rules/ruleset.hpp>

namespace orgaudit::history {

// The SHA-256 (hex) of what decides a rule's outcome: its kind and id, points,
// severity, expressions (applies, pass or score, when; a flag's match and its
// criteria), on_missing, and the `let:` definitions its expressions use,
// directly or through other lets. Labels, basis and remediation are left out,
// so rewording a rule does not count as changing it.
std::string rule_fingerprint(const rules::RuleSet& ruleset, const rules::RuleRef& rule);

} // namespace orgaudit::history
