#include <orgaudit/rules/raw_ruleset.hpp>

#include <fmt/format.h>

#include <orgaudit/core/text.hpp>

namespace orgaudit::rules {

namespace {

void replace_if_given(Located& target, const Located& value)
{
  if (value.defined()) {
    target = value;
  }
}

bool read_enabled(const Located& value, Diagnostics& diagnostics)
{
  if (!value.node.IsScalar() || (value.node.Scalar() != "true" && value.node.Scalar() != "false")) {
    value.doc->error(diagnostics, value.node, "enabled: must be true or false");
    return true;
  }
  return value.node.Scalar() == "true";
}

// Applies one `overrides:` entry to a rule; `keys` lists what may change.
void override_rule(RawRule& rule, const Located& entry, Diagnostics& diagnostics)
{
  const auto& doc = entry.doc;
  const YAML::Node& node = entry.node;
  switch (rule.kind) {
  case RawRule::Kind::indicator:
    check_keys(*doc, node,
               {"points", "applies", "pass", "score", "severity", "label", "basis", "remediation",
                "on_missing", "enabled"},
               fmt::format("overrides of indicator \"{}\"", rule.id), diagnostics);
    break;
  case RawRule::Kind::veto:
    check_keys(*doc, node, {"when", "severity", "label", "basis", "remediation", "enabled"},
               fmt::format("overrides of veto \"{}\"", rule.id), diagnostics);
    break;
  case RawRule::Kind::deduction:
  case RawRule::Kind::bonus:
    check_keys(*doc, node,
               {"points", "when", "severity", "label", "basis", "remediation", "enabled"},
               fmt::format("overrides of \"{}\"", rule.id), diagnostics);
    break;
  case RawRule::Kind::criterion:
    check_keys(*doc, node, {"when", "label", "basis", "enabled"},
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
  replace_if_given(rule.points, get("points"));
  replace_if_given(rule.applies, get("applies"));
  replace_if_given(rule.pass, get("pass"));
  replace_if_given(rule.score, get("score"));
  replace_if_given(rule.when, get("when"));
  replace_if_given(rule.severity, get("severity"));
  replace_if_given(rule.label, get("label"));
  replace_if_given(rule.basis, get("basis"));
  replace_if_given(rule.remediation, get("remediation"));
  replace_if_given(rule.on_missing, get("on_missing"));
  if (get("enabled").defined()) {
    rule.enabled = read_enabled(get("enabled"), diagnostics);
  }
}

void override_flag(RawFlag& flag, const Located& entry, Diagnostics& diagnostics)
{
  const auto& doc = entry.doc;
  const YAML::Node& node = entry.node;
  check_keys(*doc, node,
             {"severity", "match", "label", "basis", "remediation", "enabled", "criteria"},
             fmt::format("overrides of flag \"{}\"", flag.id), diagnostics);
  auto get = [&](const char* key) { return Located{node[key], doc}; };
  replace_if_given(flag.severity, get("severity"));
  replace_if_given(flag.match, get("match"));
  replace_if_given(flag.label, get("label"));
  replace_if_given(flag.basis, get("basis"));
  replace_if_given(flag.remediation, get("remediation"));
  if (get("enabled").defined()) {
    flag.enabled = read_enabled(get("enabled"), diagnostics);
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
  }
}

void override_dimension(RawDimension& dimension, const Located& entry, Diagnostics& diagnostics)
{
  check_keys(*entry.doc, entry.node, {"weight", "label"},
             fmt::format("overrides of dimension \"{}\"", dimension.id), diagnostics);
  replace_if_given(dimension.weight, {entry.node["weight"], entry.doc});
  replace_if_given(dimension.label, {entry.node["label"], entry.doc});
}

void apply_overrides(RawRuleSet& parent, const Located& overrides, Diagnostics& diagnostics)
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
    const Located entry{item.second, doc};
    if (!item.second.IsMap()) {
      doc->error(diagnostics, item.second, fmt::format("overrides of \"{}\" must be a map", id));
      continue;
    }
    std::vector<std::string_view> ids;
    bool found = false;
    for (RawDimension& dimension : parent.dimensions) {
      ids.push_back(dimension.id);
      if (!found && dimension.id == id) {
        override_dimension(dimension, entry, diagnostics);
        found = true;
      }
      for (RawRule& indicator : dimension.indicators) {
        ids.push_back(indicator.id);
        if (!found && indicator.id == id) {
          override_rule(indicator, entry, diagnostics);
          found = true;
        }
      }
    }
    for (auto* rules : {&parent.vetoes, &parent.deductions, &parent.bonuses}) {
      for (RawRule& rule : *rules) {
        ids.push_back(rule.id);
        if (!found && rule.id == id) {
          override_rule(rule, entry, diagnostics);
          found = true;
        }
      }
    }
    for (RawFlag& flag : parent.flags) {
      ids.push_back(flag.id);
      if (!found && flag.id == id) {
        override_flag(flag, entry, diagnostics);
        found = true;
      }
    }
    if (!found) {
      std::string message = fmt::format("overrides: the parent rule set has no rule \"{}\"", id);
      if (auto hint = closest_match(id, ids)) {
        message += fmt::format("; did you mean \"{}\"?", *hint);
      }
      doc->error(diagnostics, item.first, std::move(message));
    }
  }
}

} // namespace

void merge_child(RawRuleSet& parent, RawRuleSet child, const Located& overrides,
                 Diagnostics& diagnostics)
{
  replace_if_given(parent.ruleset, child.ruleset);
  replace_if_given(parent.version, child.version);
  replace_if_given(parent.title, child.title);
  if (child.schema.defined()) {
    parent.schema = child.schema;
    parent.schema_base = child.schema_base;
  }
  replace_if_given(parent.scale, child.scale);
  replace_if_given(parent.bonus_cap, child.bonus_cap);
  replace_if_given(parent.on_missing, child.on_missing);
  replace_if_given(parent.min_coverage, child.min_coverage);
  replace_if_given(parent.grades, child.grades);
  replace_if_given(parent.veto_grade, child.veto_grade);
  parent.root = child.root;

  for (RawLet& let : child.lets) {
    bool replaced = false;
    for (RawLet& existing : parent.lets) {
      if (existing.name == let.name) {
        existing.value = let.value;
        replaced = true;
      }
    }
    if (!replaced) {
      parent.lets.push_back(std::move(let));
    }
  }
  apply_overrides(parent, overrides, diagnostics);
  for (RawDimension& dimension : child.dimensions) {
    parent.dimensions.push_back(std::move(dimension));
  }
  for (RawRule& rule : child.vetoes) {
    parent.vetoes.push_back(std::move(rule));
  }
  for (RawRule& rule : child.deductions) {
    parent.deductions.push_back(std::move(rule));
  }
  for (RawRule& rule : child.bonuses) {
    parent.bonuses.push_back(std::move(rule));
  }
  for (RawFlag& flag : child.flags) {
    parent.flags.push_back(std::move(flag));
  }
  child.files.insert(child.files.end(), parent.files.begin(), parent.files.end());
  parent.files = std::move(child.files);
}

} // namespace orgaudit::rules
