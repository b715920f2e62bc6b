#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include <orgaudit/rules/ruleset.hpp>
#include <orgaudit/rules/yaml_document.hpp>

namespace orgaudit::rules {

// A YAML value together with the document it came from, so that a rule set
// merged from a parent and a child still reports each mistake in its own file.
//
// YAML::Node's assignment writes through to the node it refers to (and throws
// on an undefined one), so Located rebinds on assignment instead.
struct Located {
  YAML::Node node;
  std::shared_ptr<const YamlDocument> doc;

  Located() = default;
  Located(const YAML::Node& n, std::shared_ptr<const YamlDocument> d) : node(n), doc(std::move(d))
  {
  }
  Located(const Located& other) = default;
  Located& operator=(const Located& other)
  {
    if (this != &other) {
      node.~Node();
      new (&node) YAML::Node(other.node);
      doc = other.doc;
    }
    return *this;
  }
  ~Located() = default;

  bool defined() const { return node.IsDefined() && !node.IsNull(); }
};

// A rule as written, before its expressions are compiled: the first phase of
// loading (parse → merge → check and compile).
struct RawRule {
  enum class Kind { indicator, veto, deduction, bonus, criterion };
  Kind kind = Kind::indicator;
  std::string id;
  Located where; // the rule's map
  Located id_node;
  Located label, points, applies, pass, score, when, severity, basis, remediation, on_missing;
  bool enabled = true;
};

struct RawFlag {
  std::string id;
  Located where;
  Located id_node;
  Located label, severity, match, basis, remediation;
  std::vector<RawRule> criteria;
  bool enabled = true;
};

struct RawDimension {
  std::string id;
  Located where;
  Located id_node;
  Located label, weight;
  std::vector<RawRule> indicators;
};

struct RawLet {
  std::string name;
  Located key;
  Located value;
};

struct RawRuleSet {
  Located root;
  Located ruleset, version, title, schema, scale, bonus_cap, on_missing, min_coverage, grades,
      veto_grade;
  std::vector<RawLet> lets;
  std::vector<RawDimension> dimensions;
  std::vector<RawRule> vetoes, deductions, bonuses;
  std::vector<RawFlag> flags;
  std::vector<std::string> files; // this file and its parents, child first
  std::string schema_base;        // the file `schema:` is relative to
};

// Reads the structure of one rule-set document into `raw` (keys, nesting,
// scalar kinds), reporting every structural problem. `extends` and
// `overrides` are returned for the merge step.
void parse_raw_ruleset(const std::shared_ptr<const YamlDocument>& doc, RawRuleSet& raw,
                       Located& extends, Located& overrides, Diagnostics& diagnostics);

// Applies a child document on top of its parent (SPEC §3.3): scalar settings
// and grades replace the parent's, lets replace by name or are added, new
// rules are appended, and `overrides` change rules that must exist in the parent.
void merge_child(RawRuleSet& parent, RawRuleSet child, const Located& overrides,
                 Diagnostics& diagnostics);

} // namespace orgaudit::rules
