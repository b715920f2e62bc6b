#include <doctest/doctest.h>

#include <orgaudit/schema/loader.hpp>

using namespace orgaudit;
using namespace orgaudit::schema;

namespace {

std::string problems(std::string_view yaml)
{
  Diagnostics diagnostics;
  const auto loaded = parse_schema(yaml, "s.yaml", diagnostics);
  CHECK((loaded == nullptr) == diagnostics.has_errors());
  return diagnostics.format();
}

} // namespace

TEST_CASE("the shipped schema loads with every table of SPEC §2.1, organizations first")
{
  Diagnostics diagnostics;
  const auto schema = load_schema(std::string(builtin_schema_path), diagnostics);
  REQUIRE(schema);
  CHECK(diagnostics.empty());
  REQUIRE(schema->tables.size() == 7);
  CHECK(schema->root().name == "organizations");
  CHECK(schema->root().is_root);
  const char* names[] = {"organizations", "annual_reports", "policies", "activities",
                         "projects",      "incidents",      "honors"};
  for (std::size_t i = 0; i < 7; ++i) {
    CHECK(schema->tables[i].name == names[i]);
    CHECK(schema->tables[i].key == "uscc");
  }
  const Table& orgs = schema->root();
  CHECK(orgs.find_column("uscc")->matches_header("统一社会信用代码"));
  CHECK(orgs.find_column("uscc")->matches_header("信用代码"));
  CHECK(orgs.find_column("name")->matches_header("社会组织名称"));
  CHECK(orgs.find_column("type")->matches_header("组织类型"));
  CHECK(orgs.find_column("registered_on")->matches_header("成立登记日期"));
  CHECK(orgs.find_column("status")->matches_header("状态"));
  CHECK(orgs.find_column("grade")->matches_header("评估等级"));
  const Column& type = *orgs.find_column("type");
  CHECK(type.enum_code("社团") == 0);
  CHECK(type.enum_code("民办非企业单位") == 1);
  CHECK(type.enum_code("民非") == 1);
  CHECK(type.enum_code("基金会") == 2);
  CHECK(orgs.find_column("grade")->enum_code("AAAAA") ==
        orgs.find_column("grade")->enum_code("5A"));
  CHECK(orgs.find_column("status")->enum_code("吊销") == 3);
  CHECK(orgs.find_column("term_ends_on")->due_date);
  CHECK_FALSE(orgs.find_column("registered_on")->due_date);
  const Column& fee_item = *schema->find_table("incidents")->find_column("fee_item");
  CHECK(fee_item.type == ColumnType::integer);
  CHECK(fee_item.min == 1);
  CHECK(fee_item.max == 15);
  CHECK(schema->find_table("annual_reports")->find_column("result")->enum_code("未参检") == 3);
  CHECK(schema->find_table("annual_reports")->find_column("result")->line > 0);
}

TEST_CASE("YAML syntax errors are reported at their 1-based line and column")
{
  CHECK(problems("tables:\n  - name: [a\n") ==
        "s.yaml:3:1: error: YAML: end of sequence flow not found\n");
}

TEST_CASE("unknown keys and types get a did-you-mean")
{
  CHECK(problems("schema: x\n"
                 "tables:\n"
                 "  - name: organizations\n"
                 "    key: uscc\n"
                 "    colums: []\n") ==
        "s.yaml:3:5: error: table \"organizations\" needs \"columns\"\n"
        "s.yaml:5:5: error: unknown key \"colums\" in a table; did you mean \"columns\"?\n");
  CHECK(problems("tables:\n"
                 "  - name: organizations\n"
                 "    key: uscc\n"
                 "    columns:\n"
                 "      - {name: uscc, type: uscc, required: true}\n"
                 "      - {name: founded, type: dat}\n"
                 "      - {name: size, type: huge}\n") ==
        "s.yaml:6:31: error: unknown type \"dat\"; did you mean \"date\"?\n"
        "s.yaml:7:28: error: unknown type \"huge\" (expected string, integer, number, money, "
        "boolean, date, enum or uscc)\n");
}

TEST_CASE("structural mistakes in tables and columns")
{
  CHECK(problems("tables:\n"
                 "  - name: organizations\n"
                 "    key: code\n"
                 "    columns:\n"
                 "      - {name: uscc, type: uscc}\n"
                 "      - {name: uscc, type: string}\n"
                 "      - {name: kind, type: enum}\n"
                 "      - {name: count, type: string, min: 1}\n") ==
        "s.yaml:3:10: error: key \"code\" is not a column of table \"organizations\"\n"
        "s.yaml:6:9: error: duplicate column \"uscc\" in table \"organizations\"\n"
        "s.yaml:7:9: error: enum column \"kind\" needs a non-empty list of \"values\"\n"
        "s.yaml:8:9: error: column \"count\": min and max apply to integer columns only\n");
  CHECK(problems("tables: {}\n") == "s.yaml:1:9: error: \"tables\" must be a non-empty list\n");
  CHECK(problems("- a\n") == "s.yaml:1:1: error: the schema must be a mapping\n");
}
