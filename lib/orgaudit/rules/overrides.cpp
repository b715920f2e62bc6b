#include <orgaudit/rules/raw_ruleset.hpp>

#include <fmt/format.h>

#include <orgaudit/core/text.hpp>

namespace orgaudit::rules {

namespace {

// The `enabled:` of an override, if it gives one; a value that is not a bool is reported.
std::optional<bool> read_enabled(const Located& value, Diagnostics& diagnostics)
{
  if (!value.defined()) {
    return std::nullopt;
  }
  if (!value.node.IsScalar() || (value.node.Scalar() != "true" && value.node.Scalar() != "false")) {
    value.doc->error(diagnostics, value.node, "enabled: must be true or false");
    return std::nullopt;
  }
  return value.node.Scalar() == "true";
}

// The keys that describe any kind of rule (what rules::RuleInfo holds), as
// given under overrides:.
template <class Raw, class Get> void override_description(Raw& raw, const Get& get)
{
  raw.severity.replace_if_given(get("severity"));
  raw.label.replace_if_given(get("label"));
  raw.basis.replace_if_given(get("basis"));
  raw.note.replace_if_given(get("note"));
  raw.proposal.replace_if_given(get("proposal"));
  raw.remediation.replace_if_given(get("remediation"));
}

// Applies one `overrides:` entry to a rule, accepting the keys its kind may change.
void override_rule(RawRule& rule, const Located& entry, Diagnostics& diagnostics)
{
  const auto& doc = entry.doc;
  const YAML::Node& node = entry.node;
  switch (rule.kind) {
  case RawRule::Kind::indicator:
    check_keys(*doc, node,
               {"points", "applies", "pass", "score", "severity", "label", "basis", "note",
                "proposal", "remediation", "on_missing", "enabled"},
               fmt::format("overrides of indicator \"{}\"", rule.id), diagnostics);
    break;
  case RawRule::Kind::veto:
    check_keys(*doc, node,
               {"when", "severity", "label", "basis", "note", "proposal", "remediation", "enabled"},
               fmt::format("overrides of veto \"{}\"", rule.id), diagnostics);
    break;
  case RawRule::Kind::deduction:
  case RawRule::Kind::bonus:
    check_keys(*doc, node,
               {"points", "when", "severity", "label", "basis", "note", "proposal", "remediation",
                "enabled"},
               fmt::format("overrides of \"{}\"", rule.id), diagnostics);
    break;
  case RawRule::Kind::criterion:
  case RawRule::Kind::flag: // a flag is a RawFlag; its criteria are criterion rules
    check_keys(*doc, node, {"when", "label", "basis", "note", "proposal", "enabled"},
               fmt::format("overrides of criterion \"{}\"", rule.id), diagnostics);
    break;
  }
  auto get = [&](const char* key) { return Located{node[key], doc}; };
  // A new pass: replaces a parent's score: and the other way round.
  if (get("pass").defined()) {
    rule.score = {};
  }
  if (get("score").defined()) {
    rule.pass = {};
  }
  rule.points.replace_if_given(get("points"));
  rule.applies.replace_if_given(get("applies"));
  rule.pass.replace_if_given(get("pass"));
  rule.score.replace_if_given(get("score"));
  rule.when.replace_if_given(get("when"));
  override_description(rule, get);
  rule.on_missing.replace_if_given(get("on_missing"));
  if (const auto enabled = read_enabled(get("enabled"), diagnostics)) {
    rule.enabled = *enabled;
    rule.enabled_node = get("enabled");
  }
}

void override_flag(RawFlag& flag, const Located& entry, std::set<std::string>& changed,
                   Diagnostics& diagnostics)
{
  const auto& doc = entry.doc;
  const YAML::Node& node = entry.node;
  check_keys(*doc, node,
             {"severity", "match", "label", "basis", "note", "proposal", "remediation", "enabled",
              "criteria"},
             fmt::format("overrides of flag \"{}\"", flag.id), diagnostics);
  auto get = [&](const char* key) { return Located{node[key], doc}; };
  flag.match.replace_if_given(get("match"));
  override_description(flag, get);
  if (const auto enabled = read_enabled(get("enabled"), diagnostics)) {
    flag.enabled = *enabled;
  }
  const YAML::Node criteria = node["criteria"];
  if (!criteria.IsDefined() || criteria.IsNull()) {
    return;
  }
  if (!criteria.IsMap()) {
    doc->error(diagnostics, criteria, "criteria: in overrides must map criterion ids to changes");
    return;
  }
  for (const auto& item : criteria) {
    const std::string id = item.first.Scalar();
    RawRule* target = nullptr;
    std::vector<std::string_view> names;
    for (RawRule& criterion : flag.criteria) {
      names.push_back(criterion.id);
      if (criterion.id == id) {
        target = &criterion;
      }
    }
    if (target == nullptr) {
      std::string message = fmt::format("flag \"{}\" has no criterion \"{}\"", flag.id, id);
      if (auto hint = closest_match(id, names)) {
        message += fmt::format("; did you mean \"{}\"?", *hint);
      }
      doc->error(diagnostics, item.first, std::move(message));
      continue;
    }
    if (!item.second.IsMap()) {
      doc->error(diagnostics, item.second,
                 fmt::format("overrides of criterion \"{}\" must be a map", id));
      continue;
    }
    override_rule(*target, {item.second, doc}, diagnostics);
    changed.insert(id);
  }
}

void override_dimension(RawDimension& dimension, const Located& entry, Diagnostics& diagnostics)
{
  check_keys(*entry.doc, entry.node, {"weight", "label"},
             fmt::format("overrides of dimension \"{}\"", dimension.id), diagnostics);
  dimension.weight.replace_if_given({entry.node["weight"], entry.doc});
  dimension.label.replace_if_given({entry.node["label"], entry.doc});
}

// Finds the dimension or rule `id` names in `parent` and applies `entry` to
// it; false if the parent has no such id. Collects every id it passes in `ids`.
bool override_one(RawRuleSet& parent, const std::string& id, const Located& entry,
                  std::set<std::string>& changed, std::vector<std::string_view>& ids,
                  Diagnostics& diagnostics)
{
  bool found = false;
  auto rule = [&](RawRule& candidate) {
    ids.push_back(candidate.id);
    if (!found && candidate.id == id) {
      override_rule(candidate, entry, diagnostics);
      changed.insert(id);
      found = true;
    }
  };
  for (RawDimension& dimension : parent.dimensions) {
    ids.push_back(dimension.id);
    if (!found && dimension.id == id) {
      override_dimension(dimension, entry, diagnostics);
      found = true;
    }
    for (RawRule& indicator : dimension.indicators) {
      rule(indicator);
    }
  }
  for (auto* rules : {&parent.vetoes, &parent.deductions, &parent.bonuses}) {
    for (RawRule& candidate : *rules) {
      rule(candidate);
    }
  }
  for (RawFlag& flag : parent.flags) {
    ids.push_back(flag.id);
    if (!found && flag.id == id) {
      override_flag(flag, entry, changed, diagnostics);
      changed.insert(id);
      found = true;
    }
  }
  return found;
}

} // namespace

void apply_overrides(RawRuleSet& parent, const Located& overrides, std::set<std::string>& changed,
                     Diagnostics& diagnostics)
{
  if (!overrides.defined()) {
    return;
  }
  const auto& doc = overrides.doc;
  if (!overrides.node.IsMap()) {
    doc->error(diagnostics, overrides.node, "overrides: must map rule ids to changes");
    return;
  }
  for (const auto& item : overrides.node) {
    const std::string id = item.first.Scalar();
    if (!item.second.IsMap()) {
      doc->error(diagnostics, item.second, fmt::format("overrides of \"{}\" must be a map", id));
      continue;
    }
    std::vector<std::string_view> ids;
    if (!override_one(parent, id, {item.second, doc}, changed, ids, diagnostics)) {
      std::string message = fmt::format("overrides: the parent rule set has no rule \"{}\"", id);
      if (auto hint = closest_match(id, ids)) {
        message += fmt::format("; did you mean \"{}\"?", *hint);
      }
      doc->error(diagnostics, item.first, std::move(message));
    }
  }
}

} // namespace orgaudit::rules
