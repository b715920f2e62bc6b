#include <orgaudit/report/attention.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include <orgaudit/report/findings.hpp>

namespace orgaudit::report {

namespace {

// 0 vetoed, 1 flagged, 2 failing, 3 other findings: the order of SPEC §6.
int urgency(const audit::Results& results, std::size_t position)
{
  const audit::OrgResult& org = results.organizations[position];
  if (org.vetoed) {
    return 0;
  }
  for (std::size_t f = 0; f < results.ruleset->flags.size(); ++f) {
    if (results.flag_raised(position, f)) {
      return 1;
    }
  }
  const bool last_grade = static_cast<std::size_t>(org.grade) + 1 == results.ruleset->grades.size();
  return org.grade == audit::ungraded || last_grade ? 2 : 3;
}

} // namespace

std::vector<std::size_t> attention_order(const audit::Results& results)
{
  struct Key {
    int urgency;
    double total;
    std::size_t position;
  };
  std::vector<Key> keys;
  for (std::size_t o = 0; o < results.size(); ++o) {
    if (needs_section(results, o)) {
      const double total = results.organizations[o].total;
      keys.push_back({urgency(results, o),
                      std::isnan(total) ? -std::numeric_limits<double>::infinity() : total, o});
    }
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return std::tie(a.urgency, a.total, a.position) < std::tie(b.urgency, b.total, b.position);
  });
  std::vector<std::size_t> order;
  order.reserve(keys.size());
  for (const Key& key : keys) {
    order.push_back(key.position);
  }
  return order;
}

DetailSelection
select_detail(const audit::Results& results, std::size_t limit,
              const std::function<std::size_t(std::size_t k, std::size_t position)>& bytes)
{
  DetailSelection selection;
  selection.order = attention_order(results);
  selection.automatic = limit == detail_auto;
  if (selection.automatic && bytes) {
    std::size_t used = 0;
    limit = 0;
    while (limit < selection.order.size()) {
      used += bytes(limit, selection.order[limit]);
      if (used > detail_budget) {
        break;
      }
      ++limit;
    }
  }
  selection.shown = std::min(limit, selection.order.size());
  selection.without_findings = results.size() - selection.order.size();
  selection.has_section.assign(results.size(), false);
  for (std::size_t k = 0; k < selection.shown; ++k) {
    selection.has_section[selection.order[k]] = true;
  }
  return selection;
}

} // namespace orgaudit::report
