#include <orgaudit/data/table_builder.hpp>

#include <fmt/format.h>

#include <orgaudit/core/text.hpp>
#include <orgaudit/data/limits.hpp>
#include <orgaudit/data/wording.hpp>

namespace orgaudit::data {

using schema::ColumnType;

TableBuilder::TableBuilder(const schema::Schema& schema, std::size_t table_index,
                           std::string source, const LoadOptions& options, Diagnostics& diagnostics)
    : m_table(schema.tables[table_index]), m_source(std::move(source)), m_options(options),
      m_diagnostics(diagnostics), m_position(m_table.columns.size(), 0),
      m_enums(m_table.columns.size()), m_earliest(*make_date(1949, 1, 1)), m_typer(*this, m_rows)
{
  const schema::Table& table = m_table;
  m_data.table = &table;
  m_data.source = m_source;
  m_data.columns.resize(table.columns.size());
  m_key = table.column_index(table.key);
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    m_names.push_back(table.columns[c].name);
    m_data.columns[c].type = table.columns[c].type;
    if (table.columns[c].type == ColumnType::enumeration) {
      m_enums[c].emplace(table.columns[c]);
    }
  }
  // A child table's key repeats its organization's code on row after row.
  if (m_key && !table.is_root) {
    m_data.columns[*m_key].use_runs();
  }
  if (table.is_root) {
    m_name = schema.root_columns.name;
    m_type = schema.root_columns.type;
    m_region = schema.root_columns.region;
    m_status = schema.root_columns.status;
    m_registered_on = table.column_index("registered_on");
    m_closed_on = table.column_index("closed_on");
    m_closed_reason = table.column_index("closed_reason");
    for (std::size_t v = 0; m_status && v < table.columns[*m_status].values.size(); ++v) {
      if (table.columns[*m_status].values[v].name == "active") {
        m_active = static_cast<std::uint8_t>(v);
      }
    }
  }
  m_charitable = table.column_index("charitable_expenses");
  m_total = table.column_index("total_expenses");
  prepare(m_rows);
}

bool TableBuilder::set_header(std::span<const std::string_view> names, std::uint32_t line)
{
  if (names.size() > max_columns) {
    m_diagnostics.error(m_source, line, max_columns + 1,
                        say(Wording::too_many_columns, m_options.lang, names.size(), max_columns));
    m_usable = false;
    return false;
  }
  m_header_size = names.size();
  m_column_of_field.assign(names.size(), std::nullopt);
  std::vector<std::string_view> known;
  for (const auto& column : m_table.columns) {
    known.push_back(column.name);
    known.insert(known.end(), column.aliases.begin(), column.aliases.end());
  }
  bool usable = true;
  std::size_t unknown = 0;
  std::size_t first_unnamed = 0; // the first unknown column past those named
  for (std::size_t field = 0; field < names.size(); ++field) {
    const std::string_view name = trim(names[field]);
    std::optional<std::size_t> found;
    for (std::size_t c = 0; c < m_table.columns.size() && !found; ++c) {
      if (m_table.columns[c].matches_header(name)) {
        found = c;
      }
    }
    if (!found && ++unknown > named_unknown_columns) {
      first_unnamed = first_unnamed == 0 ? field + 1 : first_unnamed;
      continue;
    }
    if (!found) {
      const Lang lang = m_options.lang;
      std::string message = name.empty() ? say(Wording::nameless_column, lang)
                                         : say(Wording::unknown_column, lang, name);
      if (const auto guess = name.empty() ? std::nullopt : closest_match(name, known)) {
        message += say(Wording::did_you_mean, lang, *guess);
      }
      m_diagnostics.warning(m_source, line, field + 1, message);
      continue;
    }
    if (m_position[*found] != 0) {
      m_diagnostics.error(
          m_source, line, field + 1,
          say(Wording::duplicate_column, m_options.lang, m_names[*found], m_position[*found]));
      usable = false;
      continue;
    }
    m_position[*found] = field + 1;
    m_column_of_field[field] = *found;
    const std::string& canonical = m_table.columns[*found].name;
    m_names[*found] = name == canonical ? canonical : fmt::format("{} ({})", name, canonical);
    for (char c : name) {
      m_chinese_header = m_chinese_header || static_cast<unsigned char>(c) >= 0x80;
    }
  }
  if (first_unnamed != 0) {
    m_diagnostics.warning(
        m_source, line, first_unnamed,
        say(Wording::more_unknown_columns, m_options.lang, unknown - named_unknown_columns));
  }
  for (std::size_t c = 0; c < m_table.columns.size(); ++c) {
    if (m_table.columns[c].required && m_position[c] == 0) {
      const schema::Column& column = m_table.columns[c];
      const std::string named = m_options.lang == Lang::zh && !column.label_zh.empty()
                                    ? fmt::format("{} ({})", column.label_zh, column.name)
                                    : column.name;
      m_diagnostics.error(m_source, line, 1, say(Wording::missing_column, m_options.lang, named));
      usable = false;
    }
    m_data.columns[c].present = m_position[c] != 0;
  }
  m_usable = usable;
  return usable;
}

void TableBuilder::add_row(std::span<const Cell> cells, std::uint32_t line)
{
  m_typer.add_row(cells, line);
}

void TableBuilder::reject_row(std::uint32_t line, std::size_t column, std::string message)
{
  m_typer.reject_row(line, column, std::move(message));
}

void TableBuilder::prepare(TypedRows& rows) const
{
  rows.data.table = &m_table;
  rows.data.source = m_source;
  rows.data.rows = 0;
  rows.data.source_lines.clear();
  if (rows.data.columns.size() != m_data.columns.size()) {
    rows.data.columns.resize(m_data.columns.size());
    for (std::size_t c = 0; c < m_data.columns.size(); ++c) {
      rows.data.columns[c].type = m_data.columns[c].type;
      if (m_data.columns[c].uses_runs()) {
        rows.data.columns[c].use_runs();
      }
    }
  }
  for (ColumnData& column : rows.data.columns) {
    column.clear();
  }
  rows.diagnostics = Diagnostics();
  rows.skipped.clear();
}

void TableBuilder::append(TypedRows& rows, std::uint32_t line_offset)
{
  for (std::size_t c = 0; c < m_data.columns.size(); ++c) {
    m_data.columns[c].append(rows.data.columns[c]);
  }
  m_data.source_lines.append(rows.data.source_lines, line_offset);
  m_data.rows += rows.data.rows;
  for (Diagnostic diagnostic : rows.diagnostics.items()) {
    diagnostic.line += diagnostic.line > 0 ? line_offset : 0;
    m_diagnostics.add(std::move(diagnostic));
  }
  for (SkippedRow& row : rows.skipped) {
    row.line += row.line > 0 ? line_offset : 0;
    m_skipped.push_back(std::move(row));
  }
  prepare(rows);
}

void TableBuilder::reserve_like(const TypedRows& sample, double factor)
{
  const auto scaled = [factor](std::size_t n) { return static_cast<std::size_t>(n * factor); };
  for (std::size_t c = 0; c < m_data.columns.size(); ++c) {
    const ColumnData& column = sample.data.columns[c];
    m_data.columns[c].reserve(scaled(column.size()), scaled(column.text_bytes()));
  }
}

TableData TableBuilder::finish()
{
  append(m_rows, 0);
  return std::move(m_data);
}

} // namespace orgaudit::data
