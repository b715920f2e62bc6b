#pragma once

#include <orgaudit/sample/plan.hpp>

namespace orgaudit::sample {

// Closes organizations of `plan` (status, closed_on, closed_reason): the
// targets.dormant_cleared zombies cleared on the bureau's batch days, and
// smaller numbers closed voluntarily, by merger or for a violation, which no
// program figure counts. Never a demonstration unit.
void close_organizations(SamplePlan& plan);

} // namespace orgaudit::sample
