#include <doctest/doctest.h>

#include <cstdlib>

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

} // namespace

// Every text format against its golden file under tests/data/report (the
// fixture fixes the tool version to "TEST"); ORGAUDIT_UPDATE_GOLDEN=1 rewrites them.
TEST_CASE("every text format matches its golden file")
{
  const test::ReportFixture f = test::make_report_fixture();
  for (report::Format format :
       {report::Format::text, report::Format::json, report::Format::jsonl, report::Format::csv,
        report::Format::md, report::Format::html, report::Format::junit, report::Format::sarif}) {
    CAPTURE(report::format_name(format));
    CHECK(test::matches_golden(std::string(report::format_name(format)) + ".golden",
                               render(format, f, f.options)));
  }
}

// libxlsxwriter stamps the workbook with the audit date (never the clock), so
// the file is byte-identical from run to run and can have a golden file too.
TEST_CASE("the xlsx matches its golden file byte for byte")
{
  const test::ReportFixture f = test::make_report_fixture();
  CHECK(test::matches_golden("xlsx.golden", render(report::Format::xlsx, f, f.options), true));
}

TEST_CASE("English labels have golden files, and a BOM only prefixes the CSV")
{
  const test::ReportFixture f = test::make_report_fixture();
  report::RenderOptions en = f.options;
  en.lang = rules::Lang::en;
  CHECK(test::matches_golden("html-en.golden", render(report::Format::html, f, en)));
  CHECK(test::matches_golden("md-en.golden", render(report::Format::md, f, en)));
  CHECK(test::matches_golden("text-en.golden", render(report::Format::text, f, en)));
  CHECK(test::matches_golden("csv-en.golden", render(report::Format::csv, f, en)));
  CHECK(test::matches_golden("junit-en.golden", render(report::Format::junit, f, en)));
  report::RenderOptions bom = f.options;
  bom.bom = true;
  const std::string csv = render(report::Format::csv, f, bom);
  CHECK(csv.starts_with("\xEF\xBB\xBF统一社会信用代码,名称,"));
  CHECK(csv.substr(3) == render(report::Format::csv, f, f.options));
}

TEST_CASE("optional inputs left out omit their parts")
{
  const test::ReportFixture f = test::make_report_fixture();
  report::RenderOptions bare = f.options;
  bare.evidence = nullptr;
  bare.program = nullptr;
  bare.recoverable = nullptr;
  const std::string json = render(report::Format::json, f, bare);
  CHECK(json.find("\"program\": null") != std::string::npos);
  CHECK(json.find("\"evidence\": {}") != std::string::npos);
  CHECK(json.find("\"evidence\": {\"") == std::string::npos);
  const std::string html = render(report::Format::html, f, bare);
  CHECK(html.find("id=\"program\"") == std::string::npos);
  CHECK(html.find("可挽回分值") == std::string::npos);
  CHECK(html.find("依据数据") == std::string::npos);
  const std::string full = render(report::Format::html, f, f.options);
  CHECK(full.find("id=\"program\"") != std::string::npos);
  CHECK(full.find("可挽回分值") != std::string::npos);
}

TEST_CASE("rendering is deterministic")
{
  const test::ReportFixture f = test::make_report_fixture();
  for (report::Format format :
       {report::Format::text, report::Format::json, report::Format::jsonl, report::Format::csv,
        report::Format::md, report::Format::html, report::Format::junit, report::Format::sarif,
        report::Format::xlsx}) {
    CAPTURE(report::format_name(format));
    const std::string first = render(format, f, f.options);
    const test::ReportFixture again = test::make_report_fixture();
    CHECK(first == render(format, again, again.options));
  }
}

TEST_CASE("format names round-trip")
{
  for (report::Format format :
       {report::Format::text, report::Format::json, report::Format::jsonl, report::Format::csv,
        report::Format::md, report::Format::html, report::Format::junit, report::Format::sarif,
        report::Format::xlsx}) {
    CHECK(report::parse_format(report::format_name(format)) == format);
  }
  CHECK_FALSE(report::parse_format("pdf"));
  CHECK(report::format_extension(report::Format::junit) == "junit.xml");
}

// Writes the fixture's HTML report (zh and en) and its xlsx into ORGAUDIT_REPORT_PREVIEW_DIR
// when set, for looking at it in a browser; without it the test only checks
// that the report is one self-contained document.
TEST_CASE("the HTML report is self-contained")
{
  const test::ReportFixture f = test::make_report_fixture();
  const std::string html = render(report::Format::html, f, f.options);
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  CHECK(html.ends_with("</html>\n"));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("src=\"") == std::string::npos);
  CHECK(html.find("href=\"http") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  if (const char* dir = std::getenv("ORGAUDIT_REPORT_PREVIEW_DIR")) {
    report::FileOutput zh(std::string(dir) + "/report.html");
    report::render(report::Format::html, f.results, f.options, zh);
    zh.finish();
    report::RenderOptions en_options = f.options;
    en_options.lang = rules::Lang::en;
    report::FileOutput en(std::string(dir) + "/report-en.html");
    report::render(report::Format::html, f.results, en_options, en);
    en.finish();
    report::FileOutput xlsx(std::string(dir) + "/report.xlsx");
    report::render(report::Format::xlsx, f.results, f.options, xlsx);
    xlsx.finish();
  }
}

TEST_CASE("every format renders a run that selected no organization")
{
  test::ReportFixture f = test::make_report_fixture();
  audit::Results& r = f.results;
  r.resize(0);
  for (report::Format format :
       {report::Format::text, report::Format::json, report::Format::jsonl, report::Format::csv,
        report::Format::md, report::Format::html, report::Format::junit, report::Format::sarif,
        report::Format::xlsx}) {
    CAPTURE(report::format_name(format));
    CHECK_NOTHROW(render(format, f, f.options));
  }
  CHECK(render(report::Format::jsonl, f, f.options).empty());
  CHECK(render(report::Format::json, f, f.options).ends_with("\"organizations\": []}\n"));
  CHECK(render(report::Format::csv, f, f.options) ==
        "统一社会信用代码,名称,类型,地区,登记状态,总分,等级,一票否决,数据覆盖率,"
        "制度创廉,财务管廉,标记\r\n");
}
