#include <orgaudit/rules/ruleset.hpp>

namespace orgaudit::rules {

const std::string& Label::get(Lang lang) const
{
  const std::string& wanted = lang == Lang::zh ? zh : en;
  return wanted.empty() ? (lang == Lang::zh ? en : zh) : wanted;
}

std::string_view severity_name(Severity severity)
{
  switch (severity) {
  case Severity::info:
    return "info";
  case Severity::low:
    return "low";
  case Severity::medium:
    return "medium";
  case Severity::high:
    return "high";
  case Severity::critical:
    return "critical";
  }
  return "medium";
}

std::optional<Severity> parse_severity(std::string_view text)
{
  for (Severity s :
       {Severity::info, Severity::low, Severity::medium, Severity::high, Severity::critical}) {
    if (severity_name(s) == text) {
      return s;
    }
  }
  return std::nullopt;
}

std::optional<RuleRef> RuleSet::find(std::string_view rule_id) const
{
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    if (indicators[i].id == rule_id) {
      return RuleRef{RuleRef::Kind::indicator, i, 0};
    }
  }
  const std::pair<const std::vector<Condition>*, RuleRef::Kind> kinds[] = {
      {&vetoes, RuleRef::Kind::veto},
      {&deductions, RuleRef::Kind::deduction},
      {&bonuses, RuleRef::Kind::bonus}};
  for (const auto& [list, kind] : kinds) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      if ((*list)[i].id == rule_id) {
        return RuleRef{kind, i, 0};
      }
    }
  }
  for (std::size_t f = 0; f < flags.size(); ++f) {
    if (flags[f].id == rule_id) {
      return RuleRef{RuleRef::Kind::flag, f, 0};
    }
    for (std::size_t c = 0; c < flags[f].criteria.size(); ++c) {
      if (flags[f].criteria[c].id == rule_id) {
        return RuleRef{RuleRef::Kind::criterion, f, c};
      }
    }
  }
  return std::nullopt;
}

bool RuleSet::own_rule(std::string_view rule_id) const
{
  return !extends_parent || tailored.contains(rule_id);
}

std::optional<std::size_t> RuleSet::grade_index(std::string_view grade_id) const
{
  for (std::size_t i = 0; i < grades.size(); ++i) {
    if (grades[i].id == grade_id) {
      return i;
    }
  }
  return std::nullopt;
}

} // namespace orgaudit::rules
