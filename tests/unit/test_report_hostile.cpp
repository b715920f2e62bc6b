#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include <nlohmann/json.hpp>

#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/format.hpp>
#include <orgaudit/report/labels.hpp>

#include "report_fixture.hpp"

using namespace orgaudit;

namespace {

std::string render(report::Format format, const test::ReportFixture& f)
{
  report::StringOutput out;
  report::render(format, f.results, f.options, out);
  return out.text();
}

bool contains(const std::string& text, std::string_view part)
{
  return text.find(part) != std::string::npos;
}

} // namespace

// The fixture's names hold script tags, attribute breakers, a spreadsheet
// formula, leading + - @ and tab, a pipe and backticks, a newline, and 5,000
// characters; each format must carry them safely.
TEST_CASE("hostile names are escaped in HTML")
{
  const test::ReportFixture f = test::make_report_fixture();
  const std::string html = render(report::Format::html, f);
  CHECK_FALSE(contains(html, "<script"));
  CHECK_FALSE(contains(html, "<img"));
  CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(contains(html, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
  CHECK(contains(html, "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"));
  CHECK(contains(html, "+86 商会, &quot;甲&quot;"));
  CHECK(contains(html, "-减号|管道`代码`协会"));
  CHECK(contains(html, "&lt;待核&gt;"));
  // The 5,000-character name: cut in the heading, whole in the tooltip.
  const std::string& long_name = test::fixture_names()[8];
  CHECK(contains(html, "title=\"" + long_name + "\""));
  CHECK(contains(html, report::shorten(long_name) + "</span>"));
}

TEST_CASE("hostile names are escaped in Markdown")
{
  const test::ReportFixture f = test::make_report_fixture();
  const std::string md = render(report::Format::md, f);
  CHECK_FALSE(contains(md, "<script"));
  CHECK_FALSE(contains(md, "<img"));
  CHECK(contains(md, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(contains(md, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
  CHECK(contains(md, "\\=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"));
  CHECK(contains(md, "### \\+86 商会, &quot;甲&quot;"));
  CHECK(contains(md, "### \\-减号\\|管道\\`代码\\`协会"));
  CHECK(contains(md, "### \\@基金会<br>第二行"));
  CHECK(contains(md, "###  制表符基金会"));
  // Every table row keeps its column count: no unescaped pipe inside a cell.
  std::istringstream lines(md);
  std::string line;
  std::size_t columns = 0;
  while (std::getline(lines, line)) {
    if (!line.starts_with("|")) {
      columns = 0;
      continue;
    }
    std::size_t pipes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\') ? 1 : 0;
    }
    if (columns == 0) {
      columns = pipes;
    }
    CHECK_MESSAGE(pipes == columns, line);
  }
}

TEST_CASE("hostile names are neutralized in CSV")
{
  const test::ReportFixture f = test::make_report_fixture();
  const std::string csv = render(report::Format::csv, f);
  CHECK(contains(csv, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","));
  CHECK(contains(csv, ",\"'+86 商会, \"\"甲\"\"\","));
  CHECK(contains(csv, ",'-减号|管道`代码`协会,"));
  CHECK(contains(csv, ",\"'@基金会\n第二行\","));
  CHECK(contains(csv, ",'\t制表符基金会,"));
  CHECK(contains(csv, ",<script>alert(1)</script>,"));
  CHECK(contains(csv, "," + test::fixture_names()[8] + ","));
  // No cell starts with a formula character.
  for (std::string_view start : {",=", ",+", ",-", ",@", ",\t", ",\"=", ",\"+", ",\"-", ",\"@"}) {
    CHECK_MESSAGE(!contains(csv, start), start);
  }
}

TEST_CASE("hostile names are exact in JSON, JSON Lines and SARIF")
{
  const test::ReportFixture f = test::make_report_fixture();
  const auto json = nlohmann::json::parse(render(report::Format::json, f));
  REQUIRE(json["organizations"].size() == test::fixture_names().size());
  std::istringstream jsonl(render(report::Format::jsonl, f));
  std::string line;
  for (std::size_t o = 0; o < test::fixture_names().size(); ++o) {
    CHECK(json["organizations"][o]["name"] == test::fixture_names()[o]);
    REQUIRE(std::getline(jsonl, line));
    CHECK(nlohmann::json::parse(line) == json["organizations"][o]);
  }
  CHECK_FALSE(std::getline(jsonl, line));
  CHECK(json["organizations"][8]["name"].get<std::string>().size() == 15000);
  CHECK(json["summary"]["program"]["demonstration_units"][0] == "<script>alert(1)</script>");
  const auto sarif = nlohmann::json::parse(render(report::Format::sarif, f));
  const auto& places = sarif["runs"][0]["logicalLocations"];
  CHECK(places[0]["name"] == "51330502MJA000002B");
  CHECK(places[0]["properties"]["organizationName"] == "<script>alert(1)</script>");
  for (const auto& place : places) {
    const std::string uscc = place["name"];
    const auto& names = test::fixture_names();
    const auto o = std::find_if(json["organizations"].begin(), json["organizations"].end(),
                                [&](const auto& org) { return org["uscc"] == uscc; });
    REQUIRE(o != json["organizations"].end());
    CHECK(place["properties"]["organizationName"] == (*o)["name"]);
    CHECK(std::find(names.begin(), names.end(), (*o)["name"].get<std::string>()) != names.end());
  }
}

TEST_CASE("JUnit XML leaves names out: the USCC in each classname identifies the organization")
{
  const test::ReportFixture f = test::make_report_fixture();
  const std::string xml = render(report::Format::junit, f);
  CHECK_FALSE(contains(xml, "<script"));
  CHECK_FALSE(contains(xml, "<img"));
  CHECK_FALSE(contains(xml, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_FALSE(contains(xml, "@基金会"));
  CHECK(contains(xml, "classname=\"org.51330502MJA000002B.institution\""));
}
