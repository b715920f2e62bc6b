#include <orgaudit/rules/compile.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include <orgaudit/rules/checked_values.hpp>

namespace orgaudit::rules {

namespace {

class RuleSetCompiler {
 public:
  RuleSetCompiler(const RawRuleSet& raw, std::shared_ptr<const schema::Schema> schema,
                  Diagnostics& diagnostics)
      : m_raw(raw), m_values(diagnostics), m_compiler(schema), m_diagnostics(diagnostics)
  {
    m_set = std::make_shared<RuleSet>();
    m_set->schema = std::move(schema);
  }

  std::shared_ptr<RuleSet> run()
  {
    settings();
    grades();
    lets();
    dimensions();
    conditions(m_raw.vetoes, m_set->vetoes, "veto");
    conditions(m_raw.deductions, m_set->deductions, "deduction");
    conditions(m_raw.bonuses, m_set->bonuses, "bonus");
    flags();
    m_set->extends_parent = m_raw.files.size() > 1;
    if (m_set->extends_parent) {
      const std::set<std::string> tailored = tailored_rules(m_raw);
      m_set->tailored.insert(tailored.begin(), tailored.end());
    }
    return m_set;
  }

 private:
  void settings()
  {
    const Located& root = m_raw.root;
    m_set->id = m_values.text(m_raw.ruleset, "ruleset", true);
    m_set->version = m_values.text(m_raw.version, "version", false);
    if (m_raw.title.defined()) {
      m_set->title = m_values.label(m_raw.title, "title", root, "title");
    } else {
      m_set->title = {m_set->id, m_set->id};
    }
    m_set->scale = m_values.number(m_raw.scale, "scale", 100);
    if (m_raw.scale.defined() && m_set->scale <= 0) {
      m_values.error(m_raw.scale, "scale must be positive");
    }
    m_set->bonus_cap = m_values.number(m_raw.bonus_cap, "bonus_cap", 0);
    if (m_set->bonus_cap < 0) {
      m_values.error(m_raw.bonus_cap, "bonus_cap must not be negative");
    }
    m_set->on_missing = m_values.on_missing(m_raw.on_missing, OnMissing::fail);
    m_set->min_coverage = m_values.number(m_raw.min_coverage, "min_coverage", 0);
    if (m_set->min_coverage < 0 || m_set->min_coverage > 1) {
      m_values.error(m_raw.min_coverage, fmt::format("min_coverage must be between 0 and 1, not {}",
                                                     m_set->min_coverage));
    }
  }

  void grades()
  {
    const Located& list = m_raw.grades;
    if (!list.defined()) {
      m_values.error(m_raw.root, "the rule set has no grades:");
      return;
    }
    if (!list.node.IsSequence() || list.node.size() == 0) {
      m_values.error(list, "grades: must be a non-empty list of {id, label, min}");
      return;
    }
    std::set<std::string> ids;
    for (const YAML::Node& node : list.node) {
      const Located item{node, list.doc};
      if (!node.IsMap()) {
        m_values.error(item, "a grade must be a map {id, label, min}");
        continue;
      }
      check_keys(*list.doc, node, {"id", "label", "min"}, "a grade", m_diagnostics);
      Grade grade;
      grade.id = m_values.text({node["id"], list.doc}, "grade id", true, item);
      grade.label =
          m_values.label({node["label"], list.doc}, fmt::format("grade \"{}\"", grade.id), item);
      grade.min = m_values.number({node["min"], list.doc}, "min", 0);
      if (!node["min"].IsDefined()) {
        m_values.error(item, fmt::format("grade \"{}\" has no min:", grade.id));
      }
      if (!grade.id.empty() && !ids.insert(grade.id).second) {
        m_values.error({node["id"], list.doc}, fmt::format("duplicate grade id \"{}\"", grade.id));
      }
      if (!m_set->grades.empty() && grade.min >= m_set->grades.back().min) {
        m_values.error({node["min"], list.doc},
                       fmt::format("grades must be in descending order of min: {} is not below {}",
                                   grade.min, m_set->grades.back().min));
      }
      m_set->grades.push_back(std::move(grade));
    }
    if (m_raw.veto_grade.defined()) {
      const std::string id = m_values.text(m_raw.veto_grade, "veto_grade", true);
      if (auto index = m_set->grade_index(id)) {
        m_set->veto_grade = *index;
      } else if (!m_set->grades.empty()) {
        m_values.error(m_raw.veto_grade,
                       fmt::format("veto_grade \"{}\" is not one of the grades", id));
      }
    } else if (!m_set->grades.empty()) {
      m_set->veto_grade = m_set->grades.size() - 1;
    }
  }

  void lets()
  {
    for (const RawLet& let : m_raw.lets) {
      if (!let.value.node.IsScalar()) {
        m_values.error(let.value.defined() ? let.value : let.key,
                       fmt::format("let {}: must be an expression", let.name));
        continue;
      }
      std::vector<expr::Problem> problems;
      if (m_compiler.define(let.name, let.value.node.Scalar(), problems)) {
        m_set->lets.emplace_back(let.name, let.value.node.Scalar());
      }
      m_values.report(let.value, problems, fmt::format("let {}", let.name));
    }
    for (const Located& labels : m_raw.let_labels) {
      if (!labels.node.IsMap()) {
        m_values.error(labels, "let_labels: must be a map of let names to labels {zh, en}");
        continue;
      }
      for (const auto& entry : labels.node) {
        const std::string name = entry.first.Scalar();
        const bool known = std::any_of(m_set->lets.begin(), m_set->lets.end(),
                                       [&](const auto& let) { return let.first == name; });
        if (!known) {
          m_values.error({entry.first, labels.doc},
                         fmt::format("let_labels: there is no let named \"{}\"", name));
          continue;
        }
        m_set->let_labels[name] =
            m_values.label({entry.second, labels.doc}, fmt::format("let_labels {}", name),
                           {entry.first, labels.doc}, name);
      }
    }
  }

  // Registers `id` as used; reports it at its second occurrence.
  void claim_id(const std::string& id, const Located& where)
  {
    if (id.empty()) {
      return;
    }
    if (!m_ids.insert(id).second) {
      m_values.error(where, fmt::format("duplicate id \"{}\"", id));
    }
  }

  std::optional<Expression> expression(const Located& value, expr::Expected expected,
                                       const char* key)
  {
    if (!value.defined()) {
      return std::nullopt;
    }
    if (!value.node.IsScalar()) {
      m_values.error(value, fmt::format("{}: must be an expression (a string)", key));
      return std::nullopt;
    }
    std::vector<expr::Problem> problems;
    auto program = m_compiler.compile(value.node.Scalar(), expected, problems);
    m_values.report(value, problems, key);
    if (!program) {
      return std::nullopt;
    }
    return Expression{value.node.Scalar(), std::move(program)};
  }

  // Fills in what every rule says about itself (RuleInfo) from its raw
  // rule or flag; `what` names it in messages ("indicator \"T-01\"").
  template <typename Raw>
  void describe(RuleInfo& out, const Raw& raw, const std::string& what, Severity severity)
  {
    out.id = raw.id;
    const Located& where = raw.id_node.defined() ? raw.id_node : raw.where;
    const FilePosition p = where.doc->position(where.node);
    out.pos = {where.doc->path(), p.line, p.column};
    out.label = m_values.label(raw.label, what, raw.where);
    out.severity = m_values.severity(raw.severity, severity);
    out.basis = m_values.text(raw.basis, "basis", false);
    out.note = m_values.text(raw.note, "note", false);
    out.proposal = m_values.boolean(raw.proposal, "proposal", false);
    out.remediation = m_values.optional_label(raw.remediation, "remediation");
  }

  void dimensions()
  {
    if (m_raw.dimensions.empty()) {
      m_values.error(m_raw.root, "the rule set has no dimensions:");
    }
    for (const RawDimension& raw : m_raw.dimensions) {
      claim_id(raw.id, raw.id_node.defined() ? raw.id_node : raw.where);
      Dimension dimension;
      dimension.id = raw.id;
      dimension.label =
          m_values.label(raw.label, fmt::format("dimension \"{}\"", raw.id), raw.where);
      dimension.weight = m_values.positive(raw.weight, fmt::format("dimension \"{}\"", raw.id),
                                           "weight", raw.where);
      const std::size_t index = m_set->dimensions.size();
      for (const RawRule& rule : raw.indicators) {
        claim_id(rule.id, rule.id_node.defined() ? rule.id_node : rule.where);
        if (!rule.enabled) {
          continue;
        }
        dimension.indicators.push_back(m_set->indicators.size());
        m_set->indicators.push_back(indicator(rule, index));
      }
      m_set->dimensions.push_back(std::move(dimension));
    }
  }

  Indicator indicator(const RawRule& rule, std::size_t dimension)
  {
    Indicator out;
    const std::string what = fmt::format("indicator \"{}\"", rule.id);
    describe(out, rule, what, Severity::medium);
    out.dimension = dimension;
    out.points = m_values.positive(rule.points, what, "points", rule.where);
    out.applies = expression(rule.applies, expr::Expected::boolean, "applies");
    out.pass = expression(rule.pass, expr::Expected::boolean, "pass");
    out.score = expression(rule.score, expr::Expected::number, "score");
    if (rule.pass.defined() == rule.score.defined()) {
      m_values.error(rule.where, fmt::format("{} needs exactly one of pass: or score:", what));
    }
    out.on_missing = m_values.on_missing(rule.on_missing, m_set->on_missing);
    return out;
  }

  void conditions(const std::vector<RawRule>& raws, std::vector<Condition>& out, const char* kind)
  {
    const bool scored = std::string_view(kind) != "veto";
    for (const RawRule& rule : raws) {
      claim_id(rule.id, rule.id_node.defined() ? rule.id_node : rule.where);
      if (!rule.enabled) {
        continue;
      }
      Condition condition;
      const std::string what = fmt::format("{} \"{}\"", kind, rule.id);
      describe(condition, rule, what, scored ? Severity::medium : Severity::critical);
      if (scored) {
        condition.points = m_values.positive(rule.points, what, "points", rule.where);
      }
      if (!rule.when.defined()) {
        m_values.error(rule.where, fmt::format("{} has no when:", what));
      } else if (auto when = expression(rule.when, expr::Expected::boolean, "when")) {
        condition.when = std::move(*when);
      }
      out.push_back(std::move(condition));
    }
  }

  void flags()
  {
    for (const RawFlag& raw : m_raw.flags) {
      claim_id(raw.id, raw.id_node.defined() ? raw.id_node : raw.where);
      Flag flag;
      describe(flag, raw, fmt::format("flag \"{}\"", raw.id), Severity::high);
      for (const RawRule& rule : raw.criteria) {
        claim_id(rule.id, rule.id_node.defined() ? rule.id_node : rule.where);
        if (!rule.enabled) {
          continue;
        }
        // A criterion takes its flag's severity and remediation (it may
        // not set them; parse_raw refuses the keys).
        Criterion criterion;
        describe(criterion, rule, fmt::format("criterion \"{}\"", rule.id), flag.severity);
        criterion.remediation = flag.remediation;
        if (!rule.when.defined()) {
          m_values.error(rule.where, fmt::format("criterion \"{}\" has no when:", rule.id));
        } else if (auto when = expression(rule.when, expr::Expected::boolean, "when")) {
          criterion.when = std::move(*when);
        }
        flag.criteria.push_back(std::move(criterion));
      }
      if (flag.criteria.empty() && !raw.criteria.empty() && raw.enabled) {
        const Located& disabled = raw.criteria.back().enabled_node;
        m_values.error(disabled.defined() ? disabled : raw.where,
                       fmt::format("every criterion of flag \"{}\" is disabled: disable the flag "
                                   "itself instead ({}: {{enabled: false}})",
                                   raw.id, raw.id));
        continue;
      }
      m_values.match(raw.match, flag);
      if (raw.enabled) {
        m_set->flags.push_back(std::move(flag));
      }
    }
  }

  const RawRuleSet& m_raw;
  CheckedValues m_values;
  expr::Compiler m_compiler;
  Diagnostics& m_diagnostics;
  std::shared_ptr<RuleSet> m_set;
  std::set<std::string> m_ids;
};

} // namespace

std::shared_ptr<RuleSet> compile_ruleset(const RawRuleSet& raw,
                                         std::shared_ptr<const schema::Schema> schema,
                                         Diagnostics& diagnostics)
{
  return RuleSetCompiler(raw, std::move(schema), diagnostics).run();
}

} // namespace orgaudit::rules
