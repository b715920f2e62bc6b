#include <orgaudit/rules/raw_ruleset.hpp>

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace orgaudit::rules {

namespace {

// Adds a child's dimensions and rules to its parent, keeping ids unique:
// dimensions, indicators, vetoes, deductions, bonuses, flags and criteria
// share one namespace (SPEC §3), so an id the parent has may only be changed
// under `overrides:`. A dimension or flag given with a parent's id is not new:
// its indicators or criteria go into the parent's.
class ChildMerger {
 public:
  ChildMerger(RawRuleSet& parent, Diagnostics& diagnostics)
      : m_parent(parent), m_diagnostics(diagnostics)
  {
    for (const RawDimension& dimension : parent.dimensions) {
      m_kinds.emplace(dimension.id, "dimension");
      for (const RawRule& indicator : dimension.indicators) {
        m_kinds.emplace(indicator.id, rule_kind_name(indicator.kind));
      }
    }
    for (const auto* rules : {&parent.vetoes, &parent.deductions, &parent.bonuses}) {
      for (const RawRule& rule : *rules) {
        m_kinds.emplace(rule.id, rule_kind_name(rule.kind));
      }
    }
    for (const RawFlag& flag : parent.flags) {
      m_kinds.emplace(flag.id, "flag");
      for (const RawRule& criterion : flag.criteria) {
        m_kinds.emplace(criterion.id, rule_kind_name(criterion.kind));
      }
    }
  }

  void add_rule(RawRule rule, std::vector<RawRule>& into)
  {
    if (is_new(rule.id, rule_kind_name(rule.kind),
               rule.id_node.defined() ? rule.id_node : rule.where)) {
      m_parent.changed_rules.insert(rule.id);
      into.push_back(std::move(rule));
    }
  }

  void add_dimension(RawDimension dimension)
  {
    for (RawDimension& existing : m_parent.dimensions) {
      if (existing.id == dimension.id) {
        report_restated(dimension.where, "dimension", dimension.id, "indicators",
                        {"label", "weight"});
        for (RawRule& indicator : dimension.indicators) {
          add_rule(std::move(indicator), existing.indicators);
        }
        return;
      }
    }
    if (!is_new(dimension.id, "dimension",
                dimension.id_node.defined() ? dimension.id_node : dimension.where)) {
      return;
    }
    std::vector<RawRule> indicators = std::move(dimension.indicators);
    dimension.indicators.clear();
    for (RawRule& indicator : indicators) {
      add_rule(std::move(indicator), dimension.indicators);
    }
    m_parent.dimensions.push_back(std::move(dimension));
  }

  void add_flag(RawFlag flag)
  {
    for (RawFlag& existing : m_parent.flags) {
      if (existing.id == flag.id) {
        report_restated(flag.where, "flag", flag.id, "criteria",
                        {"label", "severity", "match", "basis", "note", "proposal", "remediation"});
        for (RawRule& criterion : flag.criteria) {
          add_rule(std::move(criterion), existing.criteria);
        }
        m_parent.changed_rules.insert(flag.id);
        return;
      }
    }
    if (!is_new(flag.id, "flag", flag.id_node.defined() ? flag.id_node : flag.where)) {
      return;
    }
    std::vector<RawRule> criteria = std::move(flag.criteria);
    flag.criteria.clear();
    for (RawRule& criterion : criteria) {
      add_rule(std::move(criterion), flag.criteria);
    }
    m_parent.changed_rules.insert(flag.id);
    m_parent.flags.push_back(std::move(flag));
  }

 private:
  // True if the parent has no `id`; otherwise reports it at `where`.
  bool is_new(const std::string& id, std::string_view kind, const Located& where)
  {
    const auto it = m_kinds.find(id);
    if (id.empty() || it == m_kinds.end()) {
      return true;
    }
    where.doc->error(
        m_diagnostics, where.node,
        it->second == kind
            ? fmt::format("{} \"{}\" is already in the parent rule set: to change it, give the "
                          "changes under overrides: ({}: {{…}}) instead of adding it again",
                          kind, id, id)
            : fmt::format("id \"{}\" is taken by the parent rule set's {} \"{}\"; ids are "
                          "unique across dimensions and rules: choose another",
                          id, it->second, id));
    return false;
  }

  // Reports each of `settings` that a child restates for a parent's dimension
  // or flag, whose own settings are changed under `overrides:`.
  void report_restated(const Located& entry, std::string_view kind, const std::string& id,
                       std::string_view added, std::initializer_list<std::string_view> settings)
  {
    for (const auto& item : entry.node) {
      const std::string key = item.first.Scalar();
      if (std::find(settings.begin(), settings.end(), key) == settings.end()) {
        continue;
      }
      entry.doc->error(m_diagnostics, item.first,
                       fmt::format("{} \"{}\" is the parent's: give only its id and the {} to "
                                   "add here, and change its {} under overrides: ({}: {{{}: …}})",
                                   kind, id, added, key, id, key));
    }
  }

  RawRuleSet& m_parent;
  Diagnostics& m_diagnostics;
  std::map<std::string, std::string_view, std::less<>> m_kinds; // the parent's ids
};

} // namespace

void merge_child(RawRuleSet& parent, RawRuleSet child, const Located& overrides,
                 Diagnostics& diagnostics)
{
  parent.ruleset.replace_if_given(child.ruleset);
  parent.version.replace_if_given(child.version);
  parent.title.replace_if_given(child.title);
  if (child.schema.defined()) {
    parent.schema = child.schema;
    parent.schema_base = child.schema_base;
  }
  parent.scale.replace_if_given(child.scale);
  parent.bonus_cap.replace_if_given(child.bonus_cap);
  parent.on_missing.replace_if_given(child.on_missing);
  parent.min_coverage.replace_if_given(child.min_coverage);
  parent.grades.replace_if_given(child.grades);
  parent.veto_grade.replace_if_given(child.veto_grade);
  parent.root = child.root;
  parent.changed_rules.clear();
  parent.replaced_lets.clear();

  for (RawLet& let : child.lets) {
    bool replaced = false;
    for (RawLet& existing : parent.lets) {
      if (existing.name == let.name) {
        existing.value = let.value;
        replaced = true;
      }
    }
    if (replaced) {
      parent.replaced_lets.insert(let.name);
    } else {
      parent.lets.push_back(std::move(let));
    }
  }
  parent.let_labels.insert(parent.let_labels.end(), child.let_labels.begin(),
                           child.let_labels.end());
  apply_overrides(parent, overrides, parent.changed_rules, diagnostics);
  ChildMerger merger(parent, diagnostics);
  for (RawDimension& dimension : child.dimensions) {
    merger.add_dimension(std::move(dimension));
  }
  for (RawRule& rule : child.vetoes) {
    merger.add_rule(std::move(rule), parent.vetoes);
  }
  for (RawRule& rule : child.deductions) {
    merger.add_rule(std::move(rule), parent.deductions);
  }
  for (RawRule& rule : child.bonuses) {
    merger.add_rule(std::move(rule), parent.bonuses);
  }
  for (RawFlag& flag : child.flags) {
    merger.add_flag(std::move(flag));
  }
  child.files.insert(child.files.end(), parent.files.begin(), parent.files.end());
  parent.files = std::move(child.files);
}

} // namespace orgaudit::rules
