#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/core/date.hpp>
#include <orgaudit/core/lang.hpp>
#include <orgaudit/expr/compiler.hpp>
#include <orgaudit/schema/schema.hpp>

namespace orgaudit::rules {

using Lang = orgaudit::Lang;

// A bilingual text; `get` falls back to the other language when one is empty.
struct Label {
  std::string zh;
  std::string en;
  const std::string& get(Lang lang) const;
};

// Finding severities, in ascending order.
enum class Severity : std::uint8_t { info, low, medium, high, critical };
std::string_view severity_name(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

enum class OnMissing : std::uint8_t { fail, exclude };

// Where a rule is declared, for messages and SARIF.
struct SourcePos {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
};

// A compiled expression with the text it came from.
struct Expression {
  std::string source;
  std::shared_ptr<const expr::Program> program;
};

// What every rule says about itself, whatever its kind: what reports,
// messages and the history print. A criterion has its flag's severity and
// remediation.
struct RuleInfo {
  std::string id;
  Label label;
  Severity severity = Severity::medium;
  std::string basis;     // the regulation cited: what reports print
  std::string note;      // for rule authors only: reports never print it
  bool proposal = false; // the points, weight or threshold are this project's own choice
  Label remediation;
  SourcePos pos;
};

// A scored indicator (SPEC §3): `pass` (bool, full points or none) or `score`
// (number, clamped to [0, points]); exactly one is set.
struct Indicator : RuleInfo {
  double points = 0;
  std::size_t dimension = 0;         // index into RuleSet::dimensions
  std::optional<Expression> applies; // absent: always applies
  std::optional<Expression> pass;
  std::optional<Expression> score;
  OnMissing on_missing = OnMissing::fail; // the rule's own or the rule set's
};

struct Dimension {
  std::string id;
  Label label;
  double weight = 0;
  std::vector<std::size_t> indicators; // indices into RuleSet::indicators, in file order
};

struct Grade {
  std::string id;
  Label label;
  double min = 0;
};

// A veto, deduction or bonus: holds when `when` is true (null does not hold).
// Vetoes are critical unless they say otherwise.
struct Condition : RuleInfo {
  double points = 0; // deductions and bonuses
  Expression when;
};

struct Criterion : RuleInfo {
  Expression when;
};

// A flag (dormant, noncompliant, …): raised when its criteria match per `match`.
struct Flag : RuleInfo {
  enum class Match : std::uint8_t { any, all, at_least };
  Match match = Match::any;
  std::size_t at_least = 1; // Match::at_least only
  std::vector<Criterion> criteria;
};

// What kind of rule an id names, and its index in that kind's vector.
struct RuleRef {
  enum class Kind : std::uint8_t { indicator, veto, deduction, bonus, flag, criterion };
  Kind kind = Kind::indicator;
  std::size_t index = 0;
  std::size_t criterion = 0; // Kind::criterion: index within flags[index].criteria
};

// "indicator", "veto", "deduction", "bonus", "flag" or "criterion".
std::string_view rule_kind_name(RuleRef::Kind kind);

// A loaded and checked rule set (SPEC §3): every expression compiled against
// the schema, `extends` and `overrides` applied, disabled rules dropped. Only
// rules::load_ruleset makes one.
struct RuleSet {
  std::string id;
  std::string version;
  Label title;
  std::string path;   // as given (or "builtin:rules/…")
  std::string sha256; // over the rule file and its parents, hex
  std::shared_ptr<const schema::Schema> schema;

  double scale = 100;
  double bonus_cap = 0;
  OnMissing on_missing = OnMissing::fail;
  double min_coverage = 0;
  std::vector<Grade> grades;  // descending by min
  std::size_t veto_grade = 0; // index into grades

  std::vector<Dimension> dimensions;
  std::vector<Indicator> indicators; // every dimension's indicators, in rule-set order
  std::vector<Condition> vetoes;
  std::vector<Condition> deductions;
  std::vector<Condition> bonuses;
  std::vector<Flag> flags;
  std::vector<std::pair<std::string, std::string>> lets; // name, source; in definition order
  // The labels `let_labels:` gives some lets: the values `explain` prints
  // beside a rule's evidence (a cut-off date, a window, a limit).
  std::map<std::string, Label, std::less<>> let_labels;

  // Whether the rule set extends another, and if so the ids of the rules it
  // tailors: those it adds or overrides, and those whose expressions read a
  // let it replaces.
  bool extends_parent = false;
  std::set<std::string, std::less<>> tailored;

  // The rule named `id`, of any kind; nullopt if there is none.
  std::optional<RuleRef> find(std::string_view id) const;
  // True if `id` is a rule the named file sets itself: every rule of a rule
  // set without a parent, the tailored ones of a child.
  bool own_rule(std::string_view id) const;
  // The index into `grades` of the grade named `id`.
  std::optional<std::size_t> grade_index(std::string_view id) const;
  // What `ref` says about itself, whatever its kind.
  const RuleInfo& info(const RuleRef& ref) const;
  // The points an indicator, deduction or bonus is worth; NaN for vetoes,
  // flags and criteria.
  double points(const RuleRef& ref) const;
  // Every rule but criteria, in rule-set order: indicators, vetoes,
  // deductions, bonuses, flags (what the reports' rule tables list).
  std::vector<RuleRef> all_rules() const;
};

} // namespace orgaudit::rules
