#pragma once

#include <orgaudit/history/diff.hpp>
#include <orgaudit/report/since_last_run.hpp>

namespace orgaudit::history {

// What the reports show of `diff` (from the last recorded run to this one),
// in `lang`: per kind, one entry per organization, in the diff's order, its
// details joined by "; ".
report::SinceLastRun since_last_run(const Diff& diff, rules::Lang lang);

} // namespace orgaudit::history
