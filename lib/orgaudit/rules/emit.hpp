#pragma once

#include <string>

#include <orgaudit/rules/ruleset.hpp>

namespace orgaudit::rules {

// The effective rule set (after extends, overrides and disabled rules) as a
// self-contained YAML rule-set document that loads back to the same rules.
std::string emit_effective_ruleset(const RuleSet& ruleset);

} // namespace orgaudit::rules
