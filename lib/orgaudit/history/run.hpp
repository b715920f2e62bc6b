#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/audit/results.hpp>
#include <orgaudit/core/date.hpp>
#include <orgaudit/rules/ruleset.hpp>

// A recorded run as the history store keeps it: the rule set's shape once,
// and per organization a few integers and one byte per rule. The same types
// describe a run loaded from the database and the run that has just been
// evaluated (snapshot()), so that both can be compared and stored alike.
namespace orgaudit::history {

// The kinds of rule a run stores an outcome for, in the order of the bytes.
enum class RuleKind : std::uint8_t { indicator, veto, deduction, bonus, flag, criterion };

// One rule of a recorded rule set.
struct RuleInfo {
  std::string id;
  RuleKind kind = RuleKind::indicator;
  // An indicator's dimension, or a criterion's flag (its index among the flags).
  std::uint32_t parent = 0;
  rules::Severity severity = rules::Severity::medium;
  double points = 0;
  rules::Label label;
  // SHA-256 (hex) of the rule's effective definition; empty when unknown (a
  // rule set recorded by an orgaudit that did not store fingerprints).
  std::string fingerprint;
};

struct GradeInfo {
  std::string id;
  rules::Label label;
  double min = 0;
};

struct DimensionInfo {
  std::string id;
  rules::Label label;
  double weight = 0;
};

// The shape of a rule set as a run recorded it.
struct RuleSetInfo {
  std::string id;
  std::string version;
  std::string sha256;
  rules::Label title;
  std::vector<GradeInfo> grades; // best first
  std::vector<DimensionInfo> dimensions;
  // Indicators, vetoes, deductions, bonuses, flags, then every flag's
  // criteria: the order of an organization's outcome bytes.
  std::vector<RuleInfo> rules;

  // The rule of that kind and id, if the rule set has it.
  std::optional<std::size_t> find(RuleKind kind, std::string_view rule_id) const;
  // A grade's label, or 未定级 / Ungraded for -1.
  std::string_view grade_label(int grade, rules::Lang lang) const;
  // A grade's rank for comparisons: its index, ungraded after every grade.
  int grade_rank(int grade) const;
};

// Provenance and headline figures of one run.
struct RunInfo {
  std::int64_t id = 0;     // 0 until stored
  std::string command;     // audit, score, flag or report
  std::string started_at;  // ISO 8601, UTC ("2026-12-06T03:04:05Z")
  std::string finished_at; // likewise
  Date as_of;
  std::string tool_version;
  std::string dataset_path;
  std::string dataset_sha256;
  std::string options; // a JSON object of the options that change results
  std::size_t organizations = 0;
  std::int64_t mean_total = 0; // hundredths of a point
  std::size_t vetoed = 0;
  std::size_t flagged = 0;
  std::shared_ptr<const RuleSetInfo> ruleset;
};

// An indicator status or criterion status as stored (stable codes, whatever
// the order of the audit enums).
enum class Outcome : std::uint8_t {
  pass = 0,
  partial = 1,
  fail = 2,
  missing = 3,
  not_applicable = 4,
  waived = 5,
  error = 6,
};

// Dimension scores are stored in hundredths; this marks an excluded dimension.
inline constexpr std::int32_t excluded_dimension = std::numeric_limits<std::int32_t>::min();

// One organization's result in a run.
struct OrgOutcome {
  std::string uscc;
  std::string name;
  std::int32_t total = 0;                 // hundredths of a point
  std::int32_t total_without_waivers = 0; // hundredths of a point
  std::int32_t coverage = 0;              // ten-thousandths (1.0 = 10000)
  int grade = audit::ungraded;            // index into RuleSetInfo::grades
  int grade_without_waivers = audit::ungraded;
  bool vetoed = false;
  std::vector<std::int32_t> dimensions; // hundredths, or excluded_dimension
  // One byte per RuleSetInfo::rules entry: an Outcome for indicators, 0/1 for
  // vetoes, deductions, bonuses and flags (held or raised), a
  // CriterionStatus for criteria.
  std::string outcomes;
  // The earned points of the partial indicators, in rule order (pass earns
  // the indicator's points, every other status 0).
  std::vector<double> partial_earned;

  Outcome indicator(std::size_t rule) const { return static_cast<Outcome>(outcomes[rule]); }
  bool holds(std::size_t rule) const { return outcomes[rule] != 0; }
};

// A whole run; organizations sorted by USCC.
struct Run {
  RunInfo info;
  std::vector<OrgOutcome> organizations;

  // The organization with this USCC, if the run has it.
  const OrgOutcome* find(std::string_view uscc) const;
};

// The stored outcome's machine name ("pass", "fail", …), as JSON and CSV spell it.
std::string_view outcome_name(Outcome outcome);

// The audit status a stored outcome stands for.
audit::Status status_of(Outcome outcome);

// The rule set's shape, each rule with its fingerprint.
std::shared_ptr<const RuleSetInfo> describe_ruleset(const rules::RuleSet& ruleset);

// The run of `results` in stored form. `info` gives the provenance; its
// figures (organizations, mean total, vetoed, flagged) and rule set are filled in.
Run snapshot(const audit::Results& results, RunInfo info);

} // namespace orgaudit::history
