#include <doctest/doctest.h>

#include <orgaudit/data/loader.hpp>
#include <orgaudit/schema/loader.hpp>

using namespace orgaudit;
using namespace orgaudit::data;

namespace {

std::shared_ptr<const schema::Schema> shipped_schema()
{
  Diagnostics diagnostics;
  auto loaded = schema::load_schema(std::string(schema::builtin_schema_path), diagnostics);
  REQUIRE(loaded);
  return loaded;
}

LoadOptions options_as_of(const char* date, bool lenient = false, Lang lang = Lang::en)
{
  LoadOptions options;
  options.as_of = parse_date(date).value();
  options.lenient = lenient;
  options.lang = lang;
  return options;
}

TextTable organizations(std::vector<std::vector<std::optional<std::string>>> rows)
{
  TextTable table{
      "organizations", "test.yaml", {"uscc", "名称", "类型", "region", "status", "grade"}, 1, {}};
  std::uint32_t line = 2;
  for (auto& cells : rows) {
    table.rows.push_back({std::move(cells), line++});
  }
  return table;
}

const std::string c_wuxing = "51330502MJ0000018C";
const std::string c_deqing = "52330521MJ0000026L";
const std::string c_anji = "53330523MJ00000349";

} // namespace

TEST_CASE("organizations are sorted by USCC and child rows grouped by organization in input order")
{
  std::vector<TextTable> tables;
  tables.push_back(
      organizations({{c_anji, "安吉县竹乡教育基金会", "基金会", "330523", "正常", "AAAA"},
                     {c_wuxing, "吴兴区书法家协会", "社团", "330502", "正常", std::nullopt},
                     {c_deqing, "德清县志愿者协会", "民非", "330521", "注销", ""}}));
  TextTable activities{"activities", "act.yaml", {"uscc", "date", "kind", "amount"}, 1, {}};
  activities.rows = {{{c_deqing, "2024-01-02", "training", "10"}, 2},
                     {{c_anji, "2024/3/4", "公益活动", std::nullopt}, 3},
                     {{c_deqing, "2024年5月6日", "other", "2.5"}, 4}};
  tables.push_back(activities);
  Diagnostics diagnostics;
  const auto dataset =
      build_dataset(tables, shipped_schema(), options_as_of("2025-01-01"), diagnostics);
  REQUIRE(dataset);
  CHECK(diagnostics.empty());
  const TableData& orgs = dataset->organizations();
  REQUIRE(orgs.rows == 3);
  CHECK(orgs.columns[0].string_at(0) == c_wuxing);
  CHECK(orgs.columns[0].string_at(1) == c_deqing);
  CHECK(orgs.columns[0].string_at(2) == c_anji);
  CHECK(orgs.source_lines.to_vector() == std::vector<std::uint32_t>{3, 4, 2});
  CHECK(orgs.source == "test.yaml");
  const std::size_t grade = orgs.table->column_index("grade").value();
  CHECK(orgs.columns[grade].is_null(0));
  CHECK(orgs.columns[grade].is_null(1)); // an empty cell is null
  CHECK(orgs.columns[grade].code_at(2) == 3);
  const std::size_t registered = orgs.table->column_index("registered_on").value();
  CHECK_FALSE(orgs.columns[registered].present);
  CHECK(orgs.columns[registered].is_null(2));
  CHECK(dataset->find_organization(c_deqing) == 1u);
  // key_text: the canonical text of string, USCC, integer and enum cells only.
  const std::size_t type = orgs.table->column_index("type").value();
  const std::size_t region = orgs.table->column_index("region").value();
  CHECK(key_text(orgs, 0, 1) == c_deqing);
  CHECK(key_text(orgs, type, 1) == "social_service_agency");
  CHECK(key_text(orgs, region, 1) == "330521");
  CHECK(key_text(orgs, grade, 0) == "");                // null
  CHECK(key_text(orgs, registered, 2) == std::nullopt); // a date: the reports format it

  const std::size_t act = dataset->schema->table_index("activities").value();
  const TableData& rows = dataset->tables[act];
  CHECK(rows.org_begin == std::vector<std::uint32_t>{0, 0, 2, 3});
  CHECK(rows.source_lines.to_vector() == std::vector<std::uint32_t>{2, 4, 3});
  CHECK(format_date(rows.columns[1].date_at(1)) == "2024-05-06");
  CHECK(format_date(rows.columns[1].date_at(2)) == "2024-03-04");
  CHECK(rows.columns[2].code_at(2) == 1);
  CHECK(rows.columns[5].number_at(1) == 2.5);
  CHECK(rows.columns[5].is_null(2));
  const std::size_t honors = dataset->schema->table_index("honors").value();
  CHECK(dataset->tables[honors].rows == 0);
  CHECK(dataset->tables[honors].org_begin == std::vector<std::uint32_t>{0, 0, 0, 0});
}

TEST_CASE("cell and row checks produce exact messages")
{
  std::vector<TextTable> tables;
  tables.push_back(organizations({{c_wuxing, "甲", "foundation", "330503", "正常", "5a"},
                                  {c_deqing, "乙", "民非", "33052", "正常", ""}}));
  TextTable reports{
      "annual_reports",
      "ar.csv",
      {"uscc", "year", "result", "submitted_on", "total_expenses", "charitable_expenses", "staff"},
      1,
      {}};
  reports.rows = {{{c_wuxing, "2024", "合格", "2030-01-01", "100", "120", "3.5"}, 2},
                  {{c_deqing, "1940", "合格", "1948-12-31", "-1", "", ""}, 3}};
  tables.push_back(reports);
  TextTable incidents{"incidents", "inc.csv", {"uscc", "date", "kind", "fee_item", "bogus"}, 1, {}};
  incidents.rows = {{{c_wuxing, "2024-01-01", "illegal_fee", "16", "x"}, 2}};
  tables.push_back(incidents);
  Diagnostics diagnostics;
  const auto dataset =
      build_dataset(tables, shipped_schema(), options_as_of("2025-01-01"), diagnostics);
  CHECK_FALSE(dataset);
  // The organizations first (the root causes), then the child tables in schema order.
  CHECK(diagnostics.format() ==
        "test.yaml:2:1: warning: uscc \"51330502MJ0000018C\": position 2 \"1\" does not match type "
        "foundation\n"
        "test.yaml:2:1: warning: uscc \"51330502MJ0000018C\": positions 3-8 \"330502\" do not "
        "match region \"330503\"\n"
        "test.yaml:2:6: error: grade \"5a\": unknown value; did you mean \"5A\"?\n"
        "test.yaml:3:4: error: region \"33052\": not a 6-digit administrative division code\n"
        "ar.csv:2:4: warning: submitted_on \"2030-01-01\": after the audit date 2025-01-01\n"
        "ar.csv:2:6: error: charitable_expenses 120 exceeds total_expenses 100\n"
        "ar.csv:2:7: error: staff \"3.5\": not an integer\n"
        "ar.csv:3:2: error: year \"1940\": out of range (1949 to 9999)\n"
        "ar.csv:3:4: error: submitted_on \"1948-12-31\": before 1949\n"
        "ar.csv:3:5: error: total_expenses \"-1\": must not be negative\n"
        "inc.csv:1:5: warning: unknown column \"bogus\" (ignored)\n"
        "inc.csv:2:4: error: fee_item \"16\": out of range (1 to 15)\n");
}

TEST_CASE("headers: missing required, duplicate and unknown columns")
{
  TextTable orgs{"organizations", "o.csv", {"uscc", "name", "名称", "type", "stauts"}, 1, {}};
  Diagnostics diagnostics;
  const auto dataset = build_dataset(std::span(&orgs, 1), shipped_schema(),
                                     options_as_of("2025-01-01"), diagnostics);
  CHECK_FALSE(dataset);
  CHECK(diagnostics.format() ==
        "o.csv:1:1: error: missing required column \"region\"\n"
        "o.csv:1:1: error: missing required column \"status\"\n"
        "o.csv:1:3: error: duplicate column \"name\" (also column 2)\n"
        "o.csv:1:5: warning: unknown column \"stauts\" (ignored); did you mean \"status\"?\n");
}

TEST_CASE("lenient skips bad rows with a warning each and counts them")
{
  std::vector<TextTable> tables;
  tables.push_back(organizations({{c_wuxing, "甲", "社团", "330502", "正常", ""},
                                  {c_deqing, "乙", "bogus", "330521", "正常", ""},
                                  {c_wuxing, "甲2", "社团", "330502", "正常", ""}}));
  TextTable policies{"policies", "p.csv", {"uscc", "policy"}, 1, {}};
  policies.rows = {
      {{c_deqing, "procurement"}, 2}, {{c_wuxing, "三重一大"}, 3}, {{c_anji, "procurement"}, 4}};
  tables.push_back(policies);
  Diagnostics diagnostics;
  const auto dataset =
      build_dataset(tables, shipped_schema(), options_as_of("2025-01-01", true), diagnostics);
  REQUIRE(dataset);
  CHECK(dataset->organization_count() == 1);
  CHECK(diagnostics.error_count() == 0);
  // The file names the type column in Chinese, so its values are listed in Chinese.
  CHECK(diagnostics.format() ==
        "test.yaml:3:3: warning: 类型 (type) \"bogus\": unknown value (expected 社会团体, "
        "社会服务机构, 基金会); row skipped\n"
        "test.yaml:4:1: warning: uscc \"51330502MJ0000018C\": duplicate key (first on line 2); row "
        "skipped\n"
        "p.csv:2:1: warning: uscc \"52330521MJ0000026L\": its organization was skipped; row "
        "skipped\n"
        "p.csv:4:1: warning: uscc \"53330523MJ00000349\": no organization has this code; row "
        "skipped\n");
  // Every skipped row is listed, in table order, with its organization when known.
  const auto& skipped = dataset->skipped_rows;
  REQUIRE(skipped.size() == 4);
  CHECK(skipped[0].table == 0);
  CHECK(skipped[0].file == "test.yaml");
  CHECK(skipped[0].line == 3);
  CHECK(skipped[0].uscc == c_deqing);
  CHECK(skipped[0].name == "乙");
  CHECK(skipped[0].reason ==
        "类型 (type) \"bogus\": unknown value (expected 社会团体, 社会服务机构, 基金会)");
  CHECK(skipped[1].line == 4);
  CHECK(skipped[1].name == "甲2");
  CHECK(skipped[1].reason == "uscc \"51330502MJ0000018C\": duplicate key (first on line 2)");
  CHECK(skipped[2].file == "p.csv");
  CHECK(skipped[2].line == 2);
  CHECK(skipped[2].uscc == c_deqing);
  CHECK(skipped[2].name == "乙"); // the skipped organization's
  CHECK(skipped[2].reason == "uscc \"52330521MJ0000026L\": its organization was skipped");
  CHECK(skipped[3].uscc == c_anji);
  CHECK(skipped[3].name.empty());
  const std::size_t p = dataset->schema->table_index("policies").value();
  CHECK(dataset->tables[p].rows == 1);
  CHECK(dataset->tables[p].columns[1].code_at(0) == 3);
}

TEST_CASE("a dataset without organizations is an error")
{
  Diagnostics diagnostics;
  TextTable orgs{"organizations", "o.csv", {"uscc", "name", "type", "region", "status"}, 1, {}};
  CHECK_FALSE(build_dataset(std::span(&orgs, 1), shipped_schema(), options_as_of("2025-01-01"),
                            diagnostics));
  CHECK(diagnostics.format() == "o.csv: error: no organizations\n");
}

namespace {

// Builds organizations from `rows` under `header` and returns the diagnostics.
std::string closing_diagnostics(std::vector<std::string> header,
                                std::vector<std::vector<std::optional<std::string>>> rows)
{
  TextTable table{"organizations", "o.csv", std::move(header), 1, {}};
  std::uint32_t line = 2;
  for (auto& cells : rows) {
    table.rows.push_back({std::move(cells), line++});
  }
  Diagnostics diagnostics;
  build_dataset(std::span(&table, 1), shipped_schema(), options_as_of("2026-11-27"), diagnostics);
  return diagnostics.format();
}

} // namespace

TEST_CASE("closed_on: needed when closed, refused when active, after registered_on")
{
  const std::vector<std::string> header = {"uscc",     "name",   "type",     "region",
                                           "登记日期", "status", "注销日期", "注销原因"};
  CHECK(closing_diagnostics(header, {{"51330502MJ0000018C", "甲", "社团", "330502", "2015-04-01",
                                      "注销", "2024-06-30", "僵尸型"},
                                     {"52330521MJ0000026L", "乙", "民非", "330521", "2015-04-01",
                                      "正常", std::nullopt, std::nullopt}})
            .empty());
  CHECK(closing_diagnostics(header, {{"51330502MJ0000018C", "甲", "社团", "330502", "2015-04-01",
                                      "revoked", std::nullopt, "violation"},
                                     {"52330521MJ0000026L", "乙", "民非", "330521", "2015-04-01",
                                      "active", "2024-06-30", "voluntary"},
                                     {"53330523MJ00000349", "丙", "基金会", "330523", "2015-04-01",
                                      "certificate_revoked", "2015-04-01", "dormant"}}) ==
        "o.csv:2:7: error: 注销日期 (closed_on) is empty; status revoked needs the date of "
        "注销/撤销/吊销\n"
        "o.csv:3:7: error: 注销日期 (closed_on) is given, but status is active (only a "
        "deregistered or revoked organization has a closing date)\n"
        "o.csv:3:8: error: 注销原因 (closed_reason) is given, but status is active\n"
        "o.csv:4:7: error: 注销日期 (closed_on) 2015-04-01 is not after 登记日期 (registered_on) "
        "2015-04-01\n");
}

TEST_CASE("a file without the closed_on column says nothing about closing dates")
{
  CHECK(closing_diagnostics({"uscc", "name", "type", "region", "status"},
                            {{"51330502MJ0000018C", "甲", "社团", "330502", "deregistered"}})
            .empty());
}

TEST_CASE("in memory, a table not given is empty and one given as absent is unknown")
{
  TextTable activities{"activities", "case.yaml", {}, 3, {}};
  activities.absent = true;
  const std::vector<TextTable> tables = {
      organizations({{c_wuxing, "吴兴区书法家协会", "社会团体", "330502", "active", {}}}),
      activities};
  Diagnostics diagnostics;
  const auto dataset =
      build_dataset(tables, shipped_schema(), options_as_of("2026-01-01"), diagnostics);
  INFO(diagnostics.format());
  REQUIRE(dataset);
  CHECK(diagnostics.empty());
  CHECK(dataset->table_names(true) == std::vector<std::string_view>{"activities"});
  const auto reports = dataset->schema->table_index("annual_reports").value();
  CHECK_FALSE(dataset->tables[reports].absent);
  CHECK(dataset->tables[reports].rows == 0);
  CHECK(dataset->tables[reports].org_begin == std::vector<std::uint32_t>{0, 0});
}

TEST_CASE("messages name a column as the file does and follow the language")
{
  TextTable orgs{"organizations",
                 "organizations.csv",
                 {"统一社会信用代码", "名称", "类型", "region", "status", "登记日期"},
                 1,
                 {}};
  orgs.rows = {{{c_wuxing, "甲", "事业单位", "330502", "正常", "2024-02-30"}, 2},
               {{c_deqing, "乙", "民非", "330521", "正常", "2015-07-01"}, 3}};
  TextTable reports{
      "annual_reports", "annual_reports.csv", {"统一社会信用代码", "year", "年检结论"}, 1, {}};
  reports.rows = {{{"51330500MJ00000420", "2024", "合格"}, 2}};
  const std::vector<TextTable> tables = {orgs, reports};

  Diagnostics zh;
  CHECK_FALSE(
      build_dataset(tables, shipped_schema(), options_as_of("2025-01-01", false, Lang::zh), zh));
  // organizations.csv first although "annual_reports.csv" sorts before it by name.
  CHECK(zh.format() ==
        "organizations.csv:2:3: error: 类型 (type) \"事业单位\": "
        "不是可用的值（社会团体、社会服务机构、基金会）\n"
        "organizations.csv:2:6: error: 登记日期 (registered_on) \"2024-02-30\": 不是有效日期\n"
        "annual_reports.csv:2:1: error: 统一社会信用代码 (uscc) \"51330500MJ00000420\": "
        "没有社会组织使用此代码\n");

  Diagnostics en;
  CHECK_FALSE(build_dataset(tables, shipped_schema(), options_as_of("2025-01-01"), en));
  CHECK(en.format() ==
        "organizations.csv:2:3: error: 类型 (type) \"事业单位\": unknown value (expected 社会团体, "
        "社会服务机构, 基金会)\n"
        "organizations.csv:2:6: error: 登记日期 (registered_on) \"2024-02-30\": no such date\n"
        "annual_reports.csv:2:1: error: 统一社会信用代码 (uscc) \"51330500MJ00000420\": no "
        "organization has this code\n");
}

TEST_CASE("enum values are listed in Chinese under zh even when the header is canonical")
{
  TextTable orgs{"organizations", "o.csv", {"uscc", "name", "type", "region", "status"}, 1, {}};
  orgs.rows = {{{c_wuxing, "甲", "事业单位", "330502", "active"}, 2},
               {{c_deqing, "乙", "民非", "330521", "bogus"}, 3}};
  Diagnostics zh;
  CHECK_FALSE(build_dataset(std::span(&orgs, 1), shipped_schema(),
                            options_as_of("2025-01-01", false, Lang::zh), zh));
  CHECK(zh.items().size() == 2);
  CHECK(zh.items()[0].message ==
        "type \"事业单位\": 不是可用的值（社会团体、社会服务机构、基金会）");
  Diagnostics en;
  CHECK_FALSE(
      build_dataset(std::span(&orgs, 1), shipped_schema(), options_as_of("2025-01-01"), en));
  CHECK(en.items()[0].message ==
        "type \"事业单位\": unknown value (expected social_group, social_service_agency, "
        "foundation)");
}

TEST_CASE("lenient under zh: the skipped row's reason and warning are in Chinese")
{
  TextTable orgs{"organizations", "o.csv", {"uscc", "名称", "类型", "region", "status"}, 1, {}};
  orgs.rows = {{{c_wuxing, "甲", "社团", "330502", "正常"}, 2},
               {{c_deqing, "乙", "事业单位", "330521", "正常"}, 3}};
  Diagnostics diagnostics;
  const auto dataset = build_dataset(std::span(&orgs, 1), shipped_schema(),
                                     options_as_of("2025-01-01", true, Lang::zh), diagnostics);
  REQUIRE(dataset);
  CHECK(diagnostics.format() == "o.csv:3:3: warning: 类型 (type) \"事业单位\": "
                                "不是可用的值（社会团体、社会服务机构、基金会）；已跳过此行\n");
  REQUIRE(dataset->skipped_rows.size() == 1);
  CHECK(dataset->skipped_rows[0].reason ==
        "类型 (type) \"事业单位\": 不是可用的值（社会团体、社会服务机构、基金会）");
  CHECK(dataset->skipped_rows[0].name == "乙");
}
