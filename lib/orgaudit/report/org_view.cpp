#include <orgaudit/report/org_view.hpp>

#include <fmt/format.h>

#include <orgaudit/report/labels.hpp>

namespace orgaudit::report {

std::string cell_text(const data::TableData& table, std::size_t column, std::size_t row)
{
  if (auto key = data::key_text(table, column, row)) {
    return std::move(*key);
  }
  const data::ColumnData& cells = table.columns[column];
  if (!cells.present || cells.is_null(row)) {
    return {};
  }
  switch (cells.type) {
  case schema::ColumnType::string:
  case schema::ColumnType::uscc:
  case schema::ColumnType::integer:
  case schema::ColumnType::enumeration:
    return {}; // key_text's
  case schema::ColumnType::number:
    return shortest(cells.number_at(row));
  case schema::ColumnType::money:
    return money_text(cells.number_at(row));
  case schema::ColumnType::boolean:
    return cells.bool_at(row) ? "true" : "false";
  case schema::ColumnType::date:
    return format_date(cells.date_at(row));
  }
  return {};
}

OrgView::OrgView(const data::Dataset& dataset)
    : m_schema(*dataset.schema), m_table(dataset.organizations()),
      m_columns(dataset.schema->root_columns)
{
}

std::string_view OrgView::string_cell(std::size_t column, std::uint32_t org) const
{
  const data::ColumnData& cells = m_table.columns[column];
  if (!cells.present || cells.is_null(org) ||
      (cells.type != schema::ColumnType::string && cells.type != schema::ColumnType::uscc)) {
    return {};
  }
  return cells.string_at(org);
}

std::string OrgView::enum_label_cell(std::size_t column, std::uint32_t org, rules::Lang lang) const
{
  const data::ColumnData& cells = m_table.columns[column];
  if (cells.type != schema::ColumnType::enumeration || !cells.present || cells.is_null(org)) {
    return cell_text(m_table, column, org);
  }
  return enum_label(m_table.table->columns[column].values[cells.code_at(org)], lang);
}

std::string OrgView::type_label(std::uint32_t org, rules::Lang lang) const
{
  return enum_label_cell(m_columns.type, org, lang);
}

std::string OrgView::status_label(std::uint32_t org, rules::Lang lang) const
{
  return enum_label_cell(m_columns.status, org, lang);
}

std::string OrgView::region_label(std::uint32_t org, rules::Lang lang) const
{
  return region_name(m_schema, region(org), lang);
}

std::uint32_t OrgView::source_line(std::uint32_t org) const
{
  return org < m_table.source_lines.size() ? m_table.source_lines[org] : 0;
}

std::string_view OrgView::source_file() const
{
  return m_table.source.empty() ? std::string_view("organizations.csv")
                                : std::string_view(m_table.source);
}

} // namespace orgaudit::report
