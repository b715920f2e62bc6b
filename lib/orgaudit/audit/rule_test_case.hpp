#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <orgaudit/audit/results.hpp>
#include <orgaudit/core/yaml_document.hpp>

namespace orgaudit::audit {

// Which sides of each rule passing cases have shown, by rule id: "pass",
// "fail", "true", "false", "match", "no_match".
using CoverageSides = std::map<std::string, std::set<std::string>>;

// Compares one case's `expect:` map with the results of its single
// organization; returns one message per difference. Records the sides the
// expectations show in `sides` (the caller keeps them only if the case passed).
std::vector<std::string> check_expectations(const YAML::Node& expect, const Results& results,
                                            CoverageSides& sides);

} // namespace orgaudit::audit
