#pragma once

// A small, hand-built audit for the report golden files: a minimal schema, nine
// organizations (most with hostile names), a two-dimension rule set, and
// results that hold every status, a veto, a raised flag, a waiver and an
// ungraded organization. No engine is involved: the figures are the input.

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include <orgaudit/audit/evidence.hpp>
#include <orgaudit/audit/program.hpp>
#include <orgaudit/audit/results.hpp>
#include <orgaudit/report/format.hpp>

namespace orgaudit::test {

struct ReportFixture {
  std::shared_ptr<schema::Schema> schema;
  std::shared_ptr<data::Dataset> dataset;
  std::shared_ptr<rules::RuleSet> ruleset;
  audit::Results results;
  std::unique_ptr<audit::EvidenceSource> evidence;
  audit::ProgramFigures program;
  report::RenderOptions options; // zh, tool version "TEST", every optional input set
};

// The fixture's organization names, in USCC order.
const std::vector<std::string>& fixture_names();

ReportFixture make_report_fixture();

// Reads tests/data/report/<name>; compares with `actual` and, on mismatch,
// prints the actual output (only its size when `binary`). With
// ORGAUDIT_UPDATE_GOLDEN=1 it rewrites the file.
bool matches_golden(const std::string& name, const std::string& actual, bool binary = false);

} // namespace orgaudit::test
