#include <orgaudit/data/dataset.hpp>

namespace orgaudit::data {

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
