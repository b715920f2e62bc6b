#include <orgaudit/data/dataset_builder.hpp>

#include <algorithm>
#include <numeric>
#include <unordered_set>

#include <fmt/format.h>

namespace orgaudit::data {

using schema::ColumnType;

namespace {

template <typename T>
void permute_vector(std::vector<T>& values, const std::vector<std::uint32_t>& order)
{
  std::vector<T> out;
  out.reserve(order.size());
  for (std::uint32_t i : order) {
    out.push_back(values[i]);
  }
  values = std::move(out);
}

void permute_table(TableData& table, const std::vector<std::uint32_t>& order)
{
  for (ColumnData& column : table.columns) {
    permute_column(column, order);
  }
  permute_vector(table.source_lines, order);
  table.rows = order.size();
}

} // namespace

// An open-addressing hash index from the organizations' keys to their row,
// so that matching millions of child rows costs one probe each.
class KeyIndex {
 public:
  explicit KeyIndex(const ColumnData& keys, std::size_t rows) : m_keys(keys)
  {
    std::size_t capacity = 16;
    while (capacity < rows * 2) {
      capacity *= 2;
    }
    m_mask = capacity - 1;
    m_slots.assign(capacity, 0);
    for (std::uint32_t row = 0; row < rows; ++row) {
      // Rows whose key was invalid are kept (empty) only to report more problems.
      if (keys.string_at(row).empty()) {
        continue;
      }
      std::size_t slot = std::hash<std::string_view>{}(keys.string_at(row)) & m_mask;
      while (m_slots[slot] != 0) {
        slot = (slot + 1) & m_mask;
      }
      m_slots[slot] = row + 1;
    }
  }

  std::optional<std::uint32_t> find(std::string_view key) const
  {
    std::size_t slot = std::hash<std::string_view>{}(key)&m_mask;
    while (m_slots[slot] != 0) {
      if (m_keys.string_at(m_slots[slot] - 1) == key) {
        return m_slots[slot] - 1;
      }
      slot = (slot + 1) & m_mask;
    }
    return std::nullopt;
  }

 private:
  const ColumnData& m_keys;
  std::vector<std::uint32_t> m_slots; // row + 1; 0 is empty
  std::size_t m_mask = 0;
};

void permute_column(ColumnData& column, const std::vector<std::uint32_t>& order)
{
  switch (column.type) {
  case ColumnType::integer:
    permute_vector(column.ints, order);
    break;
  case ColumnType::number:
  case ColumnType::money:
    permute_vector(column.numbers, order);
    break;
  case ColumnType::date:
    permute_vector(column.dates, order);
    break;
  case ColumnType::boolean:
  case ColumnType::enumeration:
    permute_vector(column.codes, order);
    break;
  case ColumnType::string:
  case ColumnType::uscc: {
    ColumnData out;
    out.type = column.type;
    out.present = column.present;
    out.reserve(order.size());
    out.arena.reserve(column.arena.size());
    for (std::uint32_t i : order) {
      out.push_string(column.string_at(i));
    }
    column = std::move(out);
    break;
  }
  }
}

DatasetBuilder::DatasetBuilder(std::shared_ptr<const schema::Schema> schema,
                               const LoadOptions& options, Diagnostics& diagnostics)
    : m_schema(std::move(schema)), m_options(options), m_diagnostics(diagnostics),
      m_errors_before(diagnostics.error_count()), m_builders(m_schema->tables.size())
{
}

TableBuilder& DatasetBuilder::begin_table(std::size_t table_index, std::string source)
{
  return m_builders[table_index].emplace(m_schema->tables[table_index], std::move(source),
                                         m_options, m_diagnostics);
}

TableBuilder& DatasetBuilder::begin_table(std::size_t table_index, std::string source,
                                          Diagnostics& diagnostics)
{
  return m_builders[table_index].emplace(m_schema->tables[table_index], std::move(source),
                                         m_options, diagnostics);
}

void DatasetBuilder::report_absent(std::size_t table_index, const std::string& path,
                                   const std::string& file, std::string_view looked_for)
{
  const schema::Table& table = m_schema->tables[table_index];
  if (table.is_root) {
    m_diagnostics.error(path, 0, 0,
                        fmt::format("no {}: a dataset needs its {}", looked_for, table.name));
    return;
  }
  const std::string label = table.label_zh.empty() ? "" : fmt::format(" ({})", table.label_zh);
  m_diagnostics.warning(file, 0, 0,
                        fmt::format("no {}: the {} table{} is unknown, not taken as empty; every "
                                    "rule that reads it is counted as missing data",
                                    looked_for, table.name, label));
}

void DatasetBuilder::hash_input(std::string_view name, std::string_view bytes)
{
  add_input_digest(name, bytes.size(), sha256_hex(bytes));
}

void DatasetBuilder::add_input_digest(std::string_view name, std::size_t size,
                                      std::string_view digest)
{
  // Length-prefixed, so that moving bytes between a name and the next changes the digest.
  m_hash.update(fmt::format("{}:{}\n{}\n{}\n", name.size(), name, size, digest));
}

void DatasetBuilder::sort_organizations(TableData& organizations, std::size_t key,
                                        std::size_t position)
{
  const ColumnData& codes = organizations.columns[key];
  std::vector<std::uint32_t> order(organizations.rows);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return codes.string_at(a) < codes.string_at(b);
  });
  std::vector<std::uint32_t> kept;
  kept.reserve(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::string_view code = codes.string_at(order[i]);
    if (!kept.empty() && !code.empty() && codes.string_at(kept.back()) == code) {
      // Stable order puts the first occurrence first: the later one is the duplicate.
      const std::uint32_t line = organizations.source_lines[order[i]];
      const std::string message = fmt::format("uscc \"{}\": duplicate key (first on line {})", code,
                                              organizations.source_lines[kept.back()]);
      if (m_options.lenient) {
        m_diagnostics.warning(organizations.source, line, position, message + "; row skipped");
        ++m_skipped;
      } else {
        m_diagnostics.error(organizations.source, line, position, message);
      }
      continue;
    }
    kept.push_back(order[i]);
  }
  permute_table(organizations, kept);
}

void DatasetBuilder::group_children(TableData& child, const TableBuilder& builder,
                                    const KeyIndex& index, std::size_t org_count)
{
  child.org_begin.assign(org_count + 1, 0);
  const auto key = child.table->column_index(child.table->key);
  if (!key || child.rows == 0) {
    return;
  }
  const ColumnData& codes = child.columns[*key];
  std::unordered_set<std::string_view> skipped_parents;
  if (m_builders.front()) {
    skipped_parents.insert(m_builders.front()->skipped_keys().begin(),
                           m_builders.front()->skipped_keys().end());
  }
  std::vector<std::uint32_t> owner(child.rows, 0);
  std::vector<std::uint32_t> kept;
  kept.reserve(child.rows);
  for (std::uint32_t row = 0; row < child.rows; ++row) {
    const std::string_view code = codes.string_at(row);
    const auto org = index.find(code);
    if (!org) {
      if (!code.empty()) {
        const bool parent_skipped = skipped_parents.contains(code);
        const std::string message = fmt::format("uscc \"{}\": {}", code,
                                                parent_skipped ? "its organization was skipped"
                                                               : "no organization has this code");
        if (m_options.lenient) {
          m_diagnostics.warning(child.source, child.source_lines[row], builder.position_of(*key),
                                message + "; row skipped");
          ++m_skipped;
        } else {
          m_diagnostics.error(child.source, child.source_lines[row], builder.position_of(*key),
                              message);
        }
      }
      continue;
    }
    owner[row] = *org;
    kept.push_back(row);
    ++child.org_begin[*org + 1];
  }
  for (std::size_t o = 0; o < org_count; ++o) {
    child.org_begin[o + 1] += child.org_begin[o];
  }
  // A counting sort by organization keeps the input order inside each group.
  std::vector<std::uint32_t> order(kept.size());
  std::vector<std::uint32_t> next(child.org_begin.begin(), child.org_begin.end() - 1);
  for (std::uint32_t row : kept) {
    order[next[owner[row]]++] = row;
  }
  permute_table(child, order);
}

std::shared_ptr<const Dataset> DatasetBuilder::finish(std::string path)
{
  auto dataset = std::make_shared<Dataset>();
  dataset->schema = m_schema;
  dataset->path = std::move(path);
  dataset->tables.resize(m_schema->tables.size());
  for (std::size_t t = 0; t < m_schema->tables.size(); ++t) {
    const schema::Table& table = m_schema->tables[t];
    if (m_builders[t]) {
      dataset->tables[t] = m_builders[t]->finish();
      m_skipped += m_builders[t]->skipped_rows();
    } else {
      TableData& absent = dataset->tables[t];
      absent.table = &table;
      absent.absent = true;
      absent.columns.resize(table.columns.size());
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        absent.columns[c].type = table.columns[c].type;
      }
    }
  }
  TableData& organizations = dataset->tables.front();
  if (const auto key = m_schema->root().column_index(m_schema->root().key);
      key && m_builders.front()) {
    sort_organizations(organizations, *key, m_builders.front()->position_of(*key));
  }
  if (organizations.rows == 0 && m_diagnostics.error_count() == m_errors_before) {
    m_diagnostics.error(organizations.source.empty() ? m_schema->root().name : organizations.source,
                        0, 0, "no organizations");
  }
  const auto root_key = m_schema->root().column_index(m_schema->root().key);
  const ColumnData no_keys;
  const KeyIndex index(root_key ? organizations.columns[*root_key] : no_keys,
                       root_key ? organizations.rows : 0);
  for (std::size_t t = 1; t < dataset->tables.size(); ++t) {
    if (m_builders[t]) {
      group_children(dataset->tables[t], *m_builders[t], index, organizations.rows);
    } else {
      dataset->tables[t].org_begin.assign(organizations.rows + 1, 0);
    }
  }
  dataset->sha256 = m_hash.hex_digest();
  dataset->skipped_rows = m_skipped;
  m_diagnostics.sort();
  if (m_diagnostics.error_count() > m_errors_before) {
    return nullptr;
  }
  return dataset;
}

} // namespace orgaudit::data
