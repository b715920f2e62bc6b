#include <orgaudit/history/fingerprint.hpp>

#include <set>
#include <string_view>

#include <fmt/format.h>

#include <orgaudit/core/sha256.hpp>

namespace orgaudit::history {

namespace {

bool identifier_char(char c, bool first)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         (!first && c >= '0' && c <= '9');
}

// Every identifier-like word of an expression. Words inside string literals
// are included too; at worst that adds an unused let to the fingerprint.
std::set<std::string, std::less<>> words(std::string_view source)
{
  std::set<std::string, std::less<>> out;
  std::size_t i = 0;
  while (i < source.size()) {
    if (!identifier_char(source[i], true)) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < source.size() && identifier_char(source[end], false)) {
      ++end;
    }
    out.emplace(source.substr(i, end - i));
    i = end;
  }
  return out;
}

// The definitions of the lets `sources` use, directly or through other lets,
// in definition order.
std::string used_lets(const rules::RuleSet& set, const std::vector<std::string>& sources)
{
  std::set<std::string, std::less<>> pending;
  for (const std::string& source : sources) {
    pending.merge(words(source));
  }
  std::set<std::size_t> used;
  bool grew = true;
  while (grew) {
    grew = false;
    for (std::size_t l = 0; l < set.lets.size(); ++l) {
      if (used.count(l) == 0 && pending.count(set.lets[l].first) > 0) {
        used.insert(l);
        pending.merge(words(set.lets[l].second));
        grew = true;
      }
    }
  }
  std::string out;
  for (std::size_t l : used) {
    out += fmt::format("let {} = {}\n", set.lets[l].first, set.lets[l].second);
  }
  return out;
}

std::string condition_text(std::string_view kind, const rules::Condition& rule)
{
  return fmt::format("{} {}\npoints {}\nseverity {}\nwhen {}\n", kind, rule.id, rule.points,
                     rules::severity_name(rule.severity), rule.when.source);
}

} // namespace

std::string rule_fingerprint(const rules::RuleSet& set, const rules::RuleRef& rule)
{
  std::string text;
  std::vector<std::string> sources;
  switch (rule.kind) {
  case rules::RuleRef::Kind::indicator: {
    const rules::Indicator& indicator = set.indicators[rule.index];
    const std::optional<rules::Expression>& expression =
        indicator.pass ? indicator.pass : indicator.score;
    const std::string source = expression ? expression->source : std::string();
    text = fmt::format("indicator {}\ndimension {}\npoints {}\nseverity {}\non_missing {}\n"
                       "applies {}\n{} {}\n",
                       indicator.id, set.dimensions[indicator.dimension].id, indicator.points,
                       rules::severity_name(indicator.severity),
                       indicator.on_missing == rules::OnMissing::fail ? "fail" : "exclude",
                       indicator.applies ? indicator.applies->source : std::string(),
                       indicator.pass ? "pass" : "score", source);
    sources.push_back(source);
    if (indicator.applies) {
      sources.push_back(indicator.applies->source);
    }
    break;
  }
  case rules::RuleRef::Kind::veto:
    text = condition_text("veto", set.vetoes[rule.index]);
    sources.push_back(set.vetoes[rule.index].when.source);
    break;
  case rules::RuleRef::Kind::deduction:
    text = condition_text("deduction", set.deductions[rule.index]);
    sources.push_back(set.deductions[rule.index].when.source);
    break;
  case rules::RuleRef::Kind::bonus:
    text = condition_text("bonus", set.bonuses[rule.index]);
    sources.push_back(set.bonuses[rule.index].when.source);
    break;
  case rules::RuleRef::Kind::flag: {
    const rules::Flag& flag = set.flags[rule.index];
    text = fmt::format("flag {}\nseverity {}\nmatch {} {}\n", flag.id,
                       rules::severity_name(flag.severity), static_cast<int>(flag.match),
                       flag.at_least);
    for (const rules::Criterion& criterion : flag.criteria) {
      text += fmt::format("criterion {} when {}\n", criterion.id, criterion.when.source);
      sources.push_back(criterion.when.source);
    }
    break;
  }
  case rules::RuleRef::Kind::criterion: {
    const rules::Criterion& criterion = set.flags[rule.index].criteria[rule.criterion];
    text = fmt::format("criterion {}\nflag {}\nwhen {}\n", criterion.id, set.flags[rule.index].id,
                       criterion.when.source);
    sources.push_back(criterion.when.source);
    break;
  }
  }
  text += used_lets(set, sources);
  return sha256_hex(text);
}

} // namespace orgaudit::history
