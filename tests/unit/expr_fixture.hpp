#pragma once

// A schema mirroring SPEC §2.1 (organizations, annual_reports, activities,
// incidents) built in code, and a Dataset filled cell by cell, for the
// expression tests. Independent of the YAML schema loader on purpose.

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <orgaudit/core/date.hpp>
#include <orgaudit/data/dataset.hpp>
#include <orgaudit/expr/compiler.hpp>
#include <orgaudit/expr/evaluator.hpp>
#include <orgaudit/expr/program.hpp>
#include <orgaudit/schema/schema.hpp>

namespace expr_test {

using orgaudit::Date;
using orgaudit::schema::Column;
using orgaudit::schema::ColumnType;

inline Column column(std::string name, ColumnType type, std::vector<std::string> values = {})
{
  Column c;
  c.name = std::move(name);
  c.type = type;
  for (auto& value : values) {
    c.values.push_back({std::move(value), {}, {}});
  }
  return c;
}

inline std::shared_ptr<orgaudit::schema::Schema> make_schema()
{
  using T = ColumnType;
  auto schema = std::make_shared<orgaudit::schema::Schema>();
  schema->id = "test";
  orgaudit::schema::Table orgs{"organizations", "uscc", true, {}, {}, 0};
  orgs.columns = {
      column("uscc", T::uscc),
      column("name", T::string),
      column("type", T::enumeration, {"social_group", "social_service_agency", "foundation"}),
      column("industry_association", T::boolean),
      column("registered_on", T::date),
      column("status", T::enumeration,
             {"active", "deregistered", "revoked", "certificate_revoked"}),
      column("grade", T::enumeration, {"1A", "2A", "3A", "4A", "5A"}),
      column("charter_party_clause", T::boolean),
      column("dues_tiers", T::integer),
      column("region", T::string),
  };
  orgs.columns[2].values[0].aliases = {"社会团体", "社团"};
  orgs.columns[2].values[2].aliases = {"基金会"};
  orgaudit::schema::Table reports{"annual_reports", "uscc", false, {}, {}, 0};
  reports.columns = {
      column("uscc", T::uscc),
      column("year", T::integer),
      column("result", T::enumeration,
             {"qualified", "basically_qualified", "unqualified", "not_submitted"}),
      column("revenue", T::money),
      column("total_expenses", T::money),
      column("staff", T::integer),
  };
  orgaudit::schema::Table activities{"activities", "uscc", false, {}, {}, 0};
  activities.columns = {
      column("uscc", T::uscc),
      column("date", T::date),
      column("kind", T::enumeration,
             {"service", "public_welfare", "training", "integrity_training", "other"}),
      column("participants", T::integer),
      column("amount", T::money),
  };
  orgaudit::schema::Table incidents{"incidents", "uscc", false, {}, {}, 0};
  incidents.columns = {
      column("uscc", T::uscc),
      column("date", T::date),
      column("kind", T::enumeration, {"warning", "fine", "serious_list", "interview"}),
      column("amount", T::money),
      column("resolved_on", T::date),
      column("note", T::string),
  };
  schema->tables = {orgs, reports, activities, incidents};
  orgaudit::schema::resolve_root_columns(*schema);
  return schema;
}

// A cell: null, int, double, bool, string (or enum value name), or date.
using Cell = std::variant<std::monostate, std::int64_t, double, bool, std::string, Date>;

inline Date day(std::string_view iso)
{
  return *orgaudit::parse_date(iso);
}

// A dataset built row by row; child rows must be added in organization order.
class DataBuilder {
 public:
  explicit DataBuilder(std::shared_ptr<orgaudit::schema::Schema> s = make_schema())
      : schema(std::move(s))
  {
    dataset.schema = schema;
    for (const auto& table : schema->tables) {
      orgaudit::data::TableData data;
      data.table = &table;
      for (const auto& c : table.columns) {
        orgaudit::data::ColumnData column_data;
        column_data.type = c.type;
        column_data.present = true;
        data.columns.push_back(std::move(column_data));
      }
      dataset.tables.push_back(std::move(data));
    }
    m_child_orgs.resize(schema->tables.size());
  }

  // Marks a column as absent from the input (every cell null, has() false).
  void absent(std::size_t table, std::string_view name)
  {
    dataset.tables[table].columns[*schema->tables[table].column_index(name)].present = false;
  }

  std::size_t add_org(std::initializer_list<std::pair<std::string_view, Cell>> cells)
  {
    add_row(0, cells);
    return dataset.tables[0].rows - 1;
  }

  void add_child(std::string_view table_name, std::size_t org,
                 std::initializer_list<std::pair<std::string_view, Cell>> cells)
  {
    const std::size_t table = *schema->table_index(table_name);
    add_row(table, cells);
    m_child_orgs[table].push_back(org);
  }

  // Computes every child table's org_begin; call after the last row.
  const orgaudit::data::Dataset& finish()
  {
    const std::size_t orgs = dataset.tables[0].rows;
    for (std::size_t t = 1; t < dataset.tables.size(); ++t) {
      auto& begin = dataset.tables[t].org_begin;
      begin.assign(orgs + 1, 0);
      for (std::size_t org : m_child_orgs[t]) {
        ++begin[org + 1];
      }
      std::partial_sum(begin.begin(), begin.end(), begin.begin());
    }
    return dataset;
  }

  std::shared_ptr<orgaudit::schema::Schema> schema;
  orgaudit::data::Dataset dataset;

 private:
  void add_row(std::size_t table, std::initializer_list<std::pair<std::string_view, Cell>> cells)
  {
    auto& data = dataset.tables[table];
    const auto& columns = schema->tables[table].columns;
    for (const auto& [name, cell] : cells) {
      REQUIRE_MESSAGE(schema->tables[table].column_index(name), name);
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const Cell* cell = nullptr;
      for (const auto& [name, value] : cells) {
        if (name == columns[c].name) {
          cell = &value;
        }
      }
      push(data.columns[c], columns[c], cell);
    }
    data.rows += 1;
  }

  static void push(orgaudit::data::ColumnData& data, const Column& column, const Cell* cell)
  {
    if (!cell || std::holds_alternative<std::monostate>(*cell)) {
      data.push_null();
    } else if (auto i = std::get_if<std::int64_t>(cell)) {
      data.push_int(*i);
    } else if (auto d = std::get_if<double>(cell)) {
      data.push_number(*d);
    } else if (auto b = std::get_if<bool>(cell)) {
      data.push_code(*b ? 1 : 0);
    } else if (auto date = std::get_if<Date>(cell)) {
      data.push_date(*date);
    } else if (column.type == ColumnType::enumeration) {
      const auto code = column.enum_code(std::get<std::string>(*cell));
      REQUIRE(code);
      data.push_code(*code);
    } else {
      data.push_string(std::get<std::string>(*cell));
    }
  }

  std::vector<std::vector<std::size_t>> m_child_orgs;
};

// All problems of compiling `source`, one message per line ("offset+length: message").
inline std::string problems_of(orgaudit::expr::Compiler& compiler, std::string_view source,
                               orgaudit::expr::Expected expected = orgaudit::expr::Expected::any)
{
  std::vector<orgaudit::expr::Problem> problems;
  const auto program = compiler.compile(source, expected, problems);
  std::string out;
  for (const auto& problem : problems) {
    out += std::to_string(problem.offset) + "+" + std::to_string(problem.length) + ": " +
           problem.message + "\n";
  }
  if (!out.empty()) {
    CHECK_FALSE(program);
  }
  return out;
}

// The only problem message of compiling `source` (offset and length dropped).
inline std::string message_of(orgaudit::expr::Compiler& compiler, std::string_view source,
                              orgaudit::expr::Expected expected = orgaudit::expr::Expected::any)
{
  std::vector<orgaudit::expr::Problem> problems;
  const auto program = compiler.compile(source, expected, problems);
  CHECK_FALSE(program);
  REQUIRE(problems.size() == 1);
  return problems.front().message;
}

// Three organizations with annual reports, activities and incidents, as of
// 2026-03-31; `show` evaluates an expression for one of them.
class World {
 public:
  World()
  {
    const std::size_t org0 = data.add_org({{"uscc", std::string("51330502MJ0000018C")},
                                           {"name", std::string("湖州市电梯行业协会")},
                                           {"type", std::string("social_group")},
                                           {"industry_association", true},
                                           {"registered_on", day("2015-06-01")},
                                           {"status", std::string("active")},
                                           {"grade", std::string("4A")},
                                           {"charter_party_clause", true},
                                           {"dues_tiers", std::int64_t{3}},
                                           {"region", std::string("330502")}});
    data.add_org({{"uscc", std::string("52330521MJ0000026L")},
                  {"name", std::string("德清县某服务中心")},
                  {"type", std::string("social_service_agency")},
                  {"status", std::string("deregistered")}});
    const std::size_t org2 = data.add_org({{"uscc", std::string("53330523MJ00000349")},
                                           {"name", std::string("某基金会")},
                                           {"type", std::string("基金会")},
                                           {"status", std::string("active")},
                                           {"charter_party_clause", false},
                                           {"dues_tiers", std::int64_t{0}}});
    data.add_child("annual_reports", org0,
                   {{"year", std::int64_t{2023}},
                    {"result", std::string("qualified")},
                    {"revenue", 100000.0},
                    {"total_expenses", 80000.0},
                    {"staff", std::int64_t{5}}});
    data.add_child("annual_reports", org0,
                   {{"year", std::int64_t{2024}},
                    {"result", std::string("basically_qualified")},
                    {"revenue", 120000.0},
                    {"total_expenses", 0.0},
                    {"staff", std::int64_t{6}}});
    data.add_child("annual_reports", org0,
                   {{"year", std::int64_t{2025}}, {"staff", std::int64_t{0}}});
    data.add_child("activities", org0,
                   {{"date", day("2025-03-01")},
                    {"kind", std::string("integrity_training")},
                    {"participants", std::int64_t{30}},
                    {"amount", 500.0}});
    data.add_child("activities", org0,
                   {{"date", day("2025-01-10")},
                    {"kind", std::string("service")},
                    {"participants", std::int64_t{10}}});
    data.add_child(
        "activities", org0,
        {{"date", day("2024-12-01")}, {"kind", std::string("training")}, {"amount", 200.0}});
    data.add_child("incidents", org0,
                   {{"date", day("2024-05-01")},
                    {"kind", std::string("fine")},
                    {"amount", 2000.0},
                    {"resolved_on", day("2024-06-01")},
                    {"note", std::string("已整改")}});
    data.add_child("incidents", org0,
                   {{"date", day("2025-02-01")}, {"kind", std::string("serious_list")}});
    data.add_child("incidents", org2,
                   {{"date", day("2025-08-01")}, {"kind", std::string("warning")}});
    data.absent(3, "note");
    data.finish();
  }

  // The outcome as text: "true", "false", "null", a number, or "error: …";
  // " (divided by zero)" is appended when a division by zero gave null.
  std::string show(std::string_view source, std::size_t org = 0,
                   orgaudit::expr::Evidence* evidence = nullptr)
  {
    std::vector<orgaudit::expr::Problem> problems;
    const auto program = compiler.compile(source, orgaudit::expr::Expected::any, problems);
    REQUIRE_MESSAGE(program, (problems.empty() ? std::string() : problems[0].message));
    return describe(evaluator.evaluate(*program, org, evidence),
                    program->type.kind == orgaudit::expr::Kind::boolean);
  }

  static std::string describe(const orgaudit::expr::Outcome& outcome, bool boolean)
  {
    using Kind = orgaudit::expr::Outcome::Kind;
    std::string out;
    if (outcome.kind == Kind::null) {
      out = "null";
    } else if (outcome.kind == Kind::error) {
      out = "error: " + outcome.error;
    } else if (!boolean) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.17g", outcome.number);
      out = buffer;
    } else {
      out = outcome.boolean ? "true" : "false";
    }
    return outcome.divided_by_zero ? out + " (divided by zero)" : out;
  }

  DataBuilder data;
  orgaudit::expr::Compiler compiler{data.schema};
  orgaudit::expr::Evaluator evaluator{data.dataset, day("2026-03-31")};
};

} // namespace expr_test
