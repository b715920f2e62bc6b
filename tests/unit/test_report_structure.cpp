#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <orgaudit/core/text.hpp>
#include <orgaudit/report/attention.hpp>
#include <orgaudit/report/format.hpp>

#include "report_fixture.hpp"

using namespace orgaudit;

namespace {

std::string render(report::Format format, const test::ReportFixture& f,
                   const report::RenderOptions& options)
{
  report::StringOutput out;
  report::render(format, f.results, options, out);
  return out.text();
}

std::size_t count(const std::string& text, std::string_view part)
{
  std::size_t n = 0;
  for (std::size_t pos = text.find(part); pos != std::string::npos;
       pos = text.find(part, pos + 1)) {
    ++n;
  }
  return n;
}

} // namespace

TEST_CASE("JSON has the shape of SPEC §6")
{
  const test::ReportFixture f = test::make_report_fixture();
  const auto json = nlohmann::json::parse(render(report::Format::json, f, f.options));
  CHECK(json["schema_version"] == 1);
  CHECK(json["tool"] == nlohmann::json{{"name", "orgaudit"}, {"version", "TEST"}});
  CHECK(json["ruleset"]["id"] == "fixture-integrity");
  CHECK(json["dataset"]["organizations"] == 9);
  CHECK(json["as_of"] == "2026-11-27");
  CHECK(json["summary"]["grades"]["ungraded"] == 1);
  CHECK(json["summary"]["by_region"]["330502"]["name"] == "吴兴区");
  const auto& vetoed = json["organizations"][2];
  CHECK(vetoed["vetoed"] == true);
  CHECK(vetoed["vetoes"] == nlohmann::json{"VETO-01"});
  CHECK(vetoed["total"] == 90.0);
  CHECK(vetoed["total_without_waivers"] == 82.5);
  CHECK(vetoed["waived"][0]["expires"] == "2027-06-30");
  CHECK(vetoed["indicators"][2]["status"] == "waived");
  const auto& ungraded = json["organizations"][3];
  CHECK(ungraded["grade"] == "ungraded");
  CHECK(ungraded["coverage"] == 0.3429);
  CHECK(ungraded["status"] == "deregistered");
  const auto& flagged = json["organizations"][1];
  CHECK(flagged["flags"] ==
        nlohmann::json::parse(R"([{"id": "dormant", "criteria": [{"id": "Z1", "status": "match"},
                                                      {"id": "Z2", "status": "missing"}]}])"));
  CHECK(json["organizations"][0]["flags"].empty());
  CHECK(json["organizations"][7]["dimensions"][0]["score"].is_null());
  // Evidence is given for findings, not for indicators that passed.
  const auto& failing = json["organizations"][6];
  REQUIRE(failing["indicators"][2]["status"] == "fail");
  CHECK(flagged["indicators"][2]["evidence"].empty());
  for (const auto& indicator : json["organizations"][0]["indicators"]) {
    if (indicator["status"] == "pass") {
      CHECK(indicator["evidence"].empty());
    }
  }
  CHECK(failing["indicators"][2]["evidence"] ==
        nlohmann::json::parse(R"({"organizations.status": "active",
        "annual_reports": [{"line": 3, "year": 2023, "result": "qualified"},
                           {"line": 4, "year": 2022, "result": "<unqualified>"}]})"));
}

TEST_CASE("JUnit has one testcase per organization and rule, with SPEC §6 outcomes")
{
  const test::ReportFixture f = test::make_report_fixture();
  const std::string xml = render(report::Format::junit, f, f.options);
  // 9 organizations × (4 indicators + 1 veto + 1 flag).
  CHECK(count(xml, "<testcase ") == 54);
  CHECK(count(xml, "<testsuite ") == 4);
  CHECK(xml.find("<testsuites name=\"orgaudit fixture-integrity 2026.1\" tests=\"54\" "
                 "failures=\"12\" errors=\"3\" "
                 "skipped=\"5\" time=\"0\">") != std::string::npos);
  CHECK(xml.find(
            "<testsuite name=\"institution\" package=\"institution\" id=\"0\" tests=\"18\" "
            "failures=\"5\" "
            "errors=\"2\" skipped=\"2\" time=\"0\" timestamp=\"2026-11-27T00:00:00\" "
            "hostname=\"localhost\">\n"
            "    <properties>\n      <property name=\"ruleset\" value=\"fixture-integrity\"/>") !=
        std::string::npos);
  CHECK(count(xml, "<system-out/>") == 4);
  CHECK(xml.find("<testcase classname=\"org.51330502MJA000002B.institution\" name=\"ZD-01\">\n"
                 "      <failure message=\"部分达标：得 2.5 分，满分 5 分\" type=\"medium\"/>") !=
        std::string::npos);
  CHECK(xml.find("<testcase classname=\"org.51330521MJA000004D.institution\" name=\"ZD-01\">\n"
                 "      <error message=\"数据缺失\" type=\"missing\"/>") != std::string::npos);
  CHECK(xml.find("<testcase classname=\"org.51330503MJA000003C.finance\" name=\"GF-01\">\n"
                 "      <skipped message=\"已豁免：2025年新登记，首个年检年度未到 &lt;待核&gt;"
                 "（有效期至 2027-06-30）\"/>") != std::string::npos);
  CHECK(xml.find("<testcase classname=\"org.51330503MJA000003C.vetoes\" name=\"VETO-01\">\n"
                 "      <failure message=\"一票否决\" type=\"critical\"/>") != std::string::npos);
  CHECK(xml.find("<testcase classname=\"org.51330500MJA000001A.flags\" name=\"dormant\"/>") !=
        std::string::npos);
  CHECK(xml.find("<skipped message=\"不适用\"/>") != std::string::npos);
  // A rule's text is in its suite's properties, once; a testcase has no time.
  CHECK(count(xml, "<property name=\"ZD-01.label\" value=\"党建入章\"/>") == 1);
  CHECK(count(xml, "<property name=\"ZD-01.remediation\" value=\"修改章程，写入党建工作内容\"/>") ==
        1);
  CHECK(count(xml, "修改章程，写入党建工作内容") == 1);
  CHECK(count(xml, "time=\"0\"") == 5);
}

TEST_CASE("SARIF lists every rule and locates every result")
{
  const test::ReportFixture f = test::make_report_fixture();
  const auto sarif = nlohmann::json::parse(render(report::Format::sarif, f, f.options));
  CHECK(sarif["version"] == "2.1.0");
  CHECK(sarif["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  const auto& run = sarif["runs"][0];
  const auto& rules = run["tool"]["driver"]["rules"];
  std::vector<std::string> ids;
  for (const auto& rule : rules) {
    ids.push_back(rule["id"]);
  }
  CHECK(ids == std::vector<std::string>{"ZD-01", "ZD-02", "GF-01", "GF-02", "VETO-01", "KF-01",
                                        "JF-01", "dormant"});
  CHECK(rules[1]["properties"]["severity"] == "high");
  CHECK(rules[1]["defaultConfiguration"]["level"] == "error");
  CHECK(rules[0]["help"]["text"] == "修改章程，写入党建工作内容");
  const auto& results = run["results"];
  // 12 indicator findings, 1 veto, 2 flags, and the waived GF-01 as a suppressed result.
  REQUIRE(results.size() == 16);
  for (const auto& result : results) {
    CHECK(rules[result["ruleIndex"].get<std::size_t>()]["id"] == result["ruleId"]);
    const auto& location = result["locations"][0]["physicalLocation"];
    const std::size_t artifact = location["artifactLocation"]["index"];
    CHECK(run["artifacts"][artifact]["location"]["uri"] == "organizations.csv");
    const std::size_t org = result["locations"][0]["logicalLocations"][0]["index"];
    CHECK(result["partialFingerprints"]["orgauditFinding/v1"] ==
          run["logicalLocations"][org]["name"].get<std::string>() + "/" +
              result["ruleId"].get<std::string>());
    CHECK(rules[result["ruleIndex"].get<std::size_t>()]["messageStrings"].contains(
        result["message"]["id"].get<std::string>()));
    CHECK(location["region"]["startLine"].get<int>() >= 2);
    CHECK(result["partialFingerprints"]["orgauditFinding/v1"].get<std::string>().size() > 19);
  }
  // The last organization starts on line 11: the seventh one's name spans two lines.
  CHECK(results.back()["locations"][0]["physicalLocation"]["region"]["startLine"] == 11);
  const auto waived = std::find_if(results.begin(), results.end(),
                                   [](const auto& r) { return r.contains("suppressions"); });
  REQUIRE(waived != results.end());
  CHECK((*waived)["ruleId"] == "GF-01");
  CHECK((*waived)["suppressions"][0]["justification"] == "2025年新登记，首个年检年度未到 <待核>");
  CHECK((*waived)["message"] == nlohmann::json{{"text", "waived"}, {"id", "waived"}});
  // Each organization with a result is listed once; an indicator's message
  // fills its rule's string with the status and the points earned, and its
  // text (which GitHub code scanning requires) holds only those.
  CHECK(run["logicalLocations"].size() == 8);
  CHECK(rules[0]["messageStrings"]["default"]["text"] == "党建入章 ({0}, {1} of 5 points)");
  CHECK(results[0]["message"] ==
        nlohmann::json::parse(R"({"text": "partial, 2.5 of 5 points", "id": "default",
                                   "arguments": ["partial", "2.5"]})"));
  CHECK_FALSE(results[0].contains("level"));
  CHECK_FALSE(results[0].contains("properties"));
}

TEST_CASE("the text table fits the width and uses colour only when asked")
{
  const test::ReportFixture f = test::make_report_fixture();
  for (int width : {60, 80, 100, 200}) {
    for (rules::Lang lang : {rules::Lang::zh, rules::Lang::en}) {
      report::RenderOptions options = f.options;
      options.width = width;
      options.lang = lang;
      const std::string text = render(report::Format::text, f, options);
      std::size_t start = 0;
      while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::string_view line(text.data() + start, end - start);
        CHECK_MESSAGE(display_width(line) <= static_cast<std::size_t>(std::min(width, 100)), line);
        for (char c : line) {
          CHECK(static_cast<unsigned char>(c) >= 0x20);
        }
        start = end + 1;
      }
    }
  }
  report::RenderOptions colour = f.options;
  colour.color = true;
  const std::string painted = render(report::Format::text, f, colour);
  CHECK(painted.find("\x1b[31m") != std::string::npos);
  CHECK(painted.find("\x1b[1m") != std::string::npos);
}

TEST_CASE("the audit summary fits 100 columns and lists the files written")
{
  const test::ReportFixture f = test::make_report_fixture();
  report::StringOutput out;
  report::render_audit_summary(f.results, f.options,
                               {"audit-report/report.html", "audit-report/report.json"}, out);
  CHECK(test::matches_golden("audit-summary.golden", out.text()));
  std::size_t start = 0;
  const std::string& text = out.text();
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    CHECK(display_width(std::string_view(text).substr(start, end - start)) <= 100);
    start = end + 1;
  }
  CHECK(text.find("\x1b[") == std::string::npos);
}

TEST_CASE("the default --detail stops where the next section would pass the budget")
{
  const test::ReportFixture fixture = test::make_report_fixture();
  const std::vector<std::size_t> order = report::attention_order(fixture.results);
  REQUIRE(order.size() >= 3);

  SUBCASE("sections that fit are all shown")
  {
    const report::DetailSelection all =
        report::select_detail(fixture.results, report::detail_auto,
                              [](std::size_t, std::size_t) { return std::size_t{1000}; });
    CHECK(all.automatic);
    CHECK(all.shown == order.size());
    CHECK(all.left_out() == 0);
  }
  SUBCASE("the section that passes the budget and those after it are left out")
  {
    std::vector<std::size_t> asked;
    const report::DetailSelection two = report::select_detail(
        fixture.results, report::detail_auto, [&](std::size_t k, std::size_t position) {
          asked.push_back(position);
          return k < 2 ? report::detail_budget / 2 : std::size_t{1};
        });
    CHECK(two.shown == 2);
    CHECK(two.left_out() == order.size() - 2);
    CHECK(asked == std::vector<std::size_t>(order.begin(), order.begin() + 3));
    CHECK(two.has_section[order[0]]);
    CHECK(two.has_section[order[1]]);
    CHECK_FALSE(two.has_section[order[2]]);
  }
  SUBCASE("an explicit --detail N ignores the budget")
  {
    const report::DetailSelection one = report::select_detail(
        fixture.results, 1, [](std::size_t, std::size_t) { return report::detail_budget * 2; });
    CHECK_FALSE(one.automatic);
    CHECK(one.shown == 1);
  }
}
