#pragma once

#include <cstddef>
#include <limits>
#include <vector>

#include <orgaudit/audit/results.hpp>

// Which organizations get a detailed section in the reports people read
// (SPEC §6, --detail N): those needing attention most, up to a limit.
namespace orgaudit::report {

// --detail all: every organization that needs a section gets one.
inline constexpr std::size_t detail_all = std::numeric_limits<std::size_t>::max();

// The default --detail: the organizations a bureau acts on first (the
// built-in sample's vetoed ones and the first of its flagged ones), few
// enough that the report opens and prints in seconds (about 2 MB); a
// province's HTML stays far under 20 MB. The rest are in the XLSX, CSV and
// JSON reports.
inline constexpr std::size_t default_detail = 200;

// The organizations that need a section (report::needs_section), most urgent
// first: vetoed, then flagged, then failing (the last grade or ungraded),
// then the rest; within each, the lowest total first, then by USCC.
std::vector<std::size_t> attention_order(const audit::Results& results);

// The sections a report shows under a --detail limit.
struct DetailSelection {
  std::vector<std::size_t> order;   // attention_order(results)
  std::size_t shown = 0;            // the first `shown` of `order` get a section
  std::vector<bool> has_section;    // per position: its section is in the report
  std::size_t without_findings = 0; // need no section: passed everything applicable

  // Organizations that needed a section but are beyond the limit.
  std::size_t left_out() const { return order.size() - shown; }
};

// The first `limit` organizations of attention_order(results) get a section.
DetailSelection select_detail(const audit::Results& results, std::size_t limit);

} // namespace orgaudit::report
