#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/core/file.hpp>
#include <orgaudit/history/fingerprint.hpp>
#include <orgaudit/rules/loader.hpp>
#include <orgaudit/schema/loader.hpp>

#include "history_fixture.hpp"

using namespace orgaudit;

namespace {

// basic.yaml with `from` replaced by `to`, loaded against the shipped schema.
std::shared_ptr<const rules::RuleSet> variant(const std::string& from, const std::string& to)
{
  std::string text = read_file(std::string(ORGAUDIT_TEST_DATA) + "/rules/basic.yaml");
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  const test::TemporaryDatabase dir; // a fresh directory for the file
  const std::string path = dir.path() + ".yaml";
  std::ofstream(path) << text;
  Diagnostics diagnostics;
  auto set = rules::load_ruleset(path, diagnostics, std::string(schema::builtin_schema_path));
  REQUIRE_MESSAGE(set, diagnostics.format());
  return set;
}

std::string fingerprint(const rules::RuleSet& set, const std::string& id)
{
  return history::rule_fingerprint(set, *set.find(id));
}

} // namespace

TEST_CASE("a rule's fingerprint changes with its definition, not with its wording")
{
  const auto base = variant("version: \"1\"", "version: \"1\"");
  CHECK(fingerprint(*base, "T-01").size() == 64);
  CHECK(fingerprint(*base, "T-01") != fingerprint(*base, "T-02"));

  const auto reworded = variant("label: {zh: 党建入章, en: Party clause}",
                                "label: {zh: 章程写入党建, en: Party-building clause}");
  CHECK(fingerprint(*reworded, "T-01") == fingerprint(*base, "T-01"));

  const auto stricter = variant("pass: org.dues_tiers <= 4", "pass: org.dues_tiers <= 3");
  CHECK(fingerprint(*stricter, "T-04") != fingerprint(*base, "T-04"));
  CHECK(fingerprint(*stricter, "T-01") == fingerprint(*base, "T-01"));

  const auto heavier = variant("points: 5\n        pass: org.charter_party_clause",
                               "points: 6\n        pass: org.charter_party_clause");
  CHECK(fingerprint(*heavier, "T-01") != fingerprint(*base, "T-01"));
}

TEST_CASE("a rule's fingerprint follows the let definitions it uses")
{
  const auto base = variant("version: \"1\"", "version: \"1\"");
  // T-03 reads last_report, which reads report_year; dormant's Z1 reads report_year.
  const auto other_year = variant("report_year: year(as_of) - 1", "report_year: year(as_of) - 2");
  CHECK(fingerprint(*other_year, "T-03") != fingerprint(*base, "T-03"));
  CHECK(fingerprint(*other_year, "Z1") != fingerprint(*base, "Z1"));
  CHECK(fingerprint(*other_year, "dormant") != fingerprint(*base, "dormant"));
  CHECK(fingerprint(*other_year, "T-01") == fingerprint(*base, "T-01"));
  CHECK(fingerprint(*other_year, "V-01") == fingerprint(*base, "V-01"));
}
