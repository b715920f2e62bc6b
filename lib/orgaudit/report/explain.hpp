#pragma once

#include <string>

#include <orgaudit/audit/results.hpp>
#include <orgaudit/report/format.hpp>
#include <orgaudit/report/output.hpp>

// What `explain` prints of one organization (SPEC §5).
namespace orgaudit::report {

// What `explain` shows besides the results.
struct ExplainOptions {
  // Only this rule (indicator, veto, deduction, bonus, flag or criterion),
  // with its expression and basis; empty: every rule, then the points
  // recoverable.
  std::string rule;
  // The organization's trend over the recorded runs, already rendered by
  // history for the output's format (a text section, or a JSON array);
  // empty: none.
  std::string trend;
};

// The organization at position 0 of `results` in `format` (text or json):
// as text, its header, every dimension's indicators with status, points, the
// cells that decided them and the remediation of findings, the vetoes,
// deductions and bonuses that hold, the flags with their criteria, the
// waivers applied and the points each finding would recover, with labels in
// render.lang; as JSON, {"organization": …, "points_recoverable": […],
// "trend": …} with ids, not labels. The evidence and the points recoverable
// come from render.evidence and render.recoverable (left out when absent).
// Throws IoError when `out` cannot be written.
void render_explain(Format format, const audit::Results& results, const RenderOptions& render,
                    const ExplainOptions& options, Output& out);

} // namespace orgaudit::report
