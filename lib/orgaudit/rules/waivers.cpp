#include <orgaudit/rules/waivers.hpp>

#include <fmt/format.h>

#include <orgaudit/core/text.hpp>
#include <orgaudit/rules/yaml_document.hpp>

namespace orgaudit::rules {

namespace {

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

} // namespace

std::vector<Waiver> load_waivers(const std::string& path, const RuleSet& ruleset, Date as_of,
                                 Diagnostics& diagnostics)
{
  std::vector<Waiver> waivers;
  YamlDocument doc(path, diagnostics);
  if (!doc.ok()) {
    return waivers;
  }
  const YAML::Node& root = doc.root();
  if (root.IsNull()) {
    return waivers;
  }
  if (!root.IsSequence()) {
    doc.error_at(diagnostics, {1, 1},
                 "a waivers file must be a list of {org, rule, reason, approved_by, expires}");
    return waivers;
  }
  const auto ids = rule_ids(ruleset);
  for (const YAML::Node& node : root) {
    if (!node.IsMap()) {
      doc.error(diagnostics, node,
                "a waiver must be a map {org, rule, reason, approved_by, expires}");
      continue;
    }
    check_keys(doc, node, {"org", "rule", "reason", "approved_by", "expires"}, "a waiver",
               diagnostics);
    Waiver waiver;
    const FilePosition p = doc.position(node);
    waiver.pos = {path, p.line, p.column};
    bool complete = true;
    auto required = [&](const char* key, std::string& out) {
      const YAML::Node value = node[key];
      if (!value.IsDefined() || value.IsNull() || !value.IsScalar() || value.Scalar().empty()) {
        doc.error(diagnostics, node, fmt::format("the waiver has no {}:", key));
        complete = false;
        return;
      }
      out = value.Scalar();
    };
    std::string expires;
    required("org", waiver.org);
    required("rule", waiver.rule);
    required("reason", waiver.reason);
    required("approved_by", waiver.approved_by);
    required("expires", expires);
    if (!complete) {
      continue;
    }
    if (!ruleset.find(waiver.rule)) {
      std::string message = fmt::format("the rule set has no rule \"{}\"", waiver.rule);
      if (auto hint = closest_match(waiver.rule, ids)) {
        message += fmt::format("; did you mean \"{}\"?", *hint);
      }
      doc.error(diagnostics, node["rule"], std::move(message));
      continue;
    }
    const auto date = parse_date(expires);
    if (!date) {
      doc.error(diagnostics, node["expires"],
                fmt::format("expires: \"{}\" is not a date (YYYY-MM-DD)", expires));
      continue;
    }
    waiver.expires = *date;
    if (waiver.expires < as_of) {
      doc.warning(diagnostics, node["expires"],
                  fmt::format("the waiver of {} for {} expired on {}; the rule counts again",
                              waiver.rule, waiver.org, format_date(waiver.expires)));
      continue;
    }
    waivers.push_back(std::move(waiver));
  }
  return waivers;
}

} // namespace orgaudit::rules
