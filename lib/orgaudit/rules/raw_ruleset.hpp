#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include <orgaudit/core/yaml_document.hpp>
#include <orgaudit/rules/ruleset.hpp>

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

  // Takes `value` if it is given: how a child's setting replaces its parent's.
  void replace_if_given(const Located& value)
  {
    if (value.defined()) {
      *this = value;
    }
  }
};

// A rule as written, before its expressions are compiled: the first phase of
// loading (parse → merge → check and compile).
struct RawRule {
  using Kind = RuleRef::Kind; // never flag: a flag is a RawFlag
  Kind kind = Kind::indicator;
  std::string id;
  Located where; // the rule's map
  Located id_node;
  Located label, points, applies, pass, score, when, severity, basis, note, proposal, remediation,
      on_missing;
  bool enabled = true;
  Located enabled_node; // the overrides' `enabled:` that set `enabled`, if any
};

struct RawFlag {
  std::string id;
  Located where;
  Located id_node;
  Located label, severity, match, basis, note, proposal, remediation;
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
  std::vector<Located> let_labels; // each file's let_labels: map, parent first
  std::vector<RawDimension> dimensions;
  std::vector<RawRule> vetoes, deductions, bonuses;
  std::vector<RawFlag> flags;
  std::vector<std::string> files; // this file and its parents, child first
  std::string schema_base;        // the file `schema:` is relative to
  // What the file merged last (the one named) changes in its parent, filled by
  // merge_child: the ids of the rules it adds or overrides, and the names of
  // the parent's lets it replaces.
  std::set<std::string> changed_rules;
  std::set<std::string> replaced_lets;
};

// The most rules (indicators, vetoes, deductions, bonuses, flags and their
// criteria, together) one rule-set file may hold.
inline constexpr std::size_t max_rules = 100'000;

// Reads the structure of one rule-set document into `raw` (keys, nesting,
// scalar kinds), reporting every structural problem; a file over max_rules
// is refused at its first rule over the limit, before any rule is read.
// `extends` and `overrides` are returned for the merge step.
void parse_raw_ruleset(const std::shared_ptr<const YamlDocument>& doc, RawRuleSet& raw,
                       Located& extends, Located& overrides, Diagnostics& diagnostics);

// Applies a child document on top of its parent (SPEC §3.3): scalar settings
// and grades replace the parent's, lets replace by name or are added,
// `overrides` change rules that must exist in the parent, and new rules are
// added — a dimension or flag with a parent's id takes the child's indicators
// or criteria into the parent's. An added id the parent already uses is an
// error (pointing at `overrides:`).
void merge_child(RawRuleSet& parent, RawRuleSet child, const Located& overrides,
                 Diagnostics& diagnostics);

// Applies a child's `overrides:` map to the rules of its parent, each entry
// naming an id the parent has; adds every rule it changes to `changed`.
void apply_overrides(RawRuleSet& parent, const Located& overrides, std::set<std::string>& changed,
                     Diagnostics& diagnostics);

// The rules of a merged child rule set that are its own to test: those it
// adds or overrides, and those whose expressions read a let it replaces
// (directly or through other lets). A criterion's flag counts with it.
std::set<std::string> tailored_rules(const RawRuleSet& raw);

} // namespace orgaudit::rules
