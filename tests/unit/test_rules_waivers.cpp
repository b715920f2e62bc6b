#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <orgaudit/rules/waivers.hpp>

#include "engine_fixture.hpp"
#include "scratch_dir.hpp"
#include "string_lists.hpp"

using namespace orgaudit;
using namespace orgaudit::test;

namespace {

// Waivers read from `text` against basic.yaml as of 2026-06-30, and every
// diagnostic as `line:col: severity: message`.
struct LoadedWaivers {
  std::vector<rules::Waiver> waivers;
  std::vector<std::string> messages;
};

LoadedWaivers load(std::string_view text)
{
  static const auto ruleset = engine_test::basic_ruleset();
  ScratchDir dir("waivers");
  dir.write("waivers.yaml", text);
  Diagnostics diagnostics;
  LoadedWaivers loaded;
  loaded.waivers = rules::load_waivers((dir.path / "waivers.yaml").string(), *ruleset,
                                       engine_test::as_of, diagnostics);
  for (const Diagnostic& d : diagnostics.items()) {
    loaded.messages.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                              std::string(severity_name(d.severity)) + ": " + d.message);
  }
  return loaded;
}

} // namespace

TEST_CASE("a valid waiver is read with its organization, rule, reason, approver, expiry and place")
{
  const auto loaded = load(R"Y(- org: 52330521MJ0000026L
  rule: T-02
  reason: 换届中
  approved_by: 德清县民政局
  expires: 2026-12-31
- {org: "*", rule: Z4, reason: 核查暂停, approved_by: 湖州市民政局, expires: 2026-06-30}
)Y");
  CHECK(loaded.messages.empty());
  REQUIRE(loaded.waivers.size() == 2);
  const rules::Waiver& first = loaded.waivers[0];
  CHECK(first.org == "52330521MJ0000026L");
  CHECK(first.rule == "T-02");
  CHECK(first.reason == "换届中");
  CHECK(first.approved_by == "德清县民政局");
  CHECK(first.expires == *make_date(2026, 12, 31));
  CHECK(first.pos.line == 1);
  CHECK(first.pos.column == 3);
  // A waiver expiring on the as-of date still holds that day.
  CHECK(loaded.waivers[1].org == "*");
  CHECK(loaded.waivers[1].expires == engine_test::as_of);
}

TEST_CASE("a waiver that expired before the as-of date is dropped with a warning at its expiry")
{
  const auto loaded = load(R"Y(- org: "*"
  rule: dormant
  reason: 试点
  approved_by: 湖州市民政局
  expires: 2026-06-29
)Y");
  CHECK(loaded.waivers.empty());
  CHECK(loaded.messages ==
        std::vector<std::string>{"5:12: warning: the waiver of dormant for * expired on "
                                 "2026-06-29; the rule counts again"});
}

TEST_CASE("every mistake of a waiver is an error at its place, and the waiver is not kept")
{
  const auto loaded = load(R"Y(- org: 5133050MJ0000018C
  rule: T01
  reason: [甲, 乙]
  aproved_by: 德清县民政局
  expires: 2026-13-01
- 52330521MJ0000026L T-03
)Y");
  CHECK(loaded.waivers.empty());
  CHECK(loaded.messages ==
        std::vector<std::string>{
            "1:3: error: the waiver has no approved_by:",
            "1:8: error: org: \"5133050MJ0000018C\" is not a valid USCC (has 17 characters, "
            "expected 18); name one organization by its USCC, or every organization by \"*\"",
            "2:9: error: the rule set has no rule \"T01\"; did you mean \"T-01\"?",
            "3:11: error: reason: must be a text, not a list",
            "4:3: error: unknown key \"aproved_by\" in a waiver; did you mean \"approved_by\"?",
            "5:12: error: expires: \"2026-13-01\" is not a date (YYYY-MM-DD)",
            "6:3: error: a waiver must be a map {org, rule, reason, approved_by, expires}"});
}

TEST_CASE("a waivers file that is not a list is one error, and an empty file holds no waivers")
{
  const auto not_a_list = load("org: \"*\"\nrule: Z4\n");
  CHECK(not_a_list.waivers.empty());
  CHECK(not_a_list.messages ==
        std::vector<std::string>{
            "1:1: error: a waivers file must be a list of {org, rule, reason, approved_by, "
            "expires}"});
  const auto empty = load("");
  CHECK(empty.waivers.empty());
  CHECK(empty.messages.empty());
}
