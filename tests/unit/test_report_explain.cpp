#include <doctest/doctest.h>

#include <orgaudit/report/explain.hpp>
#include <orgaudit/report/flagged.hpp>

#include "report_fixture.hpp"

using namespace orgaudit;

namespace {

// The fixture's organization at `position` alone, as `explain` sees it, with
// the evidence and points recoverable the fixture gives that organization.
struct OneOrganization {
  explicit OneOrganization(std::size_t position)
      : fixture(test::make_report_fixture()),
        results(audit::select_organizations(fixture.results, {position})), options(fixture.options)
  {
    options.recoverable = [this, position](std::size_t) {
      return fixture.options.recoverable(position);
    };
  }

  std::string render(report::Format format, rules::Lang lang,
                     const report::ExplainOptions& explain = {}) const
  {
    report::RenderOptions with_lang = options;
    with_lang.lang = lang;
    report::StringOutput out;
    report::render_explain(format, results, with_lang, explain, out);
    return out.text();
  }

  test::ReportFixture fixture;
  audit::Results results;
  report::RenderOptions options;
};

} // namespace

TEST_CASE("explain's text view has golden files in both languages, and its JSON one")
{
  // Position 6: a failed indicator, a raised flag and points to recover.
  const OneOrganization one(6);
  CHECK(
      test::matches_golden("explain-zh.golden", one.render(report::Format::text, rules::Lang::zh)));
  CHECK(
      test::matches_golden("explain-en.golden", one.render(report::Format::text, rules::Lang::en)));
  CHECK(test::matches_golden("explain-json.golden",
                             one.render(report::Format::json, rules::Lang::zh)));
}

TEST_CASE("explain under --lang zh prints no English word of its own")
{
  const std::string zh = OneOrganization(6).render(report::Format::text, rules::Lang::zh);
  for (const char* word :
       {"RAISED", "not raised", "total", "grade", "coverage", "points", "fail", "flag ", "[high]",
        "no_match", "dormant", "organizations.status", "rows"}) {
    CAPTURE(word);
    CHECK(zh.find(word) == std::string::npos);
  }
  CHECK(zh.find("标记 僵尸型社会组织：已标记") != std::string::npos);
  CHECK(zh.find("活动截止日 2024-01-01") != std::string::npos);
}

TEST_CASE("explain --rule shows that rule's expression and basis, and the trend comes last")
{
  const OneOrganization one(6);
  report::ExplainOptions explain;
  explain.rule = "dormant";
  explain.trend = "\n趋势\n(trend)\n";
  const std::string text = one.render(report::Format::text, rules::Lang::zh, explain);
  CHECK(text.find("可挽回分值") == std::string::npos);
  CHECK(text.ends_with("\n趋势\n(trend)\n"));
  explain.trend = "[]";
  CHECK(one.render(report::Format::json, rules::Lang::zh, explain).ends_with(", \"trend\": []}\n"));
}

TEST_CASE("flag's text view lists each flagged organization with its raised flags")
{
  const test::ReportFixture f = test::make_report_fixture();
  const std::vector<std::size_t> positions = report::flagged_positions(f.results, {0});
  CHECK(positions == std::vector<std::size_t>{1, 6});
  const audit::Results flagged = audit::select_organizations(f.results, positions);
  report::StringOutput out;
  report::render_flagged_text(flagged, {0}, rules::Lang::zh, out);
  CHECK(test::matches_golden("flagged.golden", out.text()));
}
