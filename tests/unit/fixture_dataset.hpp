#pragma once

// Test fixtures shared by the audit and sample tests: the shipped schema's
// tables built in code (SPEC §2.1), and a small CSV → Dataset reader with the
// checks of SPEC §2.2 that generated data must pass. The real loader and
// validator live in data/; these exist so the sample and program tests do not
// depend on them.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/audit/results.hpp>
#include <orgaudit/core/date.hpp>
#include <orgaudit/data/dataset.hpp>
#include <orgaudit/data/uscc.hpp>
#include <orgaudit/schema/schema.hpp>

namespace fixture {

using orgaudit::schema::Column;
using orgaudit::schema::ColumnType;
using orgaudit::schema::Table;

inline Column column(std::string name, ColumnType type, std::vector<std::string> values = {})
{
  Column result;
  result.name = std::move(name);
  result.type = type;
  for (auto& value : values) {
    result.values.push_back({value, {}, {}});
  }
  return result;
}

inline Table table(std::string name, std::vector<Column> columns)
{
  Table result;
  result.name = std::move(name);
  result.key = "uscc";
  result.is_root = result.name == "organizations";
  result.columns.push_back(column("uscc", ColumnType::uscc));
  for (auto& c : columns) {
    result.columns.push_back(std::move(c));
  }
  return result;
}

// The tables and columns of SPEC §2.1.
inline std::shared_ptr<orgaudit::schema::Schema> shipped_schema()
{
  using T = ColumnType;
  auto schema = std::make_shared<orgaudit::schema::Schema>();
  schema->id = "social-org";
  schema->tables = {
      table("organizations", {column("name", T::string),
                              column("type", T::enumeration,
                                     {"social_group", "social_service_agency", "foundation"}),
                              column("industry_association", T::boolean),
                              column("charity", T::boolean),
                              column("public_fundraising", T::boolean),
                              column("foundation_type", T::enumeration, {"public", "private"}),
                              column("region", T::string),
                              column("registered_on", T::date),
                              column("status", T::enumeration,
                                     {"active", "deregistered", "revoked", "certificate_revoked"}),
                              column("closed_on", T::date),
                              column("closed_reason", T::enumeration,
                                     {"dormant", "voluntary", "merger", "violation", "other"}),
                              column("grade", T::enumeration, {"1A", "2A", "3A", "4A", "5A"}),
                              column("grade_awarded_on", T::date),
                              column("party_org", T::enumeration,
                                     {"standalone", "joint", "functional", "instructor", "none"}),
                              column("charter_party_clause", T::boolean),
                              column("charter_integrity_clause", T::boolean),
                              column("discipline_inspector", T::boolean),
                              column("term_ends_on", T::date),
                              column("address_reachable", T::boolean),
                              column("dues_tiers", T::integer),
                              column("dues_secret_ballot", T::boolean)}),
      table("annual_reports",
            {column("year", T::integer),
             column("result", T::enumeration,
                    {"qualified", "basically_qualified", "unqualified", "not_submitted"}),
             column("submitted_on", T::date), column("revenue", T::money),
             column("restricted_revenue", T::money), column("total_expenses", T::money),
             column("charitable_expenses", T::money), column("admin_expenses", T::money),
             column("net_assets", T::money), column("staff", T::integer),
             column("board_meetings", T::integer), column("general_assembly", T::boolean),
             column("audited", T::boolean), column("disclosed", T::boolean)}),
      table("policies", {column("policy", T::enumeration,
                                {"integrity_code", "financial_management", "conflict_of_interest",
                                 "collective_decision", "information_disclosure", "seal_management",
                                 "procurement", "donation_management", "whistleblowing"}),
                         column("adopted_on", T::date)}),
      table("activities",
            {column("date", T::date),
             column("kind", T::enumeration,
                    {"service", "public_welfare", "training", "integrity_training", "party_day",
                     "volunteer", "board_meeting", "general_assembly", "other"}),
             column("in_scope", T::boolean), column("participants", T::integer),
             column("amount", T::money)}),
      table("projects",
            {column("year", T::integer), column("title", T::string),
             column("source", T::enumeration,
                    {"venture_philanthropy", "government_purchase", "donation", "self_funded"}),
             column("amount", T::money), column("beneficiaries", T::integer),
             column("status", T::enumeration, {"completed", "ongoing", "terminated"})}),
      table("incidents", {column("date", T::date),
                          column("kind", T::enumeration,
                                 {"warning", "fine", "confiscation", "suspension", "abnormal_list",
                                  "serious_list", "illegal_fee", "interview", "complaint",
                                  "rectification_order", "investigation"}),
                          column("amount", T::money), column("fee_item", T::integer),
                          column("resolved_on", T::date), column("note", T::string)}),
      table("honors", {column("year", T::integer),
                       column("kind", T::enumeration,
                              {"brand_org", "brand_project", "leading_figure",
                               "integrity_demo_unit", "best_practice", "observation_point"}),
                       column("level", T::enumeration, {"county", "city", "province", "national"}),
                       column("title", T::string)}),
  };
  for (auto& t : schema->tables) {
    for (auto& c : t.columns) {
      c.due_date = c.name == "term_ends_on";
    }
  }
  orgaudit::schema::resolve_root_columns(*schema);
  return schema;
}

// Splits RFC 4180 text into records of fields.
inline std::vector<std::vector<std::string>> parse_csv(std::string_view text)
{
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
    } else if (c != '\r') {
      field.push_back(c);
    }
  }
  return records;
}

// Reads one cell into `column`; returns a problem or "".
inline std::string push_cell(orgaudit::data::ColumnData& column, const Column& schema_column,
                             const std::string& cell, orgaudit::Date as_of)
{
  if (cell.empty()) {
    column.push_null();
    return "";
  }
  switch (schema_column.type) {
  case ColumnType::string:
    column.push_string(cell);
    return "";
  case ColumnType::uscc:
    column.push_string(cell);
    return orgaudit::data::uscc_problem(cell).value_or("");
  case ColumnType::integer: {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    column.push_int(value);
    return error == std::errc() && end == cell.data() + cell.size() ? "" : "bad integer " + cell;
  }
  case ColumnType::number:
  case ColumnType::money: {
    double value = 0;
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    column.push_number(value);
    if (error != std::errc() || end != cell.data() + cell.size()) {
      return "bad number " + cell;
    }
    return schema_column.type == ColumnType::money && value < 0 ? "negative money " + cell : "";
  }
  case ColumnType::boolean:
    column.push_code(cell == "true" ? 1 : 0);
    return cell == "true" || cell == "false" ? "" : "bad boolean " + cell;
  case ColumnType::date: {
    const auto date = orgaudit::parse_date(cell);
    column.push_date(date.value_or(orgaudit::Date{}));
    if (!date || orgaudit::year_of(*date) < 1949) {
      return "bad date " + cell;
    }
    return *date > as_of && !schema_column.due_date ? "date after as_of " + cell : "";
  }
  case ColumnType::enumeration: {
    const auto code = schema_column.enum_code(cell);
    column.push_code(code.value_or(orgaudit::data::null_code));
    return code ? "" : "unknown value " + cell;
  }
  }
  return "";
}

// A Dataset from the CSV text of each table (organizations sorted by USCC,
// child tables left ungrouped; the uscc must be each file's first column),
// with every problem found in `problems`; `full_headers` also requires every
// column of the schema in each file.
inline orgaudit::data::Dataset dataset_from_csv(const std::map<std::string, std::string>& files,
                                                orgaudit::Date as_of,
                                                std::vector<std::string>& problems,
                                                bool full_headers = false)
{
  orgaudit::data::Dataset dataset;
  auto schema = shipped_schema();
  dataset.schema = schema;
  std::set<std::string> usccs;
  for (const Table& table : schema->tables) {
    orgaudit::data::TableData data;
    data.table = &table;
    data.source = table.name + ".csv";
    data.columns.resize(table.columns.size());
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      data.columns[c].type = table.columns[c].type;
    }
    const auto it = files.find(table.name);
    auto records =
        it == files.end() ? std::vector<std::vector<std::string>>{} : parse_csv(it->second);
    // field_of[c]: the record field holding schema column c, or npos (absent).
    std::vector<std::size_t> field_of(table.columns.size(), std::string::npos);
    if (!records.empty()) {
      const auto& header = records.front();
      for (std::size_t f = 0; f < header.size(); ++f) {
        const auto c = table.column_index(header[f]);
        if (!c) {
          problems.push_back(table.name + ": unknown column " + header[f]);
          continue;
        }
        field_of[*c] = f;
      }
      if (full_headers && header.size() != table.columns.size()) {
        problems.push_back(table.name + ": the header does not name every column");
      }
      records.erase(records.begin());
    }
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      data.columns[c].present = field_of[c] != std::string::npos;
    }
    if (table.is_root) {
      std::sort(records.begin(), records.end());
    }
    for (const auto& record : records) {
      if (record.size() != (records.empty() ? 0 : records.front().size())) {
        problems.push_back(table.name + ": a record has " + std::to_string(record.size()) +
                           " fields");
        continue;
      }
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (field_of[c] == std::string::npos) {
          data.columns[c].push_null();
          continue;
        }
        const std::string problem =
            push_cell(data.columns[c], table.columns[c], record[field_of[c]], as_of);
        if (!problem.empty()) {
          problems.push_back(table.name + "." + table.columns[c].name + ": " + problem);
        }
      }
      if (table.is_root && !usccs.insert(record[0]).second) {
        problems.push_back("duplicate uscc " + record[0]);
      }
      if (!table.is_root && !usccs.contains(record[0])) {
        problems.push_back(table.name + ": unknown uscc " + record[0]);
      }
      ++data.rows;
    }
    dataset.tables.push_back(std::move(data));
  }
  return dataset;
}

// Results that select every organization of `dataset`, as of `as_of`: what
// the program figures read (the selection, the dataset and as_of).
inline orgaudit::audit::Results select_all(orgaudit::data::Dataset dataset, orgaudit::Date as_of)
{
  orgaudit::audit::Results results;
  results.as_of = as_of;
  results.organizations.resize(dataset.organization_count());
  for (std::size_t org = 0; org < results.organizations.size(); ++org) {
    results.organizations[org].org = static_cast<std::uint32_t>(org);
  }
  results.dataset = std::make_shared<const orgaudit::data::Dataset>(std::move(dataset));
  return results;
}

} // namespace fixture
