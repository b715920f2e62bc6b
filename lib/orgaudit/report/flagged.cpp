#include <orgaudit/report/flagged.hpp>

#include <fmt/format.h>

#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/org_view.hpp>

namespace orgaudit::report {

std::vector<std::size_t> flagged_positions(const audit::Results& results,
                                           const std::vector<std::size_t>& flags)
{
  std::vector<std::size_t> positions;
  for (std::size_t o = 0; o < results.size(); ++o) {
    for (std::size_t f : flags) {
      if (results.flag_raised(o, f)) {
        positions.push_back(o);
        break;
      }
    }
  }
  return positions;
}

void render_flagged_text(const audit::Results& results, const std::vector<std::size_t>& flags,
                         rules::Lang lang, Output& out)
{
  const rules::RuleSet& set = *results.ruleset;
  const OrgView view(*results.dataset);
  for (std::size_t o = 0; o < results.size(); ++o) {
    const std::uint32_t org = results.organizations[o].org;
    out.write(fmt::format("{}  {}  {} · {} · {}\n", view.uscc(org), view.name(org),
                          view.type_label(org, lang), view.region_label(org, lang),
                          view.status_label(org, lang)));
    for (std::size_t f : flags) {
      if (!results.flag_raised(o, f)) {
        continue;
      }
      const rules::Flag& flag = set.flags[f];
      out.write(
          fmt::format("  {} [{}]\n", flag.label.get(lang), severity_label(flag.severity, lang)));
      for (std::size_t c = 0; c < flag.criteria.size(); ++c) {
        const audit::CriterionStatus status = results.criterion(o, f, c);
        if (status == audit::CriterionStatus::no_match) {
          continue;
        }
        out.write(fmt::format(
            "    {} {}{}{}\n", flag.criteria[c].id, flag.criteria[c].label.get(lang),
            lang == rules::Lang::zh ? "：" : ": ", criterion_status_label(status, lang)));
      }
    }
  }
}

} // namespace orgaudit::report
