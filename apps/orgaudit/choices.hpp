#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/data/dataset.hpp>
#include <orgaudit/rules/ruleset.hpp>

// What the options that name something of the rule set or the data accept
// (--fail-below, --rule, --only, --org): an id or a label in either language;
// anything else is a usage error that lists the choices and the nearest one.
namespace orgaudit::cli {

// One thing an option may name: its id and its labels.
struct Choice {
  std::string id;
  std::string zh;
  std::string en;
};

// The index of the choice `given` names (its id, zh or en label); otherwise a
// UsageError: `OPTION: the rule set has no WHAT "given"; did you mean ID
// (标签)? The WHATs: ID (标签), …`, listing at most `listed` choices.
std::size_t choose(std::string_view option, std::string_view what, std::string_view given,
                   const std::vector<Choice>& choices, std::size_t listed = 100);

// Every rule of `set` --rule may name: indicators, vetoes, deductions,
// bonuses, flags and criteria, in that order.
std::vector<Choice> rule_choices(const rules::RuleSet& set);

// The flags of `set`, as --only names them.
std::vector<Choice> flag_choices(const rules::RuleSet& set);

// The USCC `given` names: a USCC of the data or an organization's exact name;
// otherwise a UsageError naming the nearest organizations (USCC and name).
std::string resolve_organization(const data::Dataset& dataset, std::string_view given);

// The grades (best first) and flags of `set`, as --help footers list them.
std::string rule_set_summary(const rules::RuleSet& set);

} // namespace orgaudit::cli
