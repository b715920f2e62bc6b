#include <doctest/doctest.h>

#include <orgaudit/schema/loader.hpp>

using namespace orgaudit;
using namespace orgaudit::schema;

namespace {

// The diagnostics of loading `yaml`, one line each (without the source line and caret).
std::string problems(std::string_view yaml)
{
  Diagnostics diagnostics;
  const auto loaded = parse_schema(yaml, "s.yaml", diagnostics);
  CHECK((loaded == nullptr) == diagnostics.has_errors());
  std::string out;
  for (Diagnostic diagnostic : diagnostics.items()) {
    diagnostic.source_line.clear();
    out += format_diagnostic(diagnostic) + "\n";
  }
  return out;
}

// The root columns every report reads, for schemas that test something else.
constexpr std::string_view root_columns = "      - {name: name, type: string}\n"
                                          "      - {name: type, type: enum, values: [a]}\n"
                                          "      - {name: region, type: string}\n"
                                          "      - {name: status, type: enum, values: [active]}\n";

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
        "s.yaml:3:1: error: YAML syntax error: end of sequence flow not found\n");
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
  CHECK(problems(std::string("tables:\n"
                             "  - name: organizations\n"
                             "    key: uscc\n"
                             "    columns:\n"
                             "      - {name: uscc, type: uscc, required: true}\n"
                             "      - {name: founded, type: dat}\n"
                             "      - {name: size, type: huge}\n") +
                 std::string(root_columns)) ==
        "s.yaml:6:31: error: unknown type \"dat\"; did you mean \"date\"?\n"
        "s.yaml:7:28: error: unknown type \"huge\" (expected string, integer, number, money, "
        "boolean, date, enum or uscc)\n");
}

TEST_CASE("structural mistakes in tables and columns")
{
  CHECK(problems(std::string("tables:\n"
                             "  - name: organizations\n"
                             "    key: code\n"
                             "    columns:\n"
                             "      - {name: uscc, type: uscc}\n"
                             "      - {name: uscc, type: string}\n"
                             "      - {name: kind, type: enum}\n"
                             "      - {name: count, type: string, min: 1}\n") +
                 std::string(root_columns)) ==
        "s.yaml:3:10: error: key \"code\" is not a column of table \"organizations\"\n"
        "s.yaml:6:9: error: duplicate column \"uscc\" in table \"organizations\"\n"
        "s.yaml:7:9: error: enum column \"kind\" needs a non-empty list of \"values\"\n"
        "s.yaml:8:9: error: column \"count\": min and max apply to integer columns only\n");
  CHECK(problems("tables: {}\n") == "s.yaml:1:9: error: \"tables\" must be a non-empty list\n");
  CHECK(problems("- a\n") == "s.yaml:1:1: error: the schema must be a mapping\n");
}

TEST_CASE("schema errors show the line with a caret, columns counted in characters")
{
  Diagnostics diagnostics;
  CHECK(
      parse_schema("tables:\n"
                   "  - name: organizations\n"
                   "    key: uscc\n"
                   "    columns:\n"
                   "      - {name: uscc, label_zh: 统一社会信用代码, type: uscc, required: true}\n"
                   "      - {name: name, label_zh: 名称, type: strng}\n",
                   "s.yaml", diagnostics) == nullptr);
  CHECK(diagnostics.format() ==
        "s.yaml:2:5: error: the first table (one row per organization) needs the columns "
        "\"type\", \"region\", \"status\": every report shows each organization's "
        "uscc, name, type, region and status\n"
        "    - name: organizations\n"
        "      ^\n"
        "s.yaml:6:42: error: unknown type \"strng\"; did you mean \"string\"?\n"
        "        - {name: name, label_zh: 名称, type: strng}\n"
        "                                             ^\n");
}

TEST_CASE("a root table without one of the root columns is an error naming it")
{
  CHECK(problems("tables:\n"
                 "  - name: organizations\n"
                 "    key: uscc\n"
                 "    columns:\n"
                 "      - {name: uscc, type: uscc, required: true}\n"
                 "      - {name: name, type: string}\n"
                 "      - {name: type, type: enum, values: [a]}\n"
                 "      - {name: status, type: enum, values: [active]}\n") ==
        "s.yaml:2:5: error: the first table (one row per organization) needs the column "
        "\"region\": every report shows each organization's "
        "uscc, name, type, region and status\n");
}

TEST_CASE("value labels belong to string columns, each value labelled once")
{
  Diagnostics diagnostics;
  const auto shipped = load_schema(std::string(builtin_schema_path), diagnostics);
  REQUIRE(shipped);
  const Column& region = *shipped->root().find_column("region");
  REQUIRE(region.label_of("330502") != nullptr);
  CHECK(region.label_of("330502")->label_zh == "吴兴区");
  CHECK(region.label_of("330502")->label_en == "Wuxing");
  CHECK(problems(std::string("tables:\n"
                             "  - name: organizations\n"
                             "    key: uscc\n"
                             "    columns:\n"
                             "      - {name: uscc, type: uscc, required: true}\n"
                             "      - name: code\n"
                             "        type: string\n"
                             "        labels:\n"
                             "          - {value: x, label_zh: 甲}\n"
                             "          - {value: x, label_cn: 乙}\n"
                             "          - {label_en: Z}\n"
                             "      - {name: size, type: integer, labels: []}\n") +
                 std::string(root_columns)) ==
        "s.yaml:10:13: error: column \"code\": \"x\" is labelled twice\n"
        "s.yaml:10:24: error: unknown key \"label_cn\" in a label; did you mean \"label_en\"?\n"
        "s.yaml:11:13: error: a label needs \"value\"\n"
        "s.yaml:12:45: error: column \"size\": labels apply to string columns only\n");
}
