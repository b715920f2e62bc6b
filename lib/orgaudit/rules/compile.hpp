#pragma once

#include <memory>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/rules/raw_ruleset.hpp>
#include <orgaudit/rules/ruleset.hpp>

namespace orgaudit::rules {

// The last phase of loading: checks the merged raw rule set against SPEC §3.1
// and compiles its expressions against `schema`. Appends every problem to
// `diagnostics`; the returned rule set is only meaningful if none is an error.
std::shared_ptr<RuleSet> compile_ruleset(const RawRuleSet& raw,
                                         std::shared_ptr<const schema::Schema> schema,
                                         Diagnostics& diagnostics);

} // namespace orgaudit::rules
