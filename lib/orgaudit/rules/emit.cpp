#include <orgaudit/rules/emit.hpp>

#include <filesystem>

#include <yaml-cpp/yaml.h>

#include <orgaudit/core/builtin.hpp>

namespace orgaudit::rules {

namespace {

void label(YAML::Emitter& out, const char* key, const Label& value)
{
  if (value.zh.empty() && value.en.empty()) {
    return;
  }
  out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginMap;
  out << YAML::Key << "zh" << YAML::Value << value.zh;
  out << YAML::Key << "en" << YAML::Value << value.en;
  out << YAML::EndMap;
}

void text(YAML::Emitter& out, const char* key, const std::string& value)
{
  if (!value.empty()) {
    out << YAML::Key << key << YAML::Value << value;
  }
}

// The basis, note and proposal of a rule, as its file gives them.
void sources(YAML::Emitter& out, const RuleInfo& rule)
{
  text(out, "basis", rule.basis);
  text(out, "note", rule.note);
  if (rule.proposal) {
    out << YAML::Key << "proposal" << YAML::Value << true;
  }
}

void condition(YAML::Emitter& out, const Condition& rule, bool scored, Severity default_severity)
{
  out << YAML::BeginMap;
  out << YAML::Key << "id" << YAML::Value << rule.id;
  label(out, "label", rule.label);
  if (scored) {
    out << YAML::Key << "points" << YAML::Value << rule.points;
  }
  out << YAML::Key << "when" << YAML::Value << YAML::DoubleQuoted << rule.when.source;
  if (rule.severity != default_severity) {
    out << YAML::Key << "severity" << YAML::Value << std::string(severity_name(rule.severity));
  }
  sources(out, rule);
  label(out, "remediation", rule.remediation);
  out << YAML::EndMap;
}

} // namespace

std::string emit_effective_ruleset(const RuleSet& set)
{
  YAML::Emitter out;
  out.SetIndent(2);
  out.SetDoublePrecision(15);
  out << YAML::BeginMap;
  out << YAML::Key << "ruleset" << YAML::Value << set.id;
  out << YAML::Key << "version" << YAML::Value << YAML::DoubleQuoted << set.version;
  label(out, "title", set.title);
  // An absolute schema path, so the document loads back from anywhere.
  const std::string& schema = set.schema->path;
  out << YAML::Key << "schema" << YAML::Value
      << (schema.starts_with(builtin_prefix)
              ? schema
              : std::filesystem::absolute(schema).lexically_normal().string());
  out << YAML::Key << "scale" << YAML::Value << set.scale;
  out << YAML::Key << "bonus_cap" << YAML::Value << set.bonus_cap;
  out << YAML::Key << "on_missing" << YAML::Value
      << (set.on_missing == OnMissing::fail ? "fail" : "exclude");
  out << YAML::Key << "min_coverage" << YAML::Value << set.min_coverage;
  out << YAML::Key << "grades" << YAML::Value << YAML::BeginSeq;
  for (const Grade& grade : set.grades) {
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value << grade.id;
    label(out, "label", grade.label);
    out << YAML::Key << "min" << YAML::Value << grade.min << YAML::EndMap;
  }
  out << YAML::EndSeq;
  out << YAML::Key << "veto_grade" << YAML::Value << set.grades[set.veto_grade].id;
  if (!set.lets.empty()) {
    out << YAML::Key << "let" << YAML::Value << YAML::BeginMap;
    for (const auto& [name, source] : set.lets) {
      out << YAML::Key << name << YAML::Value << YAML::DoubleQuoted << source;
    }
    out << YAML::EndMap;
  }
  if (!set.let_labels.empty()) {
    out << YAML::Key << "let_labels" << YAML::Value << YAML::BeginMap;
    for (const auto& [name, text] : set.let_labels) {
      label(out, name.c_str(), text);
    }
    out << YAML::EndMap;
  }
  out << YAML::Key << "dimensions" << YAML::Value << YAML::BeginSeq;
  for (const Dimension& dimension : set.dimensions) {
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << dimension.id;
    label(out, "label", dimension.label);
    out << YAML::Key << "weight" << YAML::Value << dimension.weight;
    out << YAML::Key << "indicators" << YAML::Value << YAML::BeginSeq;
    for (std::size_t i : dimension.indicators) {
      const Indicator& indicator = set.indicators[i];
      out << YAML::BeginMap;
      out << YAML::Key << "id" << YAML::Value << indicator.id;
      label(out, "label", indicator.label);
      out << YAML::Key << "points" << YAML::Value << indicator.points;
      if (indicator.applies) {
        out << YAML::Key << "applies" << YAML::Value << YAML::DoubleQuoted
            << indicator.applies->source;
      }
      if (indicator.pass) {
        out << YAML::Key << "pass" << YAML::Value << YAML::DoubleQuoted << indicator.pass->source;
      } else {
        out << YAML::Key << "score" << YAML::Value << YAML::DoubleQuoted << indicator.score->source;
      }
      out << YAML::Key << "severity" << YAML::Value
          << std::string(severity_name(indicator.severity));
      if (indicator.on_missing != set.on_missing) {
        out << YAML::Key << "on_missing" << YAML::Value
            << (indicator.on_missing == OnMissing::fail ? "fail" : "exclude");
      }
      sources(out, indicator);
      label(out, "remediation", indicator.remediation);
      out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
  }
  out << YAML::EndSeq;
  const std::pair<const char*, const std::vector<Condition>*> lists[] = {
      {"vetoes", &set.vetoes}, {"deductions", &set.deductions}, {"bonuses", &set.bonuses}};
  for (const auto& [key, list] : lists) {
    if (list->empty()) {
      continue;
    }
    const bool scored = std::string_view(key) != "vetoes";
    out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
    for (const Condition& rule : *list) {
      condition(out, rule, scored, scored ? Severity::medium : Severity::critical);
    }
    out << YAML::EndSeq;
  }
  if (!set.flags.empty()) {
    out << YAML::Key << "flags" << YAML::Value << YAML::BeginSeq;
    for (const Flag& flag : set.flags) {
      out << YAML::BeginMap;
      out << YAML::Key << "id" << YAML::Value << flag.id;
      label(out, "label", flag.label);
      out << YAML::Key << "severity" << YAML::Value << std::string(severity_name(flag.severity));
      out << YAML::Key << "match" << YAML::Value;
      if (flag.match == Flag::Match::at_least) {
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "at_least" << YAML::Value
            << flag.at_least << YAML::EndMap;
      } else {
        out << (flag.match == Flag::Match::any ? "any" : "all");
      }
      sources(out, flag);
      label(out, "remediation", flag.remediation);
      out << YAML::Key << "criteria" << YAML::Value << YAML::BeginSeq;
      for (const Criterion& criterion : flag.criteria) {
        out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << criterion.id;
        label(out, "label", criterion.label);
        out << YAML::Key << "when" << YAML::Value << YAML::DoubleQuoted << criterion.when.source;
        sources(out, criterion);
        out << YAML::EndMap;
      }
      out << YAML::EndSeq << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

} // namespace orgaudit::rules
