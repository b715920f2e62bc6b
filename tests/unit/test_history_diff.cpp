#include <doctest/doctest.h>

#include <orgaudit/history/diff.hpp>
#include <orgaudit/history/labels.hpp>
#include <orgaudit/history/since.hpp>

using namespace orgaudit;
using history::ChangeKind;
using history::Outcome;
using history::RuleKind;

namespace {

std::shared_ptr<history::RuleSetInfo> make_ruleset(const std::string& sha256)
{
  auto set = std::make_shared<history::RuleSetInfo>();
  set->id = "test";
  set->version = "1";
  set->sha256 = sha256;
  set->grades = {{"good", {"良好", "Good"}, 80}, {"pass", {"合格", "Pass"}, 60}};
  set->dimensions = {{"all", {"全部", "All"}, 100}};
  using rules::Severity;
  set->rules = {{"I1", RuleKind::indicator, 0, Severity::high, 10, {"年检", "Inspection"}, "f1"},
                {"I2", RuleKind::indicator, 0, Severity::low, 5, {"审计", "Audit"}, "f2"},
                {"V1", RuleKind::veto, 0, Severity::critical, 0, {"失信", "Listed"}, "f3"},
                {"F1", RuleKind::flag, 0, Severity::high, 0, {"僵尸型", "Dormant"}, "f4"},
                {"C1", RuleKind::criterion, 0, Severity::high, 0, {"未年检", "No report"}, "f5"}};
  return set;
}

// I1, I2 outcomes, then V1 held, F1 raised and C1's status.
history::OrgOutcome org(const std::string& uscc, int grade, std::int32_t total, Outcome i1,
                        Outcome i2, bool veto, bool flag)
{
  history::OrgOutcome o;
  o.uscc = uscc;
  o.name = "组织" + uscc.substr(uscc.size() - 1);
  o.grade = grade;
  o.total = total;
  o.vetoed = veto;
  o.outcomes = {static_cast<char>(i1), static_cast<char>(i2), static_cast<char>(veto),
                static_cast<char>(flag), static_cast<char>(flag ? 1 : 0)};
  return o;
}

std::shared_ptr<history::Run> make_run(std::int64_t id,
                                       std::shared_ptr<const history::RuleSetInfo> set,
                                       std::vector<history::OrgOutcome> orgs)
{
  auto run = std::make_shared<history::Run>();
  run->info.id = id;
  run->info.as_of = *parse_date(id == 1 ? "2026-06-30" : "2027-06-30");
  run->info.finished_at = "2027-07-01T00:00:00Z";
  run->info.options = "{}";
  run->info.ruleset = std::move(set);
  run->organizations = std::move(orgs);
  return run;
}

history::Diff sample_diff(std::shared_ptr<const history::RuleSetInfo> later)
{
  auto earlier = make_ruleset("sha-1");
  auto from = make_run(1, earlier,
                       {org("A", 0, 9000, Outcome::pass, Outcome::pass, false, false),
                        org("B", 0, 9000, Outcome::pass, Outcome::pass, false, false),
                        org("C", 1, 7000, Outcome::pass, Outcome::missing, true, true)});
  auto to = make_run(2, later ? later : earlier,
                     {org("B", 1, 7000, Outcome::fail, Outcome::pass, true, true),
                      org("C", 0, 9000, Outcome::pass, Outcome::pass, false, false),
                      org("D", 1, 6500, Outcome::fail, Outcome::not_applicable, false, true)});
  return history::compare(from, to);
}

std::vector<std::string> usccs(const history::Diff& diff, ChangeKind kind)
{
  std::vector<std::string> out;
  for (const history::Change* change : diff.of(kind)) {
    out.push_back((change->to != nullptr ? change->to : change->from)->uscc);
  }
  return out;
}

} // namespace

TEST_CASE("compare lists every kind of change between two runs")
{
  const history::Diff diff = sample_diff(nullptr);
  using V = std::vector<std::string>;
  CHECK(usccs(diff, ChangeKind::disappeared) == V{"A"});
  CHECK(usccs(diff, ChangeKind::appeared) == V{"D"});
  CHECK(usccs(diff, ChangeKind::grade_down) == V{"B"});
  CHECK(usccs(diff, ChangeKind::grade_up) == V{"C"});
  CHECK(usccs(diff, ChangeKind::newly_flagged) == V{"B"});
  CHECK(usccs(diff, ChangeKind::cleared) == V{"C"});
  CHECK(usccs(diff, ChangeKind::veto_raised) == V{"B"});
  CHECK(usccs(diff, ChangeKind::veto_lifted) == V{"C"});
  CHECK(usccs(diff, ChangeKind::turned_failing) == V{"B"});
  CHECK(usccs(diff, ChangeKind::turned_passing) == V{"C"});
  CHECK(diff.changes.front().kind == ChangeKind::newly_flagged);
  CHECK_FALSE(diff.ruleset.differ);
  CHECK_FALSE(diff.options_differ);
  CHECK(history::comparison_warnings(diff, rules::Lang::en).empty());
}

TEST_CASE("new findings count raised flags, vetoes, failing rules and new organizations")
{
  const history::Diff diff = sample_diff(nullptr);
  // B: I1 (high), V1 (critical), F1 (high); D appeared with I1 and F1 (high).
  CHECK(history::new_findings(diff, rules::Severity::high) == 5);
  CHECK(history::new_findings(diff, rules::Severity::critical) == 1);
  CHECK(history::new_findings(diff, rules::Severity::info) == 5);
}

TEST_CASE("changes read as words in both languages")
{
  const history::Diff diff = sample_diff(nullptr);
  auto detail = [&diff](ChangeKind kind, rules::Lang lang) {
    return history::change_detail(diff, *diff.of(kind).front(), lang);
  };
  CHECK(detail(ChangeKind::grade_down, rules::Lang::zh) == "良好 → 合格 (90.00 → 70.00)");
  CHECK(detail(ChangeKind::newly_flagged, rules::Lang::en) == "Dormant (C1)");
  CHECK(detail(ChangeKind::veto_lifted, rules::Lang::zh) == "V1 失信");
  CHECK(detail(ChangeKind::turned_failing, rules::Lang::en) == "I1 Inspection: Pass → Fail");
  CHECK(detail(ChangeKind::appeared, rules::Lang::zh) == "总分 65.00 · 合格");
  CHECK(history::describe_run(diff.from->info, rules::Lang::en) ==
        "run 1 · As of 2026-06-30 · recorded 2027-07-01T00:00:00Z");
}

TEST_CASE("the since-the-last-run lists hold each organization once per kind")
{
  const history::Diff diff = sample_diff(nullptr);
  const report::SinceLastRun since = history::since_last_run(diff, rules::Lang::zh);
  CHECK(since.previous == "运行 1 · 评价基准日 2026-06-30 · 记录于 2027-07-01T00:00:00Z");
  REQUIRE(since.of(ChangeKind::veto_raised).size() == 1);
  CHECK(since.of(ChangeKind::veto_raised)[0].uscc == "B");
  CHECK(since.of(ChangeKind::veto_raised)[0].detail == "V1 失信");
  CHECK(since.of(ChangeKind::grade_up)[0].name == "组织C");
}

TEST_CASE("a changed rule set is reported with the rules that changed")
{
  auto later = make_ruleset("sha-2");
  later->version = "2";
  later->rules[0].fingerprint = "changed";
  later->rules.erase(later->rules.begin() + 1); // I2 removed
  later->rules.push_back({"I3", RuleKind::indicator, 0, rules::Severity::medium, 1, {}, "f6"});
  // The outcome bytes follow the later rule set: I1, V1, F1, C1, I3.
  auto earlier = make_ruleset("sha-1");
  auto from = make_run(1, earlier, {org("B", 0, 9000, Outcome::pass, Outcome::pass, false, false)});
  history::OrgOutcome b = org("B", 0, 9000, Outcome::pass, Outcome::pass, false, false);
  b.outcomes = {static_cast<char>(Outcome::pass), 0, 0, 0, static_cast<char>(Outcome::fail)};
  auto to = make_run(2, later, {b});
  to->info.options = "{\"org\": [\"B\"]}";
  const history::Diff diff = history::compare(from, to);
  CHECK(diff.ruleset.differ);
  CHECK(diff.ruleset.changed == std::vector<std::string>{"I1"});
  CHECK(diff.ruleset.added == std::vector<std::string>{"I3"});
  CHECK(diff.ruleset.removed == std::vector<std::string>{"I2"});
  CHECK(diff.options_differ);
  // A rule only the later set has is a new finding where it fails.
  CHECK(usccs(diff, ChangeKind::turned_failing) == std::vector<std::string>{"B"});
  const auto warnings = history::comparison_warnings(diff, rules::Lang::en);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0] == "The two runs used different rule sets (test 1 → test 2): changes may come "
                       "from the rules, not the organizations. Rules changed: I1. Rules added: "
                       "I3. Rules removed: I2.");
}
