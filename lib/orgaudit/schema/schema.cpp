#include <orgaudit/schema/schema.hpp>

#include <orgaudit/core/text.hpp>

namespace orgaudit::schema {

std::string_view column_type_name(ColumnType type)
{
  switch (type) {
  case ColumnType::string:
    return "string";
  case ColumnType::integer:
    return "int";
  case ColumnType::number:
    return "double";
  case ColumnType::money:
    return "money";
  case ColumnType::boolean:
    return "bool";
  case ColumnType::date:
    return "date";
  case ColumnType::enumeration:
    return "enum";
  case ColumnType::uscc:
    return "uscc";
  }
  return "?";
}

std::string readable_name(std::string_view name)
{
  std::string text(name);
  for (char& c : text) {
    if (c == '_') {
      c = ' ';
    }
  }
  if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') {
    text.front() = static_cast<char>(text.front() - 'a' + 'A');
  }
  return text;
}

std::optional<std::uint8_t> Column::enum_code(std::string_view text) const
{
  text = trim(text);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].name == text) {
      return static_cast<std::uint8_t>(i);
    }
    for (const auto& alias : values[i].aliases) {
      if (alias == text) {
        return static_cast<std::uint8_t>(i);
      }
    }
  }
  return std::nullopt;
}

bool Column::matches_header(std::string_view header) const
{
  header = trim(header);
  if (header == name) {
    return true;
  }
  for (const auto& alias : aliases) {
    if (alias == header) {
      return true;
    }
  }
  return false;
}

const ValueLabel* Column::label_of(std::string_view value) const
{
  for (const ValueLabel& label : labels) {
    if (label.value == value) {
      return &label;
    }
  }
  return nullptr;
}

std::optional<std::size_t> Table::column_index(std::string_view column_name) const
{
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column_name) {
      return i;
    }
  }
  return std::nullopt;
}

const Column* Table::find_column(std::string_view column_name) const
{
  auto index = column_index(column_name);
  return index ? &columns[*index] : nullptr;
}

std::optional<std::size_t> Schema::table_index(std::string_view name) const
{
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (tables[i].name == name) {
      return i;
    }
  }
  return std::nullopt;
}

const Table* Schema::find_table(std::string_view name) const
{
  auto index = table_index(name);
  return index ? &tables[*index] : nullptr;
}

std::vector<std::string_view> resolve_root_columns(Schema& schema)
{
  std::vector<std::string_view> missing;
  std::array<std::size_t*, root_column_names.size()> indexes = {
      &schema.root_columns.uscc, &schema.root_columns.name, &schema.root_columns.type,
      &schema.root_columns.region, &schema.root_columns.status};
  for (std::size_t i = 0; i < root_column_names.size(); ++i) {
    if (const auto index = schema.root().column_index(root_column_names[i])) {
      *indexes[i] = *index;
    } else {
      missing.push_back(root_column_names[i]);
    }
  }
  return missing;
}

} // namespace orgaudit::schema
