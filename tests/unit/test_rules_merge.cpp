#include <doctest/doctest.h>

#include <algorithm>

#include <orgaudit/rules/loader.hpp>

#include "rules_fixture.hpp"

using namespace orgaudit;
using namespace orgaudit::test;

namespace {

std::vector<std::string> indicator_ids(const rules::RuleSet& set, std::string_view dimension)
{
  std::vector<std::string> ids;
  for (const rules::Dimension& d : set.dimensions) {
    if (d.id == dimension) {
      for (std::size_t i : d.indicators) {
        ids.push_back(set.indicators[i].id);
      }
    }
  }
  return ids;
}

} // namespace

TEST_CASE("a child adds an indicator to a parent's dimension without restating its label or weight")
{
  ScratchDir dir("merge-indicator");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(dimensions:
  - id: institution
    indicators:
      - {id: C-01, label: {zh: 信息公开, en: Disclosure}, points: 2, pass: "policies.exists(p, p.policy == 'information_disclosure')"}
)Y");
  REQUIRE(loaded.set);
  CHECK(loaded.diagnostics.empty());
  const rules::RuleSet& set = *loaded.set;
  CHECK(set.dimensions.size() == 2);
  CHECK(indicator_ids(set, "institution") == std::vector<std::string>{"T-01", "T-02", "C-01"});
  CHECK(set.dimensions[0].label.zh == "制度");
  CHECK(set.dimensions[0].weight == 40);
  const auto ref = set.find("C-01");
  REQUIRE(ref);
  CHECK(set.indicators[ref->index].dimension == 0);
  CHECK(set.indicators[ref->index].pos.file == (dir.path / "child.yaml").string());
}

TEST_CASE("a child adds a dimension, vetoes, deductions, bonuses, a flag and a criterion")
{
  ScratchDir dir("merge-everything");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(dimensions:
  - id: county
    label: {zh: 县级, en: County}
    weight: 10
    indicators:
      - {id: C-01, label: {zh: 甲, en: A}, points: 1, pass: "org.discipline_inspector"}
vetoes:
  - {id: C-V1, label: {zh: 乙, en: B}, when: "incidents.exists(i, i.kind == 'suspension')"}
deductions:
  - {id: C-D1, label: {zh: 丙, en: C}, points: 1, when: "incidents.exists(i, i.kind == 'interview')"}
bonuses:
  - {id: C-B1, label: {zh: 丁, en: D}, points: 1, when: "honors.exists(h, h.kind == 'brand_project')"}
flags:
  - id: dormant
    criteria:
      - {id: Z5, label: {zh: 戊, en: E}, when: "size(activities) == 0"}
  - id: county_watch
    label: {zh: 关注, en: Watch}
    criteria:
      - {id: W1, label: {zh: 己, en: F}, when: "org.grade == null"}
)Y");
  REQUIRE(loaded.set);
  CHECK(loaded.diagnostics.empty());
  const rules::RuleSet& set = *loaded.set;
  REQUIRE(set.dimensions.size() == 3);
  CHECK(set.dimensions[2].id == "county");
  CHECK(set.dimensions[2].weight == 10);
  CHECK(indicator_ids(set, "county") == std::vector<std::string>{"C-01"});
  CHECK(set.vetoes.back().id == "C-V1");
  CHECK(set.deductions.back().id == "C-D1");
  CHECK(set.bonuses.back().id == "C-B1");
  REQUIRE(set.flags.size() == 3);
  CHECK(set.flags[0].id == "dormant");
  REQUIRE(set.flags[0].criteria.size() == 3);
  CHECK(set.flags[0].criteria[2].id == "Z5");
  CHECK(set.flags[0].label.zh == "僵尸型社会组织");
  CHECK(set.flags[2].id == "county_watch");
}

TEST_CASE("a new dimension of a child needs its label and weight")
{
  ScratchDir dir("merge-new-dimension");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(dimensions:
  - id: county
    indicators:
      - {id: C-01, label: {zh: 甲, en: A}, points: 1, pass: "true"}
)Y");
  CHECK_FALSE(loaded.set);
  CHECK(loaded.messages() ==
        std::vector<std::string>{"child.yaml:4:5: dimension \"county\" has no label:",
                                 "child.yaml:4:5: dimension \"county\" has no weight:"});
}

TEST_CASE("an id a child adds that the parent has is an error pointing at overrides")
{
  ScratchDir dir("merge-collisions");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(dimensions:
  - id: institution
    label: {zh: 制度, en: Institutions}
    weight: 50
    indicators:
      - {id: T-02, label: {zh: 甲, en: A}, points: 1, pass: "true"}
  - id: dormant
    label: {zh: 乙, en: B}
    weight: 1
vetoes:
  - {id: V-01, label: {zh: 丙, en: C}, when: "true"}
deductions:
  - {id: B-01, label: {zh: 丁, en: D}, points: 1, when: "true"}
flags:
  - id: risky
    match: all
    criteria:
      - {id: Z1, label: {zh: 戊, en: E}, when: "true"}
      - {id: T-03, label: {zh: 己, en: F}, when: "true"}
)Y");
  CHECK_FALSE(loaded.set);
  CHECK(loaded.messages() ==
        std::vector<std::string>{
            "child.yaml:5:5: dimension \"institution\" is the parent's: give only its id and the "
            "indicators to add here, and change its label under overrides: (institution: "
            "{label: …})",
            "child.yaml:6:5: dimension \"institution\" is the parent's: give only its id and the "
            "indicators to add here, and change its weight under overrides: (institution: "
            "{weight: …})",
            "child.yaml:8:14: indicator \"T-02\" is already in the parent rule set: to change "
            "it, give the changes under overrides: (T-02: {…}) instead of adding it again",
            "child.yaml:9:9: id \"dormant\" is taken by the parent rule set's flag \"dormant\"; "
            "ids are unique across dimensions and rules: choose another",
            "child.yaml:13:10: veto \"V-01\" is already in the parent rule set: to change it, "
            "give the changes under overrides: (V-01: {…}) instead of adding it again",
            "child.yaml:15:10: id \"B-01\" is taken by the parent rule set's bonus \"B-01\"; ids "
            "are unique across dimensions and rules: choose another",
            "child.yaml:18:5: flag \"risky\" is the parent's: give only its id and the criteria "
            "to add here, and change its match under overrides: (risky: {match: …})",
            "child.yaml:20:14: criterion \"Z1\" is already in the parent rule set: to change it, "
            "give the changes under overrides: (Z1: {…}) instead of adding it again",
            "child.yaml:21:14: id \"T-03\" is taken by the parent rule set's indicator \"T-03\"; "
            "ids are unique across dimensions and rules: choose another"});
}

TEST_CASE("enabled false drops a rule from the effective set and keeps its id taken")
{
  ScratchDir dir("merge-disabled");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(overrides:
  T-02: {enabled: false}
  D-01: {enabled: false}
  dormant: {criteria: {Z4: {enabled: false}}}
  risky: {enabled: false}
)Y");
  REQUIRE(loaded.set);
  const rules::RuleSet& set = *loaded.set;
  CHECK(indicator_ids(set, "institution") == std::vector<std::string>{"T-01"});
  CHECK(set.deductions.empty());
  CHECK_FALSE(set.find("Z4"));
  CHECK_FALSE(set.find("risky"));
  REQUIRE(set.flags.size() == 1);
  CHECK(set.flags[0].criteria.size() == 1);

  auto again = load_written(dir, "again.yaml", child_of_basic() + R"Y(overrides:
  T-02: {enabled: false}
dimensions:
  - id: institution
    indicators:
      - {id: T-02, label: {zh: 甲, en: A}, points: 1, pass: "true"}
)Y");
  CHECK_FALSE(again.set);
  REQUIRE(again.messages().size() == 1);
  CHECK(again.messages()[0].starts_with("again.yaml:8:14: indicator \"T-02\" is already in"));
}

TEST_CASE("disabling every criterion of a flag asks to disable the flag")
{
  ScratchDir dir("merge-no-criteria");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(overrides:
  risky: {criteria: {R1: {enabled: false}, R2: {enabled: false}}}
)Y");
  CHECK_FALSE(loaded.set);
  CHECK(loaded.messages() ==
        std::vector<std::string>{"child.yaml:4:58: every criterion of flag \"risky\" is disabled: "
                                 "disable the flag itself instead (risky: {enabled: false})"});
}

TEST_CASE("a rule set anywhere on disk extends the built-in provincial set")
{
  ScratchDir dir("merge-builtin");
  auto loaded = load_written(dir, "county.yaml", R"Y(ruleset: county
extends: builtin:rules/zhejiang-integrity.yaml
dimensions:
  - id: institution
    indicators:
      - {id: DQ-01, label: {zh: 信息公开制度, en: Disclosure}, points: 2, pass: "policies.exists(p, p.policy == 'information_disclosure')"}
overrides:
  ZD-03: {points: 6}
  GF-05: {enabled: false}
)Y");
  REQUIRE(loaded.set);
  CHECK(loaded.diagnostics.empty());
  const rules::RuleSet& set = *loaded.set;
  CHECK(set.id == "county");
  CHECK(set.schema->path == "builtin:rules/schema/social-org.yaml");
  CHECK(indicator_ids(set, "institution").back() == "DQ-01");
  CHECK(set.indicators[set.find("ZD-03")->index].points == 6);
  CHECK_FALSE(set.find("GF-05"));
}

TEST_CASE("a child's settings and grades replace the parent's, its lets replace or add")
{
  ScratchDir dir("merge-settings");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(version: "2"
title: {zh: 县级, en: County}
scale: 10
bonus_cap: 1
on_missing: exclude
min_coverage: 0.5
grades:
  - {id: yes, label: {zh: 是, en: "Yes"}, min: 5}
  - {id: no, label: {zh: 否, en: "No"}, min: 0}
veto_grade: no
let:
  report_year: year(as_of) - 2
  county_year: "2025"
overrides:
  T-03: {pass: "last_report.result == 'qualified'"}
)Y");
  REQUIRE(loaded.set);
  CHECK(loaded.diagnostics.empty());
  const rules::RuleSet& set = *loaded.set;
  CHECK(set.version == "2");
  CHECK(set.title.zh == "县级");
  CHECK(set.scale == 10);
  CHECK(set.bonus_cap == 1);
  CHECK(set.on_missing == rules::OnMissing::exclude);
  CHECK(set.min_coverage == 0.5);
  REQUIRE(set.grades.size() == 2);
  CHECK(set.grades[set.veto_grade].id == "no");
  CHECK(set.lets[0] == std::pair<std::string, std::string>{"report_year", "year(as_of) - 2"});
  CHECK(set.lets.back().first == "county_year");
  // A new pass: replaces the parent's score:.
  const rules::Indicator& t03 = set.indicators[set.find("T-03")->index];
  CHECK(t03.pass);
  CHECK_FALSE(t03.score);
}

TEST_CASE("overrides without extends is an error")
{
  ScratchDir dir("merge-no-parent");
  auto loaded =
      load_written(dir, "alone.yaml", "ruleset: alone\noverrides:\n  T-01: {points: 1}\n");
  CHECK_FALSE(loaded.set);
  const auto messages = loaded.messages();
  CHECK(std::find(messages.begin(), messages.end(),
                  "alone.yaml:3:3: overrides: needs extends: (a parent rule set to change)") !=
        messages.end());
}

TEST_CASE("let_labels label lets for explain, a child adds labels, and an unknown let is an error")
{
  ScratchDir dir("merge-let-labels");
  auto loaded = load_written(dir, "child.yaml", child_of_basic() + R"Y(let_labels:
  report_year: {zh: 应报年报年度, en: Report year}
)Y");
  REQUIRE(loaded.set);
  CHECK(loaded.diagnostics.empty());
  REQUIRE(loaded.set->let_labels.count("report_year") == 1);
  CHECK(loaded.set->let_labels.at("report_year").zh == "应报年报年度");

  auto wrong = load_written(dir, "wrong.yaml", child_of_basic() + R"Y(let_labels:
  report_yaer: {zh: 应报年报年度, en: Report year}
)Y");
  CHECK_FALSE(wrong.set);
  CHECK(wrong.messages() ==
        std::vector<std::string>{
            "wrong.yaml:4:3: let_labels: there is no let named \"report_yaer\""});
}
