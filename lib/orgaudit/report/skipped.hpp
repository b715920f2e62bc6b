#pragma once

#include <string>

#include <orgaudit/data/dataset.hpp>
#include <orgaudit/report/output.hpp>
#include <orgaudit/rules/ruleset.hpp>

// The rows --lenient left out (data::Dataset::skipped_rows), as the reports
// show them, so that no skipped row goes unsaid.
namespace orgaudit::report {

// One sentence for the human reports: how many rows were skipped and the
// organizations among them (the first 20 named, "name (USCC)"), in `lang`;
// "" when none was.
std::string skipped_sentence(const data::Dataset& dataset, rules::Lang lang);

// Writes every skipped row as CSV (file, line, USCC, name, reason; headers in
// `lang`, a UTF-8 byte-order mark first with `bom`, records ending in CRLF).
void render_skipped_csv(const data::Dataset& dataset, rules::Lang lang, bool bom, Output& out);

// Appends the JSON fields `"skipped_rows": N, "skipped_organizations": […]`
// (each organization's uscc, name, file, line and reason), with a leading
// ", "; nothing when no row was skipped.
void append_skipped_json(std::string& out, const data::Dataset& dataset);

} // namespace orgaudit::report
