#include <orgaudit/data/dataset.hpp>

#include <stdexcept>

namespace orgaudit::data {

using schema::ColumnType;

bool ColumnData::is_null(std::size_t row) const
{
  switch (type) {
  case ColumnType::integer:
    return ints[row] == null_int;
  case ColumnType::number:
  case ColumnType::money:
    return std::isnan(numbers[row]);
  case ColumnType::date:
    return dates[row] == null_date;
  case ColumnType::boolean:
  case ColumnType::enumeration:
    return codes[row] == null_code;
  case ColumnType::string:
  case ColumnType::uscc:
    return string_offsets[row] == string_offsets[row + 1];
  }
  return true;
}

void ColumnData::push_null()
{
  switch (type) {
  case ColumnType::integer:
    ints.push_back(null_int);
    break;
  case ColumnType::number:
  case ColumnType::money:
    numbers.push_back(null_number);
    break;
  case ColumnType::date:
    dates.push_back(null_date);
    break;
  case ColumnType::boolean:
  case ColumnType::enumeration:
    codes.push_back(null_code);
    break;
  case ColumnType::string:
  case ColumnType::uscc:
    string_offsets.push_back(string_offsets.back());
    break;
  }
}

void ColumnData::push_string(std::string_view value)
{
  if (arena.size() + value.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("string column larger than 4 GiB");
  }
  arena.append(value);
  string_offsets.push_back(static_cast<std::uint32_t>(arena.size()));
}

std::size_t ColumnData::size() const
{
  switch (type) {
  case ColumnType::integer:
    return ints.size();
  case ColumnType::number:
  case ColumnType::money:
    return numbers.size();
  case ColumnType::date:
    return dates.size();
  case ColumnType::boolean:
  case ColumnType::enumeration:
    return codes.size();
  case ColumnType::string:
  case ColumnType::uscc:
    return string_offsets.size() - 1;
  }
  return 0;
}

void ColumnData::reserve(std::size_t rows)
{
  switch (type) {
  case ColumnType::integer:
    ints.reserve(rows);
    break;
  case ColumnType::number:
  case ColumnType::money:
    numbers.reserve(rows);
    break;
  case ColumnType::date:
    dates.reserve(rows);
    break;
  case ColumnType::boolean:
  case ColumnType::enumeration:
    codes.reserve(rows);
    break;
  case ColumnType::string:
  case ColumnType::uscc:
    string_offsets.reserve(rows + 1);
    break;
  }
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
