#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <orgaudit/audit/results.hpp>
#include <orgaudit/core/date.hpp>
#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/data/dataset.hpp>
#include <orgaudit/rules/ruleset.hpp>
#include <orgaudit/rules/waivers.hpp>

namespace orgaudit::audit {

struct EngineOptions {
  Date as_of;
  unsigned jobs = 1; // worker threads; results never depend on it
  std::vector<std::string>
      organizations;                // --org: only these USCCs (empty: all); others are ignored
  std::vector<std::string> regions; // --region: only these region codes (empty: all)
  std::vector<rules::Waiver> waivers;
  // Called now and then from worker threads with the number of organizations
  // done so far (for a progress bar); may be empty.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

// Scores and flags every selected organization (SPEC §3.2) on all `jobs`
// threads, each writing its own slice of the results, so the output never
// depends on thread timing. Waivers naming an organization that is not in the
// dataset are errors (exit 3), appended to `diagnostics` at the waiver's
// place; the results are then empty.
Results run_audit(std::shared_ptr<const rules::RuleSet> ruleset,
                  std::shared_ptr<const data::Dataset> dataset, const EngineOptions& options,
                  Diagnostics& diagnostics);

} // namespace orgaudit::audit
