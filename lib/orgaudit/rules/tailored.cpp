#include <orgaudit/rules/raw_ruleset.hpp>

#include <orgaudit/expr/lexer.hpp>

namespace orgaudit::rules {

namespace {

// True if the expression in `value` names one of `lets`: an identifier that
// does not follow a dot (which would make it a column or a method). A macro's
// variable spelled like a let counts too: one rule too many to test, never one
// too few.
bool reads_any(const Located& value, const std::set<std::string>& lets)
{
  if (lets.empty() || !value.defined() || !value.node.IsScalar()) {
    return false;
  }
  std::vector<expr::Problem> problems;
  const std::vector<expr::Token> tokens = expr::tokenize(value.node.Scalar(), problems);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == expr::TokenKind::identifier &&
        (i == 0 || tokens[i - 1].kind != expr::TokenKind::dot) && lets.contains(tokens[i].text)) {
      return true;
    }
  }
  return false;
}

bool rule_reads_any(const RawRule& rule, const std::set<std::string>& lets)
{
  return reads_any(rule.applies, lets) || reads_any(rule.pass, lets) ||
         reads_any(rule.score, lets) || reads_any(rule.when, lets);
}

} // namespace

std::set<std::string> tailored_rules(const RawRuleSet& raw)
{
  // A let reads only the lets above it, so one pass in order finds every let
  // that depends on a replaced one.
  std::set<std::string> changed_lets = raw.replaced_lets;
  for (const RawLet& let : raw.lets) {
    if (reads_any(let.value, changed_lets)) {
      changed_lets.insert(let.name);
    }
  }
  std::set<std::string> rules = raw.changed_rules;
  for (const RawDimension& dimension : raw.dimensions) {
    for (const RawRule& indicator : dimension.indicators) {
      if (rule_reads_any(indicator, changed_lets)) {
        rules.insert(indicator.id);
      }
    }
  }
  for (const auto* list : {&raw.vetoes, &raw.deductions, &raw.bonuses}) {
    for (const RawRule& rule : *list) {
      if (rule_reads_any(rule, changed_lets)) {
        rules.insert(rule.id);
      }
    }
  }
  for (const RawFlag& flag : raw.flags) {
    for (const RawRule& criterion : flag.criteria) {
      if (rule_reads_any(criterion, changed_lets)) {
        rules.insert(criterion.id);
        rules.insert(flag.id);
      }
    }
  }
  return rules;
}

} // namespace orgaudit::rules
