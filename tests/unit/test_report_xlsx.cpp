#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <orgaudit/report/findings.hpp>
#include <orgaudit/report/format.hpp>

#include "report_fixture.hpp"

using namespace orgaudit;

namespace {

bool have_python()
{
  return std::system("python3 -c 'import zipfile' >/dev/null 2>&1") == 0;
}

std::string read(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
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

// Renders the fixture as xlsx into a scratch directory and unpacks its parts
// with python3's zipfile (the check an auditor would run); the parts are read
// back by name.
struct UnpackedWorkbook {
  std::filesystem::path dir;
  std::string listing;
  explicit UnpackedWorkbook(rules::Lang lang)
  {
    dir = std::filesystem::temp_directory_path() /
          ((lang == rules::Lang::zh ? "orgaudit-xlsx-zh-" : "orgaudit-xlsx-en-") +
           std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "parts");
    test::ReportFixture f = test::make_report_fixture();
    f.options.lang = lang;
    report::FileOutput out(dir / "report.xlsx");
    report::render(report::Format::xlsx, f.results, f.options, out);
    out.finish();
    const std::string d = dir.string();
    REQUIRE(std::system(("python3 -m zipfile -l '" + d + "/report.xlsx' > '" + d + "/listing.txt'")
                            .c_str()) == 0);
    REQUIRE(std::system(
                ("python3 -m zipfile -e '" + d + "/report.xlsx' '" + d + "/parts'").c_str()) == 0);
    listing = read(dir / "listing.txt");
  }
  ~UnpackedWorkbook() { std::filesystem::remove_all(dir); }
  std::string part(const std::string& name) const { return read(dir / "parts" / name); }
};

} // namespace

TEST_CASE("the xlsx opens as a zip and its sheets hold the expected rows")
{
  if (!have_python()) {
    MESSAGE("python3 is not installed: the xlsx container check is skipped");
    return;
  }
  const UnpackedWorkbook book(rules::Lang::zh);
  for (std::string_view name :
       {"xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet4.xml",
        "[Content_Types].xml", "docProps/core.xml"}) {
    CHECK_MESSAGE(book.listing.find(name) != std::string::npos, name);
  }
  const std::string workbook = book.part("xl/workbook.xml");
  CHECK(workbook.find("<sheet name=\"概况\" sheetId=\"1\"") != std::string::npos);
  CHECK(workbook.find("<sheet name=\"社会组织\" sheetId=\"2\"") != std::string::npos);
  CHECK(workbook.find("<sheet name=\"问题\" sheetId=\"3\"") != std::string::npos);
  CHECK(workbook.find("<sheet name=\"标记\" sheetId=\"4\"") != std::string::npos);
  // summary: header, rule set, as-of, dataset, tables used and absent, organizations, mean,
  // 5 grades, vetoed, 1 flag, 2 dimension means, 13 program figures, demonstration units.
  CHECK(count(book.part("xl/worksheets/sheet1.xml"), "<row ") ==
        1 + 5 + 2 + 5 + 1 + 1 + 2 + 13 + 1);
  CHECK(count(book.part("xl/worksheets/sheet2.xml"), "<row ") == 1 + 9);
  // findings: a header and one row per organization with findings; one cell
  // per finding after the uscc, name and count columns.
  const test::ReportFixture f = test::make_report_fixture();
  std::size_t with_findings = 0;
  std::size_t findings = 0;
  for (std::size_t o = 0; o < f.results.size(); ++o) {
    const std::size_t n = report::org_findings(f.results, o).size();
    with_findings += n > 0 ? 1 : 0;
    findings += n;
  }
  CHECK(findings == 15); // 12 indicators, 1 veto, 2 flags
  const std::string findings_sheet = book.part("xl/worksheets/sheet3.xml");
  CHECK(count(findings_sheet, "<row ") == 1 + with_findings);
  const std::size_t header_cells = 3 + f.results.ruleset->indicators.size() +
                                   f.results.ruleset->vetoes.size() +
                                   f.results.ruleset->flags.size();
  CHECK(count(findings_sheet, "<c r=") == header_cells + 3 * with_findings + findings);
  CHECK(findings_sheet.find(">未通过 0/") != std::string::npos);
  CHECK(count(book.part("xl/worksheets/sheet4.xml"), "<row ") == 1 + 2);
  // rules: a header and every rule once.
  const rules::RuleSet& set = *f.results.ruleset;
  CHECK(count(book.part("xl/worksheets/sheet5.xml"), "<row ") ==
        1 + set.indicators.size() + set.vetoes.size() + set.deductions.size() + set.bonuses.size() +
            set.flags.size());
  CHECK(workbook.find("<sheet name=\"规则\" sheetId=\"5\"") != std::string::npos);
  const std::string organizations = book.part("xl/worksheets/sheet2.xml");
  CHECK(organizations.find("<pane ySplit=\"1\"") != std::string::npos);
  CHECK(organizations.find("统一社会信用代码") != std::string::npos);
  // Hostile names are string cells, never formulas, and kept as written: a
  // string cell is never evaluated, so the ' that CSV needs would show.
  CHECK(organizations.find("<f>") == std::string::npos);
  CHECK(organizations.find(">=HYPERLINK(\"http://x\",\"y\")<") != std::string::npos);
  CHECK(organizations.find(">+86 商会, \"甲\"<") != std::string::npos);
  CHECK(organizations.find(">-减号|管道`代码`协会<") != std::string::npos);
  CHECK(organizations.find(">@基金会\n第二行<") != std::string::npos);
  CHECK(organizations.find(">\t制表符基金会<") != std::string::npos);
  CHECK(organizations.find(">'") == std::string::npos);
  CHECK(organizations.find(">&lt;script&gt;alert(1)&lt;/script&gt;<") != std::string::npos);
  CHECK(organizations.find(test::fixture_names()[8]) != std::string::npos);
  // Scores are numbers, shown with two decimals; every sheet has an autofilter.
  CHECK(organizations.find("<v>40.5</v>") != std::string::npos);
  const std::string styles = book.part("xl/styles.xml");
  CHECK(styles.find("formatCode=\"0.00\"") != std::string::npos);
  CHECK(styles.find("formatCode=\"#,##0.00\"") != std::string::npos);
  CHECK(organizations.find("<c r=\"F3\" s=\"2\"><v>40.5</v>") != std::string::npos);
  CHECK(organizations.find("<autoFilter ref=\"A1:") != std::string::npos);
  for (const char* sheet : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml",
                            "xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml"}) {
    CAPTURE(sheet);
    CHECK(book.part(sheet).find("<autoFilter ref=\"A1:") != std::string::npos);
  }
}

TEST_CASE("the xlsx uses English sheet names and headers under --lang en")
{
  if (!have_python()) {
    MESSAGE("python3 is not installed: the xlsx container check is skipped");
    return;
  }
  const UnpackedWorkbook book(rules::Lang::en);
  const std::string workbook = book.part("xl/workbook.xml");
  CHECK(workbook.find("<sheet name=\"summary\" sheetId=\"1\"") != std::string::npos);
  CHECK(workbook.find("<sheet name=\"flags\" sheetId=\"4\"") != std::string::npos);
  CHECK(book.part("xl/worksheets/sheet2.xml").find(">USCC<") != std::string::npos);
}
