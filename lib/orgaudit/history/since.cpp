#include <orgaudit/history/since.hpp>

#include <map>

#include <orgaudit/history/labels.hpp>

namespace orgaudit::history {

report::SinceLastRun since_last_run(const Diff& diff, rules::Lang lang)
{
  report::SinceLastRun since;
  since.previous = describe_run(diff.from->info, lang);
  std::array<std::map<std::string_view, std::size_t>, report::change_kind_count> positions;
  for (const Change& change : diff.changes) {
    const OrgOutcome& org = organization_of(change);
    const auto k = static_cast<std::size_t>(change.kind);
    auto& list = since.changes[k];
    const std::string detail = change_detail(diff, change, lang);
    auto [it, added] = positions[k].emplace(org.uscc, list.size());
    if (added) {
      list.push_back({org.uscc, org.name, detail});
    } else {
      list[it->second].detail += "; " + detail;
    }
  }
  return since;
}

} // namespace orgaudit::history
