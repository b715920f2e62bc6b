#pragma once

#include <optional>
#include <string>
#include <vector>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/expr/compiler.hpp>
#include <orgaudit/rules/raw_ruleset.hpp>
#include <orgaudit/rules/ruleset.hpp>

namespace orgaudit::rules {

// Reads the scalar settings of a rule set (numbers, labels, severities, …)
// from YAML, reporting each value of the wrong kind at its own position and
// falling back to a default so that checking can go on.
class CheckedValues {
 public:
  explicit CheckedValues(Diagnostics& diagnostics) : m_diagnostics(diagnostics) {}

  void error(const Located& at, std::string message);

  // A string; when `required` and absent, reported at `parent`.
  std::string text(const Located& value, std::string_view key, bool required,
                   const Located& parent = {});
  // A required label: a map {zh, en} (both present) or one string for both.
  // `key` names it in messages about zh: or en: (`title.zh must be a text, not a list`).
  Label label(const Located& value, std::string_view what, const Located& parent,
              std::string_view key = "label");
  Label optional_label(const Located& value, std::string_view key);
  double number(const Located& value, std::string_view key, double fallback);
  // `true` or `false`; `fallback` when absent.
  bool boolean(const Located& value, std::string_view key, bool fallback);
  // A required number > 0 (points, weight).
  double positive(const Located& value, std::string_view what, std::string_view key,
                  const Located& parent);
  Severity severity(const Located& value, Severity fallback);
  OnMissing on_missing(const Located& value, OnMissing fallback);
  // `match: any | all | {at_least: N}` with 1 ≤ N ≤ the flag's criteria.
  void match(const Located& value, Flag& flag);

  // Reports the problems of the expression in `value` at their file positions,
  // each message prefixed with the key it was given under (`pass: …`).
  void report(const Located& value, const std::vector<expr::Problem>& problems,
              std::string_view key);

 private:
  // The zh: or en: text of the label map `label`: "" when absent or null,
  // nullopt (reported) when it is a list or a map.
  std::optional<std::string> label_text(const Located& label, std::string_view key,
                                        std::string_view language);

  Diagnostics& m_diagnostics;
};

} // namespace orgaudit::rules
