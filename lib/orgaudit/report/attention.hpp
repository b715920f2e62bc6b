#pragma once

#include <cstddef>
#include <functional>
#include <limits>
#include <vector>

#include <orgaudit/audit/results.hpp>

// Which organizations get a detailed section in the reports people read
// (SPEC §6, --detail N): those needing attention most, up to a limit.
namespace orgaudit::report {

// --detail all: every organization that needs a section gets one.
inline constexpr std::size_t detail_all = std::numeric_limits<std::size_t>::max();

// The default --detail: as many organizations as fit in detail_budget bytes
// of the report, most urgent first.
inline constexpr std::size_t detail_auto = std::numeric_limits<std::size_t>::max() - 1;
inline constexpr std::size_t default_detail = detail_auto;

// What the default --detail lets the organizations' details take of a report:
// every organization of a city or county (the built-in sample's 3,500 take
// about 7 MB of HTML), while a province's HTML report stays under 20 MB and
// opens in a browser in seconds. The rest are in the XLSX, CSV and JSON reports.
inline constexpr std::size_t detail_budget = 16'000'000;

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
  bool automatic = false;           // the limit was detail_auto

  // Organizations that needed a section but are beyond the limit.
  std::size_t left_out() const { return order.size() - shown; }
};

// The first `limit` organizations of attention_order(results) get a section;
// under detail_auto, as many as fit in detail_budget, where bytes(k, position)
// is what the k-th of them adds to the report.
DetailSelection
select_detail(const audit::Results& results, std::size_t limit,
              const std::function<std::size_t(std::size_t k, std::size_t position)>& bytes = {});

} // namespace orgaudit::report
