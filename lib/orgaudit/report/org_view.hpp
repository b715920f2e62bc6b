#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <orgaudit/data/dataset.hpp>
#include <orgaudit/rules/ruleset.hpp>

namespace orgaudit::report {

// A cell as text: strings as they are, enum values by canonical name, dates in
// ISO form, booleans as true/false, numbers in shortest form; "" for null.
std::string cell_text(const data::TableData& table, std::size_t column, std::size_t row);

// The organization fields every report prints (the schema's root columns).
class OrgView {
 public:
  explicit OrgView(const data::Dataset& dataset);

  std::string_view uscc(std::uint32_t org) const { return string_cell(m_columns.uscc, org); }
  std::string_view name(std::uint32_t org) const { return string_cell(m_columns.name, org); }
  std::string type_id(std::uint32_t org) const { return cell_text(m_table, m_columns.type, org); }
  std::string type_label(std::uint32_t org, rules::Lang lang) const;
  // The region code as the data holds it ("" for null).
  std::string region(std::uint32_t org) const { return cell_text(m_table, m_columns.region, org); }
  // The region's name in `lang` (region_name).
  std::string region_label(std::uint32_t org, rules::Lang lang) const;
  std::string status_id(std::uint32_t org) const
  {
    return cell_text(m_table, m_columns.status, org);
  }
  std::string status_label(std::uint32_t org, rules::Lang lang) const;
  // The physical line the organization's row starts on in its file; 0 if unknown.
  std::uint32_t source_line(std::uint32_t org) const;
  // The organizations file as diagnostics name it ("organizations.csv" if unknown).
  std::string_view source_file() const;

 private:
  std::string_view string_cell(std::size_t column, std::uint32_t org) const;
  std::string enum_label_cell(std::size_t column, std::uint32_t org, rules::Lang lang) const;

  const schema::Schema& m_schema;
  const data::TableData& m_table;
  schema::RootColumns m_columns;
};

} // namespace orgaudit::report
