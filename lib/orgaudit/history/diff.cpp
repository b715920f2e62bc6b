#include <orgaudit/history/diff.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace orgaudit::history {

namespace {

using RuleMatch = std::vector<std::optional<std::size_t>>;

// For each rule of `set`, the rule of the same kind and id in `other`.
RuleMatch match_rules(const RuleSetInfo& set, const RuleSetInfo& other)
{
  std::map<std::pair<RuleKind, std::string_view>, std::size_t> index;
  for (std::size_t r = 0; r < other.rules.size(); ++r) {
    index.emplace(std::make_pair(other.rules[r].kind, std::string_view(other.rules[r].id)), r);
  }
  RuleMatch match(set.rules.size());
  for (std::size_t r = 0; r < set.rules.size(); ++r) {
    auto it = index.find({set.rules[r].kind, set.rules[r].id});
    if (it != index.end()) {
      match[r] = it->second;
    }
  }
  return match;
}

RuleSetChanges compare_rulesets(const RuleSetInfo& from, const RuleSetInfo& to,
                                const RuleMatch& to_in_from, const RuleMatch& from_in_to)
{
  RuleSetChanges changes;
  changes.differ = from.id != to.id || from.version != to.version || from.sha256 != to.sha256;
  if (!changes.differ) {
    return changes;
  }
  for (std::size_t r = 0; r < to.rules.size(); ++r) {
    const RuleInfo& rule = to.rules[r];
    if (!to_in_from[r]) {
      changes.added.push_back(rule.id);
      continue;
    }
    const RuleInfo& before = from.rules[*to_in_from[r]];
    if (rule.fingerprint.empty() || before.fingerprint.empty()) {
      changes.fingerprints_unknown = true;
    } else if (rule.fingerprint != before.fingerprint) {
      changes.changed.push_back(rule.id);
    }
  }
  for (std::size_t r = 0; r < from.rules.size(); ++r) {
    if (!from_in_to[r]) {
      changes.removed.push_back(from.rules[r].id);
    }
  }
  return changes;
}

// What a rule of each kind says about an organization in one run: whether
// the flag is raised, the veto holds, or the indicator is a finding.
bool notable(const RuleSetInfo& set, const OrgOutcome& org, std::size_t rule)
{
  return set.rules[rule].kind == RuleKind::indicator
             ? audit::is_finding(status_of(org.indicator(rule)))
             : org.holds(rule);
}

// The change kinds of a flag, veto or indicator that became (or stopped
// being) notable; nullopt for the other kinds of rule.
std::optional<std::pair<ChangeKind, ChangeKind>> kinds_of(RuleKind kind)
{
  switch (kind) {
  case RuleKind::flag:
    return std::make_pair(ChangeKind::newly_flagged, ChangeKind::cleared);
  case RuleKind::veto:
    return std::make_pair(ChangeKind::veto_raised, ChangeKind::veto_lifted);
  case RuleKind::indicator:
    return std::make_pair(ChangeKind::turned_failing, ChangeKind::turned_passing);
  default:
    return std::nullopt;
  }
}

class Comparer {
 public:
  Comparer(const Run& from, const Run& to)
      : m_from(*from.info.ruleset), m_to(*to.info.ruleset), m_to_in_from(match_rules(m_to, m_from)),
        m_from_in_to(match_rules(m_from, m_to))
  {
  }

  RuleSetChanges ruleset_changes() const
  {
    return compare_rulesets(m_from, m_to, m_to_in_from, m_from_in_to);
  }

  void organization(const OrgOutcome& a, const OrgOutcome& b, std::vector<Change>& out) const
  {
    const int before = m_from.grade_rank(a.grade);
    const int now = m_to.grade_rank(b.grade);
    if (now != before) {
      out.push_back({now > before ? ChangeKind::grade_down : ChangeKind::grade_up, &a, &b, {}, {}});
    }
    for (std::size_t r = 0; r < m_to.rules.size(); ++r) {
      const auto kinds = kinds_of(m_to.rules[r].kind);
      const auto f = m_to_in_from[r];
      if (kinds && notable(m_to, b, r) && !(f && notable(m_from, a, *f))) {
        out.push_back({kinds->first, &a, &b, f, r});
      }
    }
    for (std::size_t r = 0; r < m_from.rules.size(); ++r) {
      const auto kinds = kinds_of(m_from.rules[r].kind);
      const auto t = m_from_in_to[r];
      // A rule the later rule set dropped is reported among the rule-set
      // changes, not as cleared for every organization.
      if (kinds && t && notable(m_from, a, r) && !notable(m_to, b, *t)) {
        out.push_back({kinds->second, &a, &b, r, t});
      }
    }
  }

 private:
  const RuleSetInfo& m_from;
  const RuleSetInfo& m_to;
  RuleMatch m_to_in_from;
  RuleMatch m_from_in_to;
};

} // namespace

std::vector<const Change*> Diff::of(ChangeKind kind) const
{
  std::vector<const Change*> out;
  for (const Change& change : changes) {
    if (change.kind == kind) {
      out.push_back(&change);
    }
  }
  return out;
}

std::size_t Diff::organizations(ChangeKind kind) const
{
  std::set<const OrgOutcome*> seen;
  for (const Change& change : changes) {
    if (change.kind == kind) {
      seen.insert(change.to != nullptr ? change.to : change.from);
    }
  }
  return seen.size();
}

std::vector<std::string> matched_criteria(const RuleSetInfo& set, const OrgOutcome& org,
                                          std::size_t flag)
{
  // Criteria name their flag by its position among the flags.
  const auto flag_number = static_cast<std::uint32_t>(
      std::count_if(set.rules.begin(), set.rules.begin() + static_cast<std::ptrdiff_t>(flag),
                    [](const RuleInfo& rule) { return rule.kind == RuleKind::flag; }));
  std::vector<std::string> ids;
  for (std::size_t r = 0; r < set.rules.size(); ++r) {
    if (set.rules[r].kind == RuleKind::criterion && set.rules[r].parent == flag_number &&
        org.outcomes[r] == 1) {
      ids.push_back(set.rules[r].id);
    }
  }
  return ids;
}

rules::Severity change_severity(const Diff& diff, const Change& change)
{
  if (change.to_rule) {
    return diff.to->info.ruleset->rules[*change.to_rule].severity;
  }
  if (change.from_rule) {
    return diff.from->info.ruleset->rules[*change.from_rule].severity;
  }
  return rules::Severity::info;
}

Diff compare(std::shared_ptr<const Run> from, std::shared_ptr<const Run> to)
{
  Diff diff;
  diff.from = std::move(from);
  diff.to = std::move(to);
  const Comparer comparer(*diff.from, *diff.to);
  diff.ruleset = comparer.ruleset_changes();
  diff.options_differ = diff.from->info.options != diff.to->info.options;
  const auto& a = diff.from->organizations;
  const auto& b = diff.to->organizations;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].uscc < b[j].uscc)) {
      diff.changes.push_back({ChangeKind::disappeared, &a[i++], nullptr, {}, {}});
    } else if (i == a.size() || b[j].uscc < a[i].uscc) {
      diff.changes.push_back({ChangeKind::appeared, nullptr, &b[j++], {}, {}});
    } else {
      comparer.organization(a[i++], b[j++], diff.changes);
    }
  }
  auto key = [&diff](const Change& change) {
    const OrgOutcome* org = change.to != nullptr ? change.to : change.from;
    const std::size_t rule = change.to_rule ? *change.to_rule : change.from_rule.value_or(0);
    return std::make_tuple(change.kind, -static_cast<int>(change_severity(diff, change)),
                           std::string_view(org->uscc), rule);
  };
  std::stable_sort(diff.changes.begin(), diff.changes.end(),
                   [&key](const Change& x, const Change& y) { return key(x) < key(y); });
  return diff;
}

std::size_t new_findings(const Diff& diff, rules::Severity severity)
{
  std::size_t count = 0;
  const RuleSetInfo& set = *diff.to->info.ruleset;
  for (const Change& change : diff.changes) {
    switch (change.kind) {
    case ChangeKind::newly_flagged:
    case ChangeKind::veto_raised:
    case ChangeKind::turned_failing:
      count += change_severity(diff, change) >= severity ? 1 : 0;
      break;
    case ChangeKind::appeared:
      for (std::size_t r = 0; r < set.rules.size(); ++r) {
        count += kinds_of(set.rules[r].kind) && set.rules[r].severity >= severity &&
                         notable(set, *change.to, r)
                     ? 1
                     : 0;
      }
      break;
    default:
      break;
    }
  }
  return count;
}

} // namespace orgaudit::history
