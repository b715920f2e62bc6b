#include <orgaudit/report/findings.hpp>

#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/labels.hpp>

namespace orgaudit::report {

using Kind = rules::RuleRef::Kind;

namespace {

void append_evidence_value(std::string& out, const audit::EvidenceCell& cell)
{
  switch (cell.kind) {
  case audit::EvidenceCell::Kind::null:
    out += "null";
    break;
  case audit::EvidenceCell::Kind::boolean:
    out += cell.boolean ? "true" : "false";
    break;
  case audit::EvidenceCell::Kind::integer:
    append_integer(out, cell.integer);
    break;
  case audit::EvidenceCell::Kind::number:
    out += std::isfinite(cell.number) ? shortest(cell.number) : std::string("null");
    break;
  case audit::EvidenceCell::Kind::money:
    out += std::isfinite(cell.number) ? money_text(cell.number) : std::string("null");
    break;
  case audit::EvidenceCell::Kind::text:
    append_json_string(out, cell.text);
    break;
  case audit::EvidenceCell::Kind::date:
    append_json_string(out, format_date(cell.date));
    break;
  }
}

} // namespace

std::vector<Finding> org_findings(const audit::Results& results, std::size_t position)
{
  const rules::RuleSet& rules = *results.ruleset;
  std::vector<Finding> findings;
  for (std::size_t i = 0; i < rules.indicators.size(); ++i) {
    const audit::IndicatorResult& result = results.indicator(position, i);
    if (audit::is_finding(result.status)) {
      findings.push_back(
          {{Kind::indicator, i, 0}, result.status, result.earned, rules.indicators[i].points});
    }
  }
  for (std::size_t v = 0; v < rules.vetoes.size(); ++v) {
    if (results.veto_held(position, v)) {
      findings.push_back({{Kind::veto, v, 0}, audit::Status::fail, 0, 0});
    }
  }
  for (std::size_t f = 0; f < rules.flags.size(); ++f) {
    if (results.flag_raised(position, f)) {
      findings.push_back({{Kind::flag, f, 0}, audit::Status::fail, 0, 0});
    }
  }
  return findings;
}

bool needs_section(const audit::Results& results, std::size_t position)
{
  const rules::RuleSet& rules = *results.ruleset;
  if (!results.organizations[position].waived.empty() || results.organizations[position].vetoed) {
    return true;
  }
  for (std::size_t i = 0; i < rules.indicators.size(); ++i) {
    if (audit::is_finding(results.indicator(position, i).status)) {
      return true;
    }
  }
  for (std::size_t d = 0; d < rules.deductions.size(); ++d) {
    if (results.deduction_held(position, d)) {
      return true;
    }
  }
  for (std::size_t f = 0; f < rules.flags.size(); ++f) {
    if (results.flag_raised(position, f)) {
      return true;
    }
  }
  return false;
}

std::string evidence_value(const audit::EvidenceCell& cell)
{
  if (cell.kind == audit::EvidenceCell::Kind::text) {
    return std::string(cell.text);
  }
  if (cell.kind == audit::EvidenceCell::Kind::date) {
    return format_date(cell.date);
  }
  std::string out;
  append_evidence_value(out, cell);
  return out;
}

namespace {

// The value of `cell` as people read it: an enum value's label, 是/否 or
// Yes/No, （未填）/(none) for an empty cell.
std::string readable_value(const audit::EvidenceCell& cell, const schema::Column* column,
                           rules::Lang lang)
{
  using CellKind = audit::EvidenceCell::Kind;
  if (cell.kind == CellKind::null) {
    return std::string(ui(Ui::not_given, lang));
  }
  if (cell.kind == CellKind::boolean) {
    return std::string(ui(cell.boolean ? Ui::yes : Ui::no, lang));
  }
  if (cell.kind == CellKind::text && column != nullptr &&
      column->type == schema::ColumnType::enumeration) {
    for (const schema::EnumValue& value : column->values) {
      if (value.name == cell.text) {
        return enum_label(value, lang);
      }
    }
  }
  return evidence_value(cell);
}

// The file a child table's rows came from, as its name reads ("annual_reports.csv").
std::string source_file(const data::Dataset& dataset, std::string_view table)
{
  for (const data::TableData& data : dataset.tables) {
    if (data.table->name == table && !data.source.empty()) {
      return std::filesystem::path(data.source).filename().string();
    }
  }
  return std::string(table);
}

} // namespace

std::string evidence_text(const data::Dataset& dataset,
                          const std::vector<audit::EvidenceCell>& cells, rules::Lang lang)
{
  const bool zh = lang == rules::Lang::zh;
  std::string out;
  const audit::EvidenceCell* previous = nullptr;
  auto close_row = [&] {
    if (previous != nullptr && previous->table != dataset.schema->root().name) {
      const std::string file = source_file(dataset, previous->table);
      out += zh ? fmt::format("（{} 第 {} 行）", file, previous->line)
                : fmt::format(" ({} line {})", file, previous->line);
    }
  };
  for (const audit::EvidenceCell& cell : cells) {
    const schema::Table* table = dataset.schema->find_table(cell.table);
    const bool root = table != nullptr && table->is_root;
    const bool same_row = previous != nullptr && !root && previous->table == cell.table &&
                          previous->line == cell.line;
    if (same_row) {
      out += zh ? "，" : ", ";
    } else if (previous != nullptr) {
      close_row();
      out += zh ? "；" : "; ";
    }
    const schema::Column* column = table != nullptr ? table->find_column(cell.column) : nullptr;
    out += column != nullptr ? column_label(*column, lang) : std::string(cell.column);
    out += zh ? " " : ": ";
    out += readable_value(cell, column, lang);
    previous = &cell;
  }
  close_row();
  return out;
}

void append_evidence_json(std::string& out, const std::vector<audit::EvidenceCell>& cells)
{
  out += '{';
  bool first_member = true;
  std::size_t i = 0;
  while (i < cells.size()) {
    const audit::EvidenceCell& cell = cells[i];
    if (!first_member) {
      out += ", ";
    }
    first_member = false;
    if (cell.table == "organizations") {
      std::string key;
      key.reserve(cell.table.size() + 1 + cell.column.size());
      key += cell.table;
      key += '.';
      key += cell.column;
      append_json_string(out, key);
      out += ": ";
      append_evidence_value(out, cell);
      ++i;
      continue;
    }
    // One array per child table, one object per row, in the source's order.
    append_json_string(out, cell.table);
    out += ": [";
    const std::string_view table = cell.table;
    bool first_row = true;
    while (i < cells.size() && cells[i].table == table) {
      const std::uint32_t line = cells[i].line;
      out += first_row ? "{" : ", {";
      first_row = false;
      out += "\"line\": ";
      append_integer(out, line);
      while (i < cells.size() && cells[i].table == table && cells[i].line == line) {
        out += ", ";
        append_json_string(out, cells[i].column);
        out += ": ";
        append_evidence_value(out, cells[i]);
        ++i;
      }
      out += '}';
    }
    out += ']';
  }
  out += '}';
}

} // namespace orgaudit::report
