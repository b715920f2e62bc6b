#include <orgaudit/choices.hpp>

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <orgaudit/core/error.hpp>
#include <orgaudit/core/text.hpp>
#include <orgaudit/report/org_view.hpp>

namespace orgaudit::cli {

namespace {

// How a choice reads in messages: `ZD-01 (党建入章)`, or the id alone.
std::string choice_text(const Choice& choice)
{
  return choice.zh.empty() || choice.zh == choice.id ? choice.id
                                                     : fmt::format("{} ({})", choice.id, choice.zh);
}

void add_rule(std::vector<Choice>& out, const rules::RuleInfo& rule)
{
  out.push_back({rule.id, rule.label.zh, rule.label.en});
}

// The organizations whose USCC or name is nearest to `given`, nearest first.
std::vector<std::size_t> nearest_organizations(const report::OrgView& view, std::size_t count,
                                               std::string_view given, std::size_t limit)
{
  std::vector<std::pair<std::size_t, std::size_t>> ranked; // distance, organization
  ranked.reserve(count);
  for (std::size_t org = 0; org < count; ++org) {
    const auto id = static_cast<std::uint32_t>(org);
    ranked.emplace_back(
        std::min(edit_distance(given, view.uscc(id)), edit_distance(given, view.name(id))), org);
  }
  const std::size_t shown = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(shown),
                    ranked.end());
  std::vector<std::size_t> nearest;
  for (std::size_t k = 0; k < shown; ++k) {
    nearest.push_back(ranked[k].second);
  }
  return nearest;
}

} // namespace

std::size_t choose(std::string_view option, std::string_view what, std::string_view given,
                   const std::vector<Choice>& choices, std::size_t listed)
{
  for (std::size_t i = 0; i < choices.size(); ++i) {
    const Choice& choice = choices[i];
    if (given == choice.id || given == choice.zh || given == choice.en) {
      return i;
    }
  }
  std::vector<std::string_view> names;
  for (const Choice& choice : choices) {
    names.insert(names.end(), {choice.id, choice.zh, choice.en});
  }
  std::string hint = ".";
  if (const auto near = closest_match(given, names)) {
    const auto index =
        static_cast<std::size_t>(std::find(names.begin(), names.end(), *near) - names.begin());
    hint = fmt::format("; did you mean {}?", choice_text(choices[index / 3]));
  }
  std::vector<std::string> list;
  for (std::size_t i = 0; i < choices.size() && i < listed; ++i) {
    list.push_back(choice_text(choices[i]));
  }
  if (choices.size() > listed) {
    list.push_back(fmt::format("… ({} in all)", choices.size()));
  }
  throw UsageError(fmt::format("{}: the rule set has no {} \"{}\"{} The {}s: {}", option, what,
                               given, hint, what, fmt::join(list, ", ")));
}

std::vector<Choice> rule_choices(const rules::RuleSet& set)
{
  std::vector<Choice> out;
  for (const rules::Indicator& indicator : set.indicators) {
    add_rule(out, indicator);
  }
  for (const auto* list : {&set.vetoes, &set.deductions, &set.bonuses}) {
    for (const rules::Condition& condition : *list) {
      add_rule(out, condition);
    }
  }
  for (const rules::Flag& flag : set.flags) {
    add_rule(out, flag);
  }
  for (const rules::Flag& flag : set.flags) {
    for (const rules::Criterion& criterion : flag.criteria) {
      add_rule(out, criterion);
    }
  }
  return out;
}

std::vector<Choice> flag_choices(const rules::RuleSet& set)
{
  std::vector<Choice> out;
  for (const rules::Flag& flag : set.flags) {
    add_rule(out, flag);
  }
  return out;
}

std::string resolve_organization(const data::Dataset& dataset, std::string_view given)
{
  if (dataset.find_organization(given)) {
    return std::string(given);
  }
  const report::OrgView view(dataset);
  const std::size_t count = dataset.organization_count();
  for (std::size_t org = 0; org < count; ++org) {
    if (view.name(static_cast<std::uint32_t>(org)) == given) {
      return std::string(view.uscc(static_cast<std::uint32_t>(org)));
    }
  }
  std::vector<std::string> nearest;
  for (const std::size_t org : nearest_organizations(view, count, given, 5)) {
    const auto id = static_cast<std::uint32_t>(org);
    nearest.push_back(fmt::format("{} ({})", view.uscc(id), view.name(id)));
  }
  throw UsageError(fmt::format("--org: no organization with USCC or name \"{}\" in the data ({} "
                               "organizations); the nearest: {}",
                               given, count, fmt::join(nearest, ", ")));
}

std::string rule_set_summary(const rules::RuleSet& set)
{
  std::vector<std::string> grades;
  for (const rules::Grade& grade : set.grades) {
    grades.push_back(fmt::format("{} ({})", grade.id, grade.label.zh));
  }
  std::vector<std::string> flags;
  for (const rules::Flag& flag : set.flags) {
    flags.push_back(fmt::format("{} ({})", flag.id, flag.label.zh));
  }
  return fmt::format("Grades, best first: {}\nFlags: {}", fmt::join(grades, ", "),
                     fmt::join(flags, ", "));
}

} // namespace orgaudit::cli
