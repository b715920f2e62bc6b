#include <orgaudit/rules/raw_ruleset.hpp>

#include <optional>
#include <vector>

#include <fmt/format.h>

namespace orgaudit::rules {

namespace {

Located at(const std::shared_ptr<const YamlDocument>& doc, const YAML::Node& node, const char* key)
{
  return {node[key], doc};
}

// The `id:` of a rule map, reported when it is missing or not a scalar.
std::string read_id(const std::shared_ptr<const YamlDocument>& doc, const YAML::Node& node,
                    std::string_view what, Diagnostics& diagnostics)
{
  const YAML::Node id = node["id"];
  if (!id.IsDefined() || id.IsNull()) {
    doc->error(diagnostics, node, fmt::format("{} without an id", what));
    return {};
  }
  if (!id.IsScalar() || id.Scalar().empty()) {
    doc->error(diagnostics, id, fmt::format("the id of a {} must be a non-empty string", what));
    return {};
  }
  return id.Scalar();
}

// Records where an element (a rule, flag or dimension, named `what` in
// messages) stands. Returns false, after a diagnostic, when it is not a map.
template <typename Raw>
bool open_element(const std::shared_ptr<const YamlDocument>& doc, const YAML::Node& node,
                  std::string_view what, Raw& element, Diagnostics& diagnostics)
{
  element.where = {node, doc};
  if (!node.IsMap()) {
    doc->error(diagnostics, node, fmt::format("a {} must be a map with an id", what));
    return false;
  }
  return true;
}

// Reads the id of an element opened by open_element.
template <typename Raw>
void read_element_id(const std::shared_ptr<const YamlDocument>& doc, const YAML::Node& node,
                     std::string_view what, Raw& element, Diagnostics& diagnostics)
{
  element.id = read_id(doc, node, what, diagnostics);
  element.id_node = at(doc, node, "id");
}

RawRule parse_rule(const std::shared_ptr<const YamlDocument>& doc, const YAML::Node& node,
                   RawRule::Kind kind, Diagnostics& diagnostics)
{
  RawRule rule;
  rule.kind = kind;
  const std::string_view what = rule_kind_name(kind);
  if (!open_element(doc, node, what, rule, diagnostics)) {
    return rule;
  }
  switch (kind) {
  case RawRule::Kind::indicator:
    check_keys(*doc, node,
               {"id", "label", "points", "applies", "pass", "score", "severity", "basis", "note",
                "proposal", "remediation", "on_missing"},
               "an indicator", diagnostics);
    break;
  case RawRule::Kind::veto:
    check_keys(*doc, node,
               {"id", "label", "when", "severity", "basis", "note", "proposal", "remediation"},
               "a veto", diagnostics);
    break;
  case RawRule::Kind::deduction:
  case RawRule::Kind::bonus:
    check_keys(
        *doc, node,
        {"id", "label", "points", "when", "severity", "basis", "note", "proposal", "remediation"},
        kind == RawRule::Kind::bonus ? "a bonus" : "a deduction", diagnostics);
    break;
  case RawRule::Kind::criterion:
  case RawRule::Kind::flag: // a flag is a RawFlag; its criteria are criterion rules
    check_keys(*doc, node, {"id", "label", "when", "basis", "note", "proposal"}, "a criterion",
               diagnostics);
    break;
  }
  read_element_id(doc, node, what, rule, diagnostics);
  rule.label = at(doc, node, "label");
  rule.points = at(doc, node, "points");
  rule.applies = at(doc, node, "applies");
  rule.pass = at(doc, node, "pass");
  rule.score = at(doc, node, "score");
  rule.when = at(doc, node, "when");
  rule.severity = at(doc, node, "severity");
  rule.basis = at(doc, node, "basis");
  rule.note = at(doc, node, "note");
  rule.proposal = at(doc, node, "proposal");
  rule.remediation = at(doc, node, "remediation");
  rule.on_missing = at(doc, node, "on_missing");
  return rule;
}

template <typename F>
void for_each_item(const std::shared_ptr<const YamlDocument>& doc, const YAML::Node& list,
                   std::string_view what, Diagnostics& diagnostics, F&& f)
{
  if (!list.IsDefined() || list.IsNull()) {
    return;
  }
  if (!list.IsSequence()) {
    doc->error(diagnostics, list, fmt::format("{} must be a list", what));
    return;
  }
  for (const YAML::Node& item : list) {
    f(item);
  }
}

// The rule lists of a rule-set document: each dimension's indicators, then
// vetoes, deductions, bonuses, flags and each flag's criteria.
std::vector<YAML::Node> rule_lists(const YAML::Node& root)
{
  std::vector<YAML::Node> lists;
  const auto add = [&](const YAML::Node& list) {
    if (list.IsSequence()) {
      lists.push_back(list);
    }
  };
  const auto add_inner = [&](const YAML::Node& list, const std::string& key) {
    for (std::size_t i = 0; list.IsSequence() && i < list.size(); ++i) {
      add(value_of(list[i], key));
    }
  };
  add_inner(value_of(root, "dimensions"), "indicators");
  for (const char* key : {"vetoes", "deductions", "bonuses", "flags"}) {
    add(value_of(root, key));
  }
  add_inner(value_of(root, "flags"), "criteria");
  return lists;
}

// The first rule past max_rules in the document, if there is one.
std::optional<YAML::Node> first_rule_over_limit(const YAML::Node& root)
{
  std::size_t rules = 0;
  for (const YAML::Node& list : rule_lists(root)) {
    if (rules + list.size() > max_rules) {
      return list[max_rules - rules];
    }
    rules += list.size();
  }
  return std::nullopt;
}

RawFlag parse_flag(const std::shared_ptr<const YamlDocument>& doc, const YAML::Node& node,
                   Diagnostics& diagnostics)
{
  RawFlag flag;
  if (!open_element(doc, node, "flag", flag, diagnostics)) {
    return flag;
  }
  check_keys(
      *doc, node,
      {"id", "label", "severity", "match", "basis", "note", "proposal", "remediation", "criteria"},
      "a flag", diagnostics);
  read_element_id(doc, node, "flag", flag, diagnostics);
  flag.label = at(doc, node, "label");
  flag.severity = at(doc, node, "severity");
  flag.match = at(doc, node, "match");
  flag.basis = at(doc, node, "basis");
  flag.note = at(doc, node, "note");
  flag.proposal = at(doc, node, "proposal");
  flag.remediation = at(doc, node, "remediation");
  const YAML::Node criteria = node["criteria"];
  if (!criteria.IsDefined() || criteria.IsNull() ||
      (criteria.IsSequence() && criteria.size() == 0)) {
    doc->error(diagnostics, node, fmt::format("flag \"{}\" has no criteria", flag.id));
  }
  for_each_item(doc, criteria, "criteria", diagnostics, [&](const YAML::Node& item) {
    flag.criteria.push_back(parse_rule(doc, item, RawRule::Kind::criterion, diagnostics));
  });
  return flag;
}

RawDimension parse_dimension(const std::shared_ptr<const YamlDocument>& doc, const YAML::Node& node,
                             Diagnostics& diagnostics)
{
  RawDimension dimension;
  if (!open_element(doc, node, "dimension", dimension, diagnostics)) {
    return dimension;
  }
  check_keys(*doc, node, {"id", "label", "weight", "indicators"}, "a dimension", diagnostics);
  read_element_id(doc, node, "dimension", dimension, diagnostics);
  dimension.label = at(doc, node, "label");
  dimension.weight = at(doc, node, "weight");
  for_each_item(doc, node["indicators"], "indicators", diagnostics, [&](const YAML::Node& item) {
    dimension.indicators.push_back(parse_rule(doc, item, RawRule::Kind::indicator, diagnostics));
  });
  return dimension;
}

} // namespace

void parse_raw_ruleset(const std::shared_ptr<const YamlDocument>& doc, RawRuleSet& raw,
                       Located& extends, Located& overrides, Diagnostics& diagnostics)
{
  const YAML::Node& root = doc->root();
  raw.root = {root, doc};
  raw.files.push_back(doc->path());
  if (!root.IsMap()) {
    doc->error_at(diagnostics, {1, 1}, "a rule set must be a YAML map (ruleset:, dimensions:, …)");
    return;
  }
  check_keys(*doc, root,
             {"ruleset", "version", "title", "schema", "extends", "overrides", "scale", "bonus_cap",
              "on_missing", "min_coverage", "grades", "veto_grade", "dimensions", "let",
              "let_labels", "vetoes", "deductions", "bonuses", "flags"},
             "the rule set", diagnostics);
  raw.ruleset = at(doc, root, "ruleset");
  raw.version = at(doc, root, "version");
  raw.title = at(doc, root, "title");
  raw.schema = at(doc, root, "schema");
  if (raw.schema.defined()) {
    raw.schema_base = doc->path();
  }
  raw.scale = at(doc, root, "scale");
  raw.bonus_cap = at(doc, root, "bonus_cap");
  raw.on_missing = at(doc, root, "on_missing");
  raw.min_coverage = at(doc, root, "min_coverage");
  raw.grades = at(doc, root, "grades");
  raw.veto_grade = at(doc, root, "veto_grade");
  extends = at(doc, root, "extends");
  overrides = at(doc, root, "overrides");

  const YAML::Node lets = root["let"];
  if (lets.IsDefined() && !lets.IsNull()) {
    if (!lets.IsMap()) {
      doc->error(diagnostics, lets, "let: must be a map of names to expressions");
    } else {
      for (const auto& entry : lets) {
        const std::string name = entry.first.Scalar();
        bool duplicate = false;
        for (const RawLet& let : raw.lets) {
          duplicate = duplicate || let.name == name;
        }
        if (duplicate) {
          doc->error(diagnostics, entry.first, fmt::format("duplicate let name \"{}\"", name));
          continue;
        }
        raw.lets.push_back({name, {entry.first, doc}, {entry.second, doc}});
      }
    }
  }
  if (const Located labels = at(doc, root, "let_labels"); labels.defined()) {
    raw.let_labels.push_back(labels);
  }
  if (const auto over = first_rule_over_limit(root)) {
    doc->error(diagnostics, *over,
               fmt::format("more than {} rules in one rule-set file", max_rules));
    return;
  }
  for_each_item(doc, root["dimensions"], "dimensions", diagnostics, [&](const YAML::Node& item) {
    raw.dimensions.push_back(parse_dimension(doc, item, diagnostics));
  });
  for_each_item(doc, root["vetoes"], "vetoes", diagnostics, [&](const YAML::Node& item) {
    raw.vetoes.push_back(parse_rule(doc, item, RawRule::Kind::veto, diagnostics));
  });
  for_each_item(doc, root["deductions"], "deductions", diagnostics, [&](const YAML::Node& item) {
    raw.deductions.push_back(parse_rule(doc, item, RawRule::Kind::deduction, diagnostics));
  });
  for_each_item(doc, root["bonuses"], "bonuses", diagnostics, [&](const YAML::Node& item) {
    raw.bonuses.push_back(parse_rule(doc, item, RawRule::Kind::bonus, diagnostics));
  });
  for_each_item(doc, root["flags"], "flags", diagnostics, [&](const YAML::Node& item) {
    raw.flags.push_back(parse_flag(doc, item, diagnostics));
  });
}

} // namespace orgaudit::rules
