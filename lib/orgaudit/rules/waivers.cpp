#include <orgaudit/rules/waivers.hpp>

#include <fmt/format.h>

#include <orgaudit/core/text.hpp>
#include <orgaudit/core/yaml_document.hpp>
#include <orgaudit/data/uscc.hpp>

namespace orgaudit::rules {

namespace {

constexpr const char* waiver_keys = "{org, rule, reason, approved_by, expires}";

std::vector<std::string_view> rule_ids(const RuleSet& ruleset)
{
  std::vector<std::string_view> ids;
  for (const auto& indicator : ruleset.indicators) {
    ids.push_back(indicator.id);
  }
  for (const auto* list : {&ruleset.vetoes, &ruleset.deductions, &ruleset.bonuses}) {
    for (const auto& condition : *list) {
      ids.push_back(condition.id);
    }
  }
  for (const auto& flag : ruleset.flags) {
    ids.push_back(flag.id);
    for (const auto& criterion : flag.criteria) {
      ids.push_back(criterion.id);
    }
  }
  return ids;
}

// The text of `key` in the waiver `node`, or nullopt (reported) when it is
// absent, empty, a list or a map.
std::optional<std::string> required_text(const YamlDocument& doc, const YAML::Node& node,
                                         const std::string& key, Diagnostics& diagnostics)
{
  const YAML::Node value = value_of(node, key);
  if (value.IsNull() || (value.IsScalar() && value.Scalar().empty())) {
    doc.error(diagnostics, node, fmt::format("the waiver has no {}:", key));
    return std::nullopt;
  }
  if (!value.IsScalar()) {
    doc.error(
        diagnostics, value,
        fmt::format("{}: must be a text, not a {}", key, value.IsSequence() ? "list" : "map"));
    return std::nullopt;
  }
  return value.Scalar();
}

// Checks one waiver and reports every problem it has; the waiver if it has none.
std::optional<Waiver> read_waiver(const YamlDocument& doc, const YAML::Node& node,
                                  const RuleSet& ruleset, const std::vector<std::string_view>& ids,
                                  Diagnostics& diagnostics)
{
  if (!node.IsMap()) {
    doc.error(diagnostics, node, fmt::format("a waiver must be a map {}", waiver_keys));
    return std::nullopt;
  }
  const std::size_t errors_before = diagnostics.error_count();
  check_keys(doc, node, {"org", "rule", "reason", "approved_by", "expires"}, "a waiver",
             diagnostics);
  const auto org = required_text(doc, node, "org", diagnostics);
  const auto rule = required_text(doc, node, "rule", diagnostics);
  const auto reason = required_text(doc, node, "reason", diagnostics);
  const auto approved_by = required_text(doc, node, "approved_by", diagnostics);
  const auto expires = required_text(doc, node, "expires", diagnostics);
  if (org && *org != "*") {
    if (const auto problem = data::uscc_problem(*org)) {
      doc.error(diagnostics, node["org"],
                fmt::format("org: \"{}\" is not a valid USCC ({}); name one organization by its "
                            "USCC, or every organization by \"*\"",
                            *org, *problem));
    }
  }
  if (rule && !ruleset.find(*rule)) {
    std::string message = fmt::format("the rule set has no rule \"{}\"", *rule);
    if (auto hint = closest_match(*rule, ids)) {
      message += fmt::format("; did you mean \"{}\"?", *hint);
    }
    doc.error(diagnostics, node["rule"], std::move(message));
  }
  const auto date = expires ? parse_date(*expires) : std::nullopt;
  if (expires && !date) {
    doc.error(diagnostics, node["expires"],
              fmt::format("expires: \"{}\" is not a date (YYYY-MM-DD)", *expires));
  }
  if (diagnostics.error_count() != errors_before) {
    return std::nullopt;
  }
  const FilePosition p = doc.position(node);
  return Waiver{*org, *rule, *reason, *approved_by, *date, {doc.path(), p.line, p.column}};
}

} // namespace

std::vector<Waiver> load_waivers(const std::string& path, const RuleSet& ruleset, Date as_of,
                                 Diagnostics& diagnostics)
{
  std::vector<Waiver> waivers;
  Diagnostics found;
  YamlDocument doc(path, found);
  const YAML::Node& root = doc.root();
  if (doc.ok() && !root.IsNull() && !root.IsSequence()) {
    doc.error(found, root, fmt::format("a waivers file must be a list of {}", waiver_keys));
  } else if (doc.ok() && root.IsSequence()) {
    const auto ids = rule_ids(ruleset);
    for (const YAML::Node& node : root) {
      auto waiver = read_waiver(doc, node, ruleset, ids, found);
      if (!waiver) {
        continue;
      }
      if (waiver->expires < as_of) {
        doc.warning(found, node["expires"],
                    fmt::format("the waiver of {} for {} expired on {}; the rule counts again",
                                waiver->rule, waiver->org, format_date(waiver->expires)));
        continue;
      }
      waivers.push_back(std::move(*waiver));
    }
  }
  found.sort();
  diagnostics.append(found);
  return waivers;
}

} // namespace orgaudit::rules
