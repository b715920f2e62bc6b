#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/history/run.hpp>
#include <orgaudit/history/store.hpp>

// What `history` prints: the recorded runs, or one organization's results run
// by run (its trend, which `explain --db` shows too); text for people, JSON
// for scripts (schema_version 1, numbers as numbers, ids not labels).
namespace orgaudit::history {

// One line per run: id, when it was recorded, command, as-of date, rule set,
// organizations, mean total, vetoed, flagged and the dataset's SHA-256 prefix.
std::string runs_text(const std::vector<RunInfo>& runs, rules::Lang lang);

// {"schema_version": 1, "runs": [run, …]}.
std::string runs_json(const std::vector<RunInfo>& runs);

// One run's provenance and figures as a JSON object.
void append_run_json(std::string& out, const RunInfo& run);

// The organization's total, grade, veto and raised flags per run, oldest
// first (a point whose run id is 0 is the current, unrecorded run).
std::string trajectory_text(const std::vector<TrajectoryPoint>& points, rules::Lang lang);

// The trend as `explain` prints it: a blank line, the heading, then
// trajectory_text.
std::string trend_section(const std::vector<TrajectoryPoint>& points, rules::Lang lang);

// The same as a JSON array of {run, as_of, recorded, total,
// total_without_waivers, grade, vetoed, flags}.
void append_trajectory_json(std::string& out, const std::vector<TrajectoryPoint>& points);

// {"schema_version": 1, "uscc", "name", "trajectory": […]} for `history --org`.
std::string trajectory_json(std::string_view uscc, const std::vector<TrajectoryPoint>& points);

} // namespace orgaudit::history
