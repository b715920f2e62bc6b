#pragma once

#include <memory>
#include <string>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/rules/ruleset.hpp>

namespace orgaudit::rules {

// The rule set built into the binary, used when --rules is not given.
inline constexpr const char* builtin_ruleset_path = "builtin:rules/zhejiang-integrity.yaml";

// Loads a rule set (SPEC §3): reads the file and its `extends` chain, applies
// overrides, loads the schema (`schema_override` if not empty, else the
// file's `schema:`), checks every rule and compiles every expression. Every
// problem is appended to `diagnostics` (SPEC §3.1); returns null if there was
// an error. Unreadable files throw IoError.
std::shared_ptr<const RuleSet> load_ruleset(const std::string& path, Diagnostics& diagnostics,
                                            const std::string& schema_override = {});

} // namespace orgaudit::rules
