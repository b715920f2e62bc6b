#include <orgaudit/data/dataset.hpp>

namespace orgaudit::data {

std::optional<std::string> key_text(const TableData& table, std::size_t column, std::size_t row)
{
  const ColumnData& cells = table.columns[column];
  switch (cells.type) {
  case schema::ColumnType::string:
  case schema::ColumnType::uscc:
  case schema::ColumnType::integer:
  case schema::ColumnType::enumeration:
    break;
  default:
    return std::nullopt;
  }
  if (!cells.present || cells.is_null(row)) {
    return std::string();
  }
  if (cells.type == schema::ColumnType::integer) {
    return std::to_string(cells.int_at(row));
  }
  if (cells.type == schema::ColumnType::enumeration) {
    return table.table->columns[column].values[cells.code_at(row)].name;
  }
  return std::string(cells.string_at(row));
}

const std::string& Dataset::sha256() const
{
  static const InputFingerprint no_files;
  return (fingerprint ? *fingerprint : no_files).digest();
}

std::vector<std::string_view> Dataset::table_names(bool absent) const
{
  std::vector<std::string_view> names;
  for (const TableData& table : tables) {
    if (table.absent == absent) {
      names.push_back(table.table->name);
    }
  }
  return names;
}

std::optional<std::size_t> Dataset::find_organization(std::string_view uscc) const
{
  const auto& orgs = organizations();
  const auto key = orgs.table->column_index(orgs.table->key);
  if (!key) {
    return std::nullopt;
  }
  const ColumnData& column = orgs.columns[*key];
  std::size_t lo = 0;
  std::size_t hi = orgs.rows;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (column.string_at(mid) < uscc) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < orgs.rows && column.string_at(lo) == uscc) {
    return lo;
  }
  return std::nullopt;
}

} // namespace orgaudit::data
