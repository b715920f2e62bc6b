#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <set>
#include <sstream>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/report/explain.hpp>
#include <orgaudit/report/findings.hpp>
#include <orgaudit/report/flagged.hpp>
#include <orgaudit/report/format.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/rules/loader.hpp>

#include "report_fixture.hpp"

using namespace orgaudit;

// Issue 11 item 1: every word a reader sees is in --lang. Under zh no
// canonical column or enum value name of the schema shows in visible text;
// machine fields (JSON, SARIF, HTML attributes, JUnit ids and types) keep them.

namespace {

std::string render(report::Format format, const test::ReportFixture& f, rules::Lang lang)
{
  report::RenderOptions options = f.options;
  options.lang = lang;
  report::StringOutput out;
  report::render(format, f.results, options, out);
  return out.text();
}

// The text between tags of an XML or HTML document, without <style> and
// <script> bodies and without attributes; entities are left as written.
std::string visible_text(std::string_view markup)
{
  std::string out;
  std::size_t i = 0;
  while (i < markup.size()) {
    if (markup[i] != '<') {
      out += markup[i++];
      continue;
    }
    for (std::string_view block : {"<style", "<script"}) {
      if (markup.substr(i, block.size()) == block) {
        const std::string close = "</" + std::string(block.substr(1)) + ">";
        const std::size_t end = markup.find(close, i);
        i = end == std::string_view::npos ? markup.size() : end;
      }
    }
    const std::size_t end = markup.find('>', i);
    i = end == std::string_view::npos ? markup.size() : end + 1;
    out += ' ';
  }
  return out;
}

// The message="…" attributes and bodies of JUnit <failure>, <error> and
// <skipped> elements: what a CI system shows a person.
std::string junit_messages(std::string_view xml)
{
  std::string out;
  for (std::size_t at = xml.find("message=\""); at != std::string_view::npos;
       at = xml.find("message=\"", at + 1)) {
    const std::size_t start = at + 9;
    out += xml.substr(start, xml.find('"', start) - start);
    out += '\n';
  }
  for (std::string_view tag : {"<failure", "<error"}) {
    for (std::size_t at = xml.find(tag); at != std::string_view::npos; at = xml.find(tag, at + 1)) {
      const std::size_t body = xml.find('>', at) + 1;
      out += xml.substr(body, xml.find('<', body) - body);
      out += '\n';
    }
  }
  return out;
}

// `text` without any occurrence of `part`.
std::string without(std::string text, std::string_view part)
{
  for (std::size_t at; (at = text.find(part)) != std::string::npos;) {
    text.erase(at, part.size());
  }
  return text;
}

// The words of `text` made of ASCII letters, digits and underscores, except
// command-line options (--region), which are spelled as the user types them.
std::set<std::string> ascii_words(std::string_view text)
{
  std::set<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
      word += c;
    } else if (!word.empty()) {
      const bool option = i >= word.size() + 2 && text.substr(i - word.size() - 2, 2) == "--";
      if (!option) {
        words.insert(word);
      }
      word.clear();
    }
  }
  if (!word.empty()) {
    words.insert(word);
  }
  return words;
}

// Every canonical column and enum value name of `schema` whose Chinese label
// differs from it (a grade 3A reads 3A in either language).
std::set<std::string> canonical_names(const schema::Schema& schema)
{
  std::set<std::string> names;
  for (const schema::Table& table : schema.tables) {
    for (const schema::Column& column : table.columns) {
      names.insert(column.name);
      for (const schema::EnumValue& value : column.values) {
        if (value.label_zh != value.name) {
          names.insert(value.name);
        }
      }
    }
  }
  return names;
}

// The canonical names found as words of `text`, separated by spaces.
std::string canonical_in(std::string_view text, const schema::Schema& schema)
{
  const std::set<std::string> words = ascii_words(text);
  std::string found;
  for (const std::string& name : canonical_names(schema)) {
    if (words.count(name) > 0) {
      found += found.empty() ? "" : " ";
      found += name;
    }
  }
  return found;
}

bool have_python()
{
  return std::system("python3 -c 'import zipfile' >/dev/null 2>&1") == 0;
}

// The shared strings of the fixture's xlsx: every text cell's value.
std::string xlsx_shared_strings(const test::ReportFixture& f, rules::Lang lang)
{
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("orgaudit-language-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    report::RenderOptions options = f.options;
    options.lang = lang;
    report::FileOutput out(dir / "report.xlsx");
    report::render(report::Format::xlsx, f.results, options, out);
    out.finish();
  }
  const std::string d = dir.string();
  REQUIRE(std::system(("cd '" + d + "' && python3 -m zipfile -e report.xlsx parts").c_str()) == 0);
  std::ifstream in(dir / "parts" / "xl" / "sharedStrings.xml");
  std::stringstream text;
  text << in.rdbuf();
  std::filesystem::remove_all(dir);
  return text.str();
}

} // namespace

TEST_CASE("zh outputs show no canonical column or enum name in visible text")
{
  const test::ReportFixture f = test::make_report_fixture();
  const schema::Schema& schema = *f.schema;
  const std::pair<const char*, std::string> outputs[] = {
      {"html", visible_text(render(report::Format::html, f, rules::Lang::zh))},
      {"md", render(report::Format::md, f, rules::Lang::zh)},
      {"csv", render(report::Format::csv, f, rules::Lang::zh)},
      {"junit", junit_messages(render(report::Format::junit, f, rules::Lang::zh))},
      {"text", render(report::Format::text, f, rules::Lang::zh)},
  };
  for (const auto& [name, text] : outputs) {
    CAPTURE(name);
    CHECK(canonical_in(text, schema) == "");
  }
  // explain of every organization, and flag's list of every flag.
  for (std::size_t o = 0; o < f.results.size(); ++o) {
    CAPTURE(o);
    const audit::Results one = audit::select_organizations(f.results, {o});
    report::RenderOptions options = f.options;
    options.lang = rules::Lang::zh;
    options.recoverable = [&f, o](std::size_t) { return f.options.recoverable(o); };
    report::StringOutput out;
    report::render_explain(report::Format::text, one, options, {}, out);
    // The fixture's evidence holds the text cell "<unqualified>" (data, shown
    // as the file has it, not the report's own words).
    CHECK(canonical_in(without(out.text(), "<unqualified>"), schema) == "");
  }
  std::vector<std::size_t> flags(f.results.ruleset->flags.size());
  std::iota(flags.begin(), flags.end(), std::size_t{0});
  report::StringOutput flagged;
  report::render_flagged_text(f.results, flags, rules::Lang::zh, flagged);
  CHECK_FALSE(flagged.text().empty());
  CHECK(canonical_in(flagged.text(), schema) == "");
  if (have_python()) {
    CHECK(canonical_in(visible_text(xlsx_shared_strings(f, rules::Lang::zh)), schema) == "");
  }
  // The scan finds what it looks for: the JSON keeps the canonical names.
  const std::string in_json =
      canonical_in(render(report::Format::json, f, rules::Lang::zh), schema);
  CHECK(in_json.find("status") != std::string::npos);
  CHECK(in_json.find("active") != std::string::npos);
}

TEST_CASE("flags and criteria are named by their labels, never by their ids")
{
  const test::ReportFixture f = test::make_report_fixture();
  for (const rules::Lang lang : {rules::Lang::zh, rules::Lang::en}) {
    CAPTURE(lang == rules::Lang::zh);
    const std::string csv = render(report::Format::csv, f, lang);
    const std::string text = render(report::Format::text, f, lang);
    const std::string html = visible_text(render(report::Format::html, f, lang));
    for (const std::string* output : {&csv, &text, &html}) {
      CHECK(ascii_words(*output).count("dormant") == 0);
    }
    CHECK(csv.find(lang == rules::Lang::zh ? ",僵尸型社会组织\r\n" : "Dormant (\"\"zombie\"\")") !=
          std::string::npos);
  }
}

TEST_CASE("CSV headers and values follow --lang")
{
  const test::ReportFixture f = test::make_report_fixture();
  const std::string zh = render(report::Format::csv, f, rules::Lang::zh);
  CHECK(zh.starts_with("统一社会信用代码,名称,类型,地区,登记状态,总分,等级,一票否决,数据覆盖率,"
                       "制度创廉,财务管廉,标记\r\n"));
  CHECK(zh.find(",社会团体,市本级,正常,96,清廉示范,否,1,") != std::string::npos);
  const std::string en = render(report::Format::csv, f, rules::Lang::en);
  CHECK(en.starts_with("USCC,Name,Type,Region,Status,Total,Grade,Vetoed,Coverage,Institutions,"
                       "Finances,Flags\r\n"));
  CHECK(en.find(",Social group,Huzhou city,Active,96,Exemplary,No,1,") != std::string::npos);
}

TEST_CASE("evidence reads with the schema's labels and the row's file and line")
{
  const test::ReportFixture f = test::make_report_fixture();
  using Kind = audit::EvidenceCell::Kind;
  const std::vector<audit::EvidenceCell> cells = {
      {"organizations", 2, "status", Kind::text, false, 0, 0, "active"},
      {"organizations", 2, "name", Kind::null, false, 0, 0, ""},
      {"annual_reports", 26148, "year", Kind::integer, false, 2016, 0, ""},
      {"annual_reports", 26148, "result", Kind::text, false, 0, 0, "unqualified"},
      {"annual_reports", 26149, "audited", Kind::boolean, true, 0, 0, ""},
      {"annual_reports", 26149, "revenue", Kind::money, false, 0, 1234.5, ""}};
  CHECK(report::evidence_text(*f.dataset, cells, rules::Lang::zh) ==
        "登记状态 正常；社会组织名称 （未填）；年度 2016，年检结论 不合格（annual_reports.csv 第 "
        "26148 行）；财务审计 是，收入合计 1234.50（annual_reports.csv 第 26149 行）");
  CHECK(report::evidence_text(*f.dataset, cells, rules::Lang::en) ==
        "Status: Active; Name: (none); Year: 2016, Result: Unqualified (annual_reports.csv line "
        "26148); Audited: Yes, Revenue: 1234.50 (annual_reports.csv line 26149)");
}

TEST_CASE("the basis prints the regulation and the proposal badge, never the note")
{
  rules::RuleInfo rule;
  rule.basis = "民政部令第60号";
  rule.note = "12-month window: project proposal (domain.md §1.4)";
  CHECK(report::basis_text(rule, rules::Lang::zh) == "民政部令第60号");
  rule.proposal = true;
  CHECK(report::basis_text(rule, rules::Lang::zh) == "民政部令第60号（本项目建议权重）");
  CHECK(report::basis_text(rule, rules::Lang::en) ==
        "民政部令第60号 (weight proposed by this project)");
  rule.basis.clear();
  CHECK(report::basis_text(rule, rules::Lang::zh) == "本项目建议权重");
}

TEST_CASE("the shipped rule set's bases cite regulations only")
{
  Diagnostics diagnostics;
  const auto set = rules::load_ruleset(
      std::string(ORGAUDIT_SOURCE_DIR) + "/rules/zhejiang-integrity.yaml", diagnostics);
  REQUIRE(set);
  std::size_t proposals = 0;
  for (const rules::RuleRef& ref : set->all_rules()) {
    const rules::RuleInfo& rule = set->info(ref);
    CAPTURE(rule.id);
    for (std::string_view internal :
         {"domain.md", "huzhou-article", "SPEC", "[unverified]", "proposal", "project reading",
          "project simplification", "Points:"}) {
      CHECK(rule.basis.find(internal) == std::string::npos);
    }
    proposals += rule.proposal ? 1 : 0;
  }
  CHECK(proposals > 40);
}
