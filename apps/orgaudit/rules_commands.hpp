#pragma once

#include <string>
#include <vector>

// What `rules check`, `rules show` and `rules test` do once their options are
// bound (cmd_rules, cmd_rules_test): each returns the process exit code.
namespace orgaudit::cli {

struct RulesCheckOptions {
  std::vector<std::string> files;
  std::string schema;
  std::string waivers;
  std::string as_of; // for the waivers' expiry; empty means today
};

// Loads every rule set (and the waivers against the one given); exit 3 with
// every problem, warnings on stderr.
int run_rules_check(const RulesCheckOptions& options);

struct RulesShowOptions {
  std::string file;
  std::string schema;
  bool effective = false;
};

// Prints the rule-set file as written, or the effective rule set as YAML.
int run_rules_show(const RulesShowOptions& options);

struct RulesTestOptions {
  std::vector<std::string> paths;
  std::string require_coverage; // empty, "true" (the flag alone) or "all"
  bool verbose = false;
};

// Runs the rule tests: a line per failed case (per case with --verbose),
// coverage gaps with --require-coverage (of the rules each rule set tailors,
// or all of them with =all), and the counts; exit 1 on a failure or a gap.
int run_rules_test(const RulesTestOptions& options);

} // namespace orgaudit::cli
