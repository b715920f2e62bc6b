#include <orgaudit/data/dataset_builder.hpp>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include <fmt/format.h>

#include <orgaudit/core/parallel.hpp>
#include <orgaudit/data/wording.hpp>

namespace orgaudit::data {

using schema::ColumnType;

namespace {

// The rows in `order`, as stretches of consecutive rows.
std::vector<RowRange> ranges_of(const std::vector<std::uint32_t>& order)
{
  std::vector<RowRange> ranges;
  for (std::uint32_t row : order) {
    if (!ranges.empty() && ranges.back().end == row) {
      ++ranges.back().end;
    } else {
      ranges.push_back({row, row + 1});
    }
  }
  return ranges;
}

// The first 16 bytes of a key, big-endian, so that comparing them compares
// the keys' starts as strings do.
std::pair<std::uint64_t, std::uint64_t> key_prefix(std::string_view key)
{
  unsigned char bytes[16] = {};
  if (!key.empty()) { // an empty key's data() may be null, which memcpy must not get
    std::memcpy(bytes, key.data(), std::min<std::size_t>(key.size(), 16));
  }
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  for (int i = 0; i < 8; ++i) {
    high = high << 8 | bytes[i];
    low = low << 8 | bytes[8 + i];
  }
  return {high, low};
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

DatasetBuilder::DatasetBuilder(std::shared_ptr<const schema::Schema> schema,
                               const LoadOptions& options, Diagnostics& diagnostics)
    : m_schema(std::move(schema)), m_options(options), m_diagnostics(diagnostics),
      m_errors_before(diagnostics.error_count()), m_builders(m_schema->tables.size()),
      m_fingerprint(std::make_shared<InputFingerprint>())
{
  m_fingerprint->set_jobs(options.jobs);
}

TableBuilder& DatasetBuilder::begin_table(std::size_t table_index, std::string source)
{
  return m_builders[table_index].emplace(*m_schema, table_index, std::move(source), m_options,
                                         m_diagnostics);
}

TableBuilder& DatasetBuilder::begin_table(std::size_t table_index, std::string source,
                                          Diagnostics& diagnostics)
{
  return m_builders[table_index].emplace(*m_schema, table_index, std::move(source), m_options,
                                         diagnostics);
}

void DatasetBuilder::report_absent(std::size_t table_index, const std::string& path,
                                   const std::string& file, std::string_view looked_for)
{
  const schema::Table& table = m_schema->tables[table_index];
  const Lang lang = m_options.lang;
  // The table as the reader knows it: 社会组织表（organizations）, the organizations table
  // (社会组织).
  std::string named;
  if (lang == Lang::zh) {
    named = table.label_zh.empty() ? fmt::format("{} 表", table.name)
                                   : fmt::format("{}表（{}）", table.label_zh, table.name);
  } else {
    named = table.label_zh.empty() ? fmt::format("{} table", table.name)
                                   : fmt::format("{} table ({})", table.name, table.label_zh);
  }
  if (table.is_root) {
    m_diagnostics.error(
        path, 0, 0,
        say(Wording::no_root_file, lang, looked_for, lang == Lang::zh ? named : table.name));
    return;
  }
  m_diagnostics.warning(file, 0, 0, say(Wording::absent_table, lang, looked_for, named));
}

void DatasetBuilder::add_input(std::string name, std::string path,
                               std::optional<FileIdentity> identity)
{
  m_fingerprint->add_file(std::move(name), std::move(path), identity);
}

void DatasetBuilder::gather_table(TableData& table, const std::vector<RowRange>& ranges)
{
  for_each_parallel(table.columns.size(), m_options.jobs, [&](std::size_t c) {
    ColumnData gathered;
    gathered.type = table.columns[c].type;
    gathered.present = table.columns[c].present;
    if (table.columns[c].uses_runs()) {
      gathered.use_runs();
    }
    gathered.gather(table.columns[c], ranges);
    table.columns[c] = std::move(gathered);
  });
  SourceLines lines;
  lines.gather(table.source_lines, ranges);
  table.source_lines = std::move(lines);
  table.rows = 0;
  for (const RowRange& range : ranges) {
    table.rows += range.end - range.begin;
  }
}

void DatasetBuilder::sort_organizations(TableData& organizations, std::size_t key,
                                        std::size_t position, const std::string& key_name)
{
  const ColumnData& codes = organizations.columns[key];
  struct Entry {
    std::uint64_t high, low;
    std::uint32_t row;
  };
  std::vector<Entry> entries(organizations.rows);
  for (std::uint32_t row = 0; row < organizations.rows; ++row) {
    const auto [high, low] = key_prefix(codes.string_at(row));
    entries[row] = {high, low, row};
  }
  // By key, then by row, so that the first occurrence of a key comes first.
  std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    if (a.high != b.high || a.low != b.low) {
      return a.high != b.high ? a.high < b.high : a.low < b.low;
    }
    const int order = codes.string_at(a.row).compare(codes.string_at(b.row));
    return order != 0 ? order < 0 : a.row < b.row;
  });
  const Lang lang = m_options.lang;
  const auto name = organizations.table->column_index("name");
  std::vector<std::uint32_t> kept;
  kept.reserve(entries.size());
  for (const Entry& entry : entries) {
    const std::string_view code = codes.string_at(entry.row);
    if (!kept.empty() && !code.empty() && codes.string_at(kept.back()) == code) {
      // The later occurrence is the duplicate.
      const std::uint32_t line = organizations.source_lines[entry.row];
      const std::string message =
          fmt::format("{} \"{}\": {}", key_name, code,
                      say(Wording::duplicate_key, lang, organizations.source_lines[kept.back()]));
      if (m_options.lenient) {
        m_diagnostics.warning(organizations.source, line, position,
                              message + say(Wording::row_skipped, lang));
        const ColumnData* names = name ? &organizations.columns[*name] : nullptr;
        m_skipped.push_back({0, organizations.source, line, std::string(code),
                             names != nullptr && !names->is_null(entry.row)
                                 ? std::string(names->string_at(entry.row))
                                 : std::string(),
                             message});
      } else {
        m_diagnostics.error(organizations.source, line, position, message);
      }
      continue;
    }
    kept.push_back(entry.row);
  }
  gather_table(organizations, ranges_of(kept));
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
  // The organizations lenient skipped, by code, with their names.
  std::unordered_map<std::string_view, std::string_view> skipped_parents;
  if (m_builders.front()) {
    for (const SkippedRow& row : m_builders.front()->skipped_rows()) {
      if (!row.uscc.empty()) {
        skipped_parents.emplace(row.uscc, row.name);
      }
    }
  }
  const Lang lang = m_options.lang;
  const std::size_t table_index = static_cast<std::size_t>(child.table - m_schema->tables.data());
  // Rows come in runs of one code (its organization's rows are usually
  // together): match each run, then order the runs by organization.
  struct Run {
    std::uint32_t org;
    RowRange rows;
  };
  std::vector<Run> runs;
  for (std::size_t r = 0; r < codes.run_count(); ++r) {
    const std::uint32_t begin = codes.run_row(r);
    const auto end =
        static_cast<std::uint32_t>(r + 1 < codes.run_count() ? codes.run_row(r + 1) : child.rows);
    const std::string_view code = codes.run_value(r);
    const auto org = index.find(code);
    if (org) {
      runs.push_back({*org, {begin, end}});
      child.org_begin[*org + 1] += end - begin;
      continue;
    }
    if (code.empty()) {
      continue;
    }
    const auto parent = skipped_parents.find(code);
    const std::string message =
        fmt::format("{} \"{}\": {}", builder.column_name(*key), code,
                    wording(parent != skipped_parents.end() ? Wording::organization_skipped
                                                            : Wording::no_organization,
                            lang));
    for (std::uint32_t row = begin; row < end; ++row) {
      if (m_options.lenient) {
        m_diagnostics.warning(child.source, child.source_lines[row], builder.position_of(*key),
                              message + say(Wording::row_skipped, lang));
        m_skipped.push_back(
            {table_index, child.source, child.source_lines[row], std::string(code),
             parent != skipped_parents.end() ? std::string(parent->second) : std::string(),
             message});
      } else {
        m_diagnostics.error(child.source, child.source_lines[row], builder.position_of(*key),
                            message);
      }
    }
  }
  for (std::size_t o = 0; o < org_count; ++o) {
    child.org_begin[o + 1] += child.org_begin[o];
  }
  // A stable sort by organization keeps the input order inside each group.
  std::stable_sort(runs.begin(), runs.end(),
                   [](const Run& a, const Run& b) { return a.org < b.org; });
  std::vector<RowRange> ranges;
  ranges.reserve(runs.size());
  for (const Run& run : runs) {
    if (!ranges.empty() && ranges.back().end == run.rows.begin) {
      ranges.back().end = run.rows.end;
    } else {
      ranges.push_back(run.rows);
    }
  }
  const bool in_place =
      ranges.size() == 1 && ranges.front().begin == 0 && ranges.front().end == child.rows;
  if (!in_place) {
    gather_table(child, ranges);
  }
}

std::size_t DatasetBuilder::table_rank(const std::string& file) const
{
  for (std::size_t t = 0; t < m_schema->tables.size(); ++t) {
    const std::string& name = m_schema->tables[t].name;
    if ((m_builders[t] && m_builders[t]->source() == file) || file == name ||
        (file.starts_with(name) && file.size() > name.size() && file[name.size()] == '.')) {
      return t;
    }
  }
  return m_schema->tables.size();
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
      for (SkippedRow row : m_builders[t]->skipped_rows()) {
        row.table = t;
        m_skipped.push_back(std::move(row));
      }
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
    sort_organizations(organizations, *key, m_builders.front()->position_of(*key),
                       m_builders.front()->column_name(*key));
  }
  if (organizations.rows == 0 && m_diagnostics.error_count() == m_errors_before) {
    m_diagnostics.error(organizations.source.empty() ? m_schema->root().name : organizations.source,
                        0, 0, say(Wording::no_organizations, m_options.lang));
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
  dataset->fingerprint = m_fingerprint;
  std::stable_sort(m_skipped.begin(), m_skipped.end(),
                   [](const SkippedRow& a, const SkippedRow& b) {
                     return a.table != b.table ? a.table < b.table : a.line < b.line;
                   });
  dataset->skipped_rows = std::move(m_skipped);
  // Root causes first: an organization's problem comes before the child rows
  // it leaves without one, whatever the files are called.
  m_diagnostics.sort([this](const std::string& file) { return table_rank(file); });
  if (m_diagnostics.error_count() > m_errors_before) {
    return nullptr;
  }
  return dataset;
}

} // namespace orgaudit::data
