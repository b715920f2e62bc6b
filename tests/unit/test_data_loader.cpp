#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <orgaudit/core/file.hpp>
#include <orgaudit/core/sha256.hpp>
#include <orgaudit/data/loader.hpp>
#include <orgaudit/schema/loader.hpp>

#include "scratch_dir.hpp"

using namespace orgaudit;
using namespace orgaudit::data;
using orgaudit::test::ScratchDir;

namespace {

std::shared_ptr<const schema::Schema> shipped_schema()
{
  Diagnostics diagnostics;
  auto loaded = schema::load_schema(std::string(schema::builtin_schema_path), diagnostics);
  REQUIRE(loaded);
  return loaded;
}

LoadOptions options(const char* encoding = "auto")
{
  LoadOptions load;
  load.encoding = encoding;
  load.as_of = parse_date("2026-01-01").value();
  load.lang = Lang::en;
  return load;
}

constexpr std::string_view organizations_csv =
    "uscc,name,type,region,status\n"
    "52330521MJ0000026L,德清县志愿者协会,social_service_agency,330521,active\n"
    "51330502MJ0000018C,\"吴兴区书法家协会, 秘书处\",social_group,330502,active\n";

// The diagnostics, less the warnings about child tables the directory lacks
// (which the test "a child table without a file is absent" checks).
std::string format_present(const Diagnostics& diagnostics)
{
  Diagnostics kept;
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.line != 0 || d.message.find("is unknown, not taken as empty") == std::string::npos) {
      kept.add(d);
    }
  }
  return kept.format();
}

} // namespace

TEST_CASE("a GB18030 export reads as exact UTF-8, auto-detected or named")
{
  const std::string fixture = std::string(ORGAUDIT_TEST_DATA) + "/validate/gb18030_export";
  for (const char* encoding : {"auto", "gb18030"}) {
    CAPTURE(encoding);
    Diagnostics diagnostics;
    const auto dataset = load_dataset(fixture, shipped_schema(), options(encoding), diagnostics);
    REQUIRE(dataset);
    CHECK(diagnostics.error_count() == 0);
    CHECK(diagnostics.warning_count() == (std::string_view(encoding) == "auto" ? 2u : 0u) + 5);
    const TableData& orgs = dataset->organizations();
    REQUIRE(orgs.rows == 4);
    const std::size_t name = orgs.table->column_index("name").value();
    CHECK(orgs.columns[name].string_at(0) == "湖州市电梯行业协会");
    CHECK(orgs.columns[name].string_at(1) == "吴兴区书法家协会");
    CHECK(orgs.columns[name].string_at(2) == "德清县志愿者协会（武康）");
    CHECK(orgs.columns[name].string_at(3) == "安吉县竹乡教育基金会");
    const std::size_t grade = orgs.table->column_index("grade").value();
    CHECK(orgs.columns[grade].code_at(0) == 4); // AAAAA = 5A
    const std::size_t registered = orgs.table->column_index("registered_on").value();
    CHECK(format_date(orgs.columns[registered].date_at(1)) == "2008-03-05");
  }
}

TEST_CASE("CSV and JSONL tables of one directory load together, the digest covers the files")
{
  ScratchDir dir("mixed");
  dir.write("organizations.csv", organizations_csv);
  dir.write("honors.jsonl", "{\"uscc\": \"51330502MJ0000018C\", \"year\": 2024, \"kind\": "
                            "\"品牌社会组织\", \"level\": \"city\"}\n"
                            "\n"
                            "{\"uscc\": \"51330502MJ0000018C\", \"year\": 2025, \"kind\": "
                            "\"brand_project\", \"level\": \"省级\", \"title\": null}\n");
  Diagnostics diagnostics;
  const auto dataset = load_dataset(dir.path.string(), shipped_schema(), options(), diagnostics);
  REQUIRE(dataset);
  CHECK(format_present(diagnostics).empty());
  const std::size_t honors = dataset->schema->table_index("honors").value();
  const TableData& rows = dataset->tables[honors];
  REQUIRE(rows.rows == 2);
  CHECK(rows.source == "honors.jsonl");
  CHECK(rows.source_lines.to_vector() == std::vector<std::uint32_t>{1, 3});
  CHECK(rows.columns[1].int_at(0) == 2024);
  CHECK(rows.columns[3].code_at(1) == 2);
  CHECK(dataset->organizations().columns[1].string_at(0) == "吴兴区书法家协会, 秘书处");
  CHECK(dataset->sha256().size() == 64);

  Diagnostics again;
  CHECK(load_dataset(dir.path.string(), shipped_schema(), options(), again)->sha256() ==
        dataset->sha256());
  dir.write("organizations.csv", std::string(organizations_csv) + "\n");
  CHECK(load_dataset(dir.path.string(), shipped_schema(), options(), again)->sha256() !=
        dataset->sha256());
}

TEST_CASE("JSONL problems are reported at their line")
{
  ScratchDir dir("jsonl");
  dir.write("organizations.csv", organizations_csv);
  dir.write("policies.jsonl", "{\"uscc\": \"51330502MJ0000018C\", \"policy\": \"procurement\"}\n"
                              "{\"uscc\": \"51330502MJ0000018C\", \"policy\": [1]}\n"
                              "[1, 2]\n"
                              "{\"uscc\": \"51330502MJ0000018C\", \"policy\": \"seal_management\", "
                              "\"adopted_on\": 20240101}\n"
                              "{\"uscc\": \n");
  Diagnostics diagnostics;
  CHECK_FALSE(load_dataset(dir.path.string(), shipped_schema(), options(), diagnostics));
  CHECK(
      format_present(diagnostics) ==
      "policies.jsonl:2:2: error: policy: nested JSON arrays and objects are not allowed\n"
      "policies.jsonl:3:1: error: expected a JSON object on each line\n"
      "policies.jsonl:4:3: error: adopted_on 20240101: expected a date\n"
      "policies.jsonl:5:1: error: invalid JSON: syntax error while parsing value - unexpected end "
      "of input; expected '[', '{', or a literal\n");
}

TEST_CASE("directory-level problems")
{
  ScratchDir dir("both");
  dir.write("organizations.csv", organizations_csv);
  dir.write("organizations.jsonl", "{}\n");
  Diagnostics diagnostics;
  CHECK_FALSE(load_dataset(dir.path.string(), shipped_schema(), options(), diagnostics));
  CHECK(
      format_present(diagnostics) ==
      "organizations.csv: error: both organizations.csv and organizations.jsonl exist; keep one\n");

  ScratchDir empty("empty");
  Diagnostics none;
  CHECK_FALSE(load_dataset(empty.path.string(), shipped_schema(), options(), none));
  CHECK(format_present(none) ==
        empty.path.string() +
            ": error: no organizations.csv or organizations.jsonl: a dataset needs "
            "its organizations\n");

  ScratchDir header_only("header");
  header_only.write("organizations.csv", "uscc,name,type,region,status\r\n");
  Diagnostics no_rows;
  CHECK_FALSE(load_dataset(header_only.path.string(), shipped_schema(), options(), no_rows));
  CHECK(format_present(no_rows) == "organizations.csv: error: no organizations\n");
}

TEST_CASE("NUL bytes and stray quotes in CSV are row errors")
{
  ScratchDir dir("nul");
  using namespace std::string_literals;
  dir.write("organizations.csv", std::string(organizations_csv) +
                                     "53330523MJ00000349,安吉\0基金会,foundation,330523,active\n"s +
                                     "51330500MJ00000420,\"湖州\"市,social_group,330500,active\n");
  Diagnostics diagnostics;
  CHECK_FALSE(load_dataset(dir.path.string(), shipped_schema(), options(), diagnostics));
  CHECK(format_present(diagnostics) ==
        "organizations.csv:4:2: error: name: contains a NUL byte\n"
        "organizations.csv:5:2: error: text after a closing quote (write \"\" for a quote inside a "
        "field)\n");
}

TEST_CASE("the built-in sample loads")
{
  Diagnostics diagnostics;
  const auto dataset =
      load_dataset("builtin:samples/huzhou", shipped_schema(), options(), diagnostics);
  REQUIRE(dataset);
  CHECK(dataset->organization_count() >= 20);
  for (const TableData& table : dataset->tables) {
    CHECK(table.rows > 0);
  }
}

TEST_CASE(
    "tables read in parallel give the same dataset, fingerprint and diagnostics as one at a time")
{
  const ScratchDir dir("parallel");
  dir.write("organizations.csv", std::string(organizations_csv) +
                                     "91330500MA00000000,bad code,social_group,330502,active\n");
  dir.write("annual_reports.csv", "uscc,year,result\n"
                                  "52330521MJ0000026L,2025,qualified\n"
                                  "52330521MJ0000026L,twenty,qualified\n");
  dir.write("honors.jsonl", "{\"uscc\": \"51330502MJ0000018C\", \"year\": \"x\", \"kind\": "
                            "\"brand_org\", \"level\": \"city\"}\n");
  std::string digest;
  std::string messages;
  for (unsigned jobs : {1u, 2u, 7u}) {
    CAPTURE(jobs);
    LoadOptions load = options();
    load.jobs = jobs;
    load.lenient = true;
    Diagnostics diagnostics;
    const auto dataset = load_dataset(dir.path.string(), shipped_schema(), load, diagnostics);
    REQUIRE(dataset);
    CHECK(diagnostics.warning_count() >= 3);
    if (jobs == 1) {
      digest = dataset->sha256();
      messages = diagnostics.format();
    }
    CHECK(dataset->sha256() == digest);
    CHECK(diagnostics.format() == messages);
  }
  // The fingerprint: each file's name, size and SHA-256, in table order.
  Sha256 expected;
  for (const char* name : {"organizations.csv", "annual_reports.csv", "honors.jsonl"}) {
    const std::string bytes = read_file((dir.path / name).string());
    expected.update(std::to_string(std::string_view(name).size()) + ":" + name + "\n" +
                    std::to_string(bytes.size()) + "\n" + sha256_hex(bytes) + "\n");
  }
  CHECK(digest == expected.hex_digest());
}

TEST_CASE("a child table without a file is absent (unknown), one with only a header is empty")
{
  ScratchDir dir("absent");
  dir.write("organizations.csv", organizations_csv);
  dir.write("policies.csv", "uscc,policy\n");
  Diagnostics diagnostics;
  const auto dataset = load_dataset(dir.path.string(), shipped_schema(), options(), diagnostics);
  REQUIRE(dataset);
  // In table order, as every diagnostic about the data.
  CHECK(diagnostics.format() ==
        "annual_reports.csv: warning: no annual_reports.csv or annual_reports.jsonl: the "
        "annual_reports table (年检年报) is unknown, not taken "
        "as empty; every rule that reads it is counted as missing data\n"
        "activities.csv: warning: no activities.csv or activities.jsonl: the activities table "
        "(活动) is unknown, not taken "
        "as empty; every rule that reads it is counted as missing data\n"
        "projects.csv: warning: no projects.csv or projects.jsonl: the projects table (公益项目) "
        "is unknown, not taken "
        "as empty; every rule that reads it is counted as missing data\n"
        "incidents.csv: warning: no incidents.csv or incidents.jsonl: the incidents table "
        "(监管事件) is unknown, not taken "
        "as empty; every rule that reads it is counted as missing data\n"
        "honors.csv: warning: no honors.csv or honors.jsonl: the honors table (品牌荣誉) is "
        "unknown, not taken "
        "as empty; every rule that reads it is counted as missing data\n");
  const auto policies = dataset->schema->table_index("policies").value();
  const auto activities = dataset->schema->table_index("activities").value();
  CHECK_FALSE(dataset->tables[policies].absent);
  CHECK(dataset->tables[policies].rows == 0);
  CHECK(dataset->tables[activities].absent);
  CHECK(dataset->tables[activities].org_begin.size() == dataset->organization_count() + 1);
  CHECK(dataset->table_names(false) == std::vector<std::string_view>{"organizations", "policies"});
  CHECK(dataset->table_names(true) == std::vector<std::string_view>{"annual_reports", "activities",
                                                                    "projects", "incidents",
                                                                    "honors"});
}
