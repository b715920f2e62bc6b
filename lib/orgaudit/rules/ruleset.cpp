#include <orgaudit/rules/ruleset.hpp>

#include <cmath>

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

const RuleInfo& RuleSet::info(const RuleRef& ref) const
{
  switch (ref.kind) {
  case RuleRef::Kind::indicator:
    return indicators[ref.index];
  case RuleRef::Kind::veto:
    return vetoes[ref.index];
  case RuleRef::Kind::deduction:
    return deductions[ref.index];
  case RuleRef::Kind::bonus:
    return bonuses[ref.index];
  case RuleRef::Kind::flag:
    return flags[ref.index];
  case RuleRef::Kind::criterion:
    return flags[ref.index].criteria[ref.criterion];
  }
  return indicators[ref.index];
}

double RuleSet::points(const RuleRef& ref) const
{
  switch (ref.kind) {
  case RuleRef::Kind::indicator:
    return indicators[ref.index].points;
  case RuleRef::Kind::deduction:
    return deductions[ref.index].points;
  case RuleRef::Kind::bonus:
    return bonuses[ref.index].points;
  default:
    return std::nan("");
  }
}

std::vector<RuleRef> RuleSet::all_rules() const
{
  std::vector<RuleRef> refs;
  const auto add = [&refs](RuleRef::Kind kind, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
      refs.push_back({kind, i, 0});
    }
  };
  add(RuleRef::Kind::indicator, indicators.size());
  add(RuleRef::Kind::veto, vetoes.size());
  add(RuleRef::Kind::deduction, deductions.size());
  add(RuleRef::Kind::bonus, bonuses.size());
  add(RuleRef::Kind::flag, flags.size());
  return refs;
}

std::string_view rule_kind_name(RuleRef::Kind kind)
{
  switch (kind) {
  case RuleRef::Kind::indicator:
    return "indicator";
  case RuleRef::Kind::veto:
    return "veto";
  case RuleRef::Kind::deduction:
    return "deduction";
  case RuleRef::Kind::bonus:
    return "bonus";
  case RuleRef::Kind::flag:
    return "flag";
  case RuleRef::Kind::criterion:
    return "criterion";
  }
  return "indicator";
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
