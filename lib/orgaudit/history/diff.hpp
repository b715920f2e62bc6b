#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <orgaudit/history/run.hpp>
#include <orgaudit/report/since_last_run.hpp>

namespace orgaudit::history {

using report::ChangeKind;

// One change between two runs of an audit. Organizations and rules are
// matched by USCC and by rule id; a rule set's rule that the other lacks
// counts as not a finding there.
struct Change {
  ChangeKind kind = ChangeKind::appeared;
  const OrgOutcome* from = nullptr;     // the organization in the earlier run; null: appeared
  const OrgOutcome* to = nullptr;       // in the later run; null: disappeared
  std::optional<std::size_t> from_rule; // the flag, veto or indicator in each run's rule set
  std::optional<std::size_t> to_rule;
};

// The organization a change is about (in the later run, unless it disappeared).
inline const OrgOutcome& organization_of(const Change& change)
{
  return change.to != nullptr ? *change.to : *change.from;
}

// How the two runs' rule sets differ (by id, version, SHA-256 and each rule's
// fingerprint).
struct RuleSetChanges {
  bool differ = false;              // id, version or SHA-256 differ
  std::vector<std::string> changed; // rule ids whose definition changed
  std::vector<std::string> added;   // in the later rule set only
  std::vector<std::string> removed; // in the earlier rule set only
  // One of the runs was recorded without rule fingerprints, so `changed` may
  // miss rules.
  bool fingerprints_unknown = false;
};

// Everything that changed from one run to a later one.
struct Diff {
  std::shared_ptr<const Run> from;
  std::shared_ptr<const Run> to;
  std::vector<Change> changes; // by kind (ChangeKind order), then severity, USCC and rule
  RuleSetChanges ruleset;
  bool options_differ = false; // e.g. other --org, --region or --waivers

  // The changes of one kind.
  std::vector<const Change*> of(ChangeKind kind) const;
  // How many organizations have at least one change of this kind.
  std::size_t organizations(ChangeKind kind) const;
};

// Compares two runs (normally `from` the earlier).
Diff compare(std::shared_ptr<const Run> from, std::shared_ptr<const Run> to);

// The findings of the later run that the earlier did not have at or above
// `severity`: newly raised flags, new vetoes, indicators turned failing, and
// every finding of an organization that appeared (for --fail-on-new).
std::size_t new_findings(const Diff& diff, rules::Severity severity);

// The ids of the criteria that matched for the flag `flag` (a rule index) of `org`.
std::vector<std::string> matched_criteria(const RuleSetInfo& set, const OrgOutcome& org,
                                          std::size_t flag);

// The severity a change is reported at (its rule's), or info for changes of
// a whole organization (grades, appearing, disappearing).
rules::Severity change_severity(const Diff& diff, const Change& change);

} // namespace orgaudit::history
