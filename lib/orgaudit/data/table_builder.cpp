#include <orgaudit/data/table_builder.hpp>

#include <fmt/format.h>

#include <orgaudit/core/text.hpp>

namespace orgaudit::data {

using schema::ColumnType;

TableBuilder::TableBuilder(const schema::Table& table, std::string source,
                           const LoadOptions& options, Diagnostics& diagnostics)
    : m_table(table), m_source(std::move(source)), m_options(options), m_diagnostics(diagnostics),
      m_position(table.columns.size(), 0), m_values(table.columns.size())
{
  m_data.table = &table;
  m_data.source = m_source;
  m_data.columns.resize(table.columns.size());
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    m_data.columns[c].type = table.columns[c].type;
  }
  m_key = table.column_index(table.key);
  if (table.is_root) {
    m_type = table.column_index("type");
    m_region = table.column_index("region");
    m_status = table.column_index("status");
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
}

bool TableBuilder::set_header(std::span<const std::string_view> names, std::uint32_t line)
{
  m_header_size = names.size();
  m_column_of_field.assign(names.size(), std::nullopt);
  std::vector<std::string_view> known;
  for (const auto& column : m_table.columns) {
    known.push_back(column.name);
    known.insert(known.end(), column.aliases.begin(), column.aliases.end());
  }
  bool usable = true;
  for (std::size_t field = 0; field < names.size(); ++field) {
    const std::string_view name = trim(names[field]);
    std::optional<std::size_t> found;
    for (std::size_t c = 0; c < m_table.columns.size() && !found; ++c) {
      if (m_table.columns[c].matches_header(name)) {
        found = c;
      }
    }
    if (!found) {
      std::string message = name.empty() ? std::string("column without a name (ignored)")
                                         : fmt::format("unknown column \"{}\" (ignored)", name);
      if (const auto guess = name.empty() ? std::nullopt : closest_match(name, known)) {
        message += fmt::format("; did you mean \"{}\"?", *guess);
      }
      m_diagnostics.warning(m_source, line, field + 1, message);
      continue;
    }
    if (m_position[*found] != 0) {
      m_diagnostics.error(m_source, line, field + 1,
                          fmt::format("duplicate column \"{}\" (also column {})",
                                      m_table.columns[*found].name, m_position[*found]));
      usable = false;
      continue;
    }
    m_position[*found] = field + 1;
    m_column_of_field[field] = *found;
  }
  for (std::size_t c = 0; c < m_table.columns.size(); ++c) {
    if (m_table.columns[c].required && m_position[c] == 0) {
      m_diagnostics.error(m_source, line, 1,
                          fmt::format("missing required column \"{}\"", m_table.columns[c].name));
      usable = false;
    }
    m_data.columns[c].present = m_position[c] != 0;
  }
  m_usable = usable;
  return usable;
}

void TableBuilder::add_row(std::span<const Cell> cells, std::uint32_t line)
{
  if (!m_usable) {
    return;
  }
  m_problems.clear();
  if (cells.size() != m_header_size) {
    const bool more = cells.size() > m_header_size;
    problem(more ? m_header_size + 1 : cells.size() + 1,
            fmt::format("too {} fields: {}, the header has {}", more ? "many" : "few", cells.size(),
                        m_header_size));
  }
  for (auto& value : m_values) {
    value.null = true;
    value.given = false;
  }
  for (std::size_t field = 0; field < cells.size() && field < m_header_size; ++field) {
    if (const auto column = m_column_of_field[field]) {
      type_cell(*column, cells[field], m_values[*column]);
    }
  }
  check_row();
  bool has_error = false;
  for (const Problem& p : m_problems) {
    has_error = has_error || p.severity == Severity::error;
  }
  const bool skip = has_error && m_options.lenient;
  for (Problem& p : m_problems) {
    if (skip && p.severity == Severity::error) {
      m_diagnostics.warning(m_source, line, p.column, p.message + "; row skipped");
    } else {
      m_diagnostics.add({m_source, line, p.column, p.severity, std::move(p.message), {}});
    }
  }
  if (skip) {
    ++m_skipped;
    if (m_key && !m_values[*m_key].null) {
      m_skipped_keys.push_back(m_values[*m_key].text);
    }
    return;
  }
  push_row(line);
}

void TableBuilder::push_row(std::uint32_t line)
{
  for (std::size_t c = 0; c < m_values.size(); ++c) {
    ColumnData& column = m_data.columns[c];
    const Value& value = m_values[c];
    if (value.null) {
      column.push_null();
      continue;
    }
    switch (column.type) {
    case ColumnType::integer:
      column.push_int(value.integer);
      break;
    case ColumnType::number:
    case ColumnType::money:
      column.push_number(value.number);
      break;
    case ColumnType::date:
      column.push_date(Date{value.date});
      break;
    case ColumnType::boolean:
    case ColumnType::enumeration:
      column.push_code(value.code);
      break;
    case ColumnType::string:
    case ColumnType::uscc:
      column.push_string(value.text);
      break;
    }
  }
  m_data.source_lines.push_back(line);
  ++m_data.rows;
}

void TableBuilder::reject_row(std::uint32_t line, std::size_t column, std::string message)
{
  if (!m_usable) {
    return;
  }
  if (m_options.lenient) {
    m_diagnostics.warning(m_source, line, column, message + "; row skipped");
    ++m_skipped;
  } else {
    m_diagnostics.error(m_source, line, column, std::move(message));
  }
}

TableData TableBuilder::finish()
{
  return std::move(m_data);
}

void TableBuilder::problem(std::size_t column, std::string message)
{
  m_problems.push_back({column, Severity::error, std::move(message)});
}

void TableBuilder::warn(std::size_t column, std::string message)
{
  m_problems.push_back({column, Severity::warning, std::move(message)});
}

void TableBuilder::check_row()
{
  if (m_key && !m_values[*m_key].given && m_position[*m_key] != 0) {
    problem(m_position[*m_key],
            fmt::format("{} is empty; every row needs its organization's code", m_table.key));
  }
  if (m_charitable && m_total && !m_values[*m_charitable].null && !m_values[*m_total].null &&
      m_values[*m_charitable].number > m_values[*m_total].number) {
    problem(m_position[*m_charitable],
            fmt::format("charitable_expenses {} exceeds total_expenses {}",
                        m_values[*m_charitable].number, m_values[*m_total].number));
  }
  if (m_region && !m_values[*m_region].null) {
    const std::string& region = m_values[*m_region].text;
    bool six_digits = region.size() == 6;
    for (char c : region) {
      six_digits = six_digits && c >= '0' && c <= '9';
    }
    if (!six_digits) {
      problem(m_position[*m_region],
              fmt::format("region \"{}\": not a 6-digit administrative division code", region));
      // Unusable, so the USCC is not compared with it.
      m_values[*m_region].null = true;
    }
  }
  check_uscc_against_row();
  check_closing();
}

void TableBuilder::check_closing()
{
  if (!m_closed_on || m_position[*m_closed_on] == 0) {
    return;
  }
  const Value& closed = m_values[*m_closed_on];
  const std::size_t position = m_position[*m_closed_on];
  if (m_status && m_active && !m_values[*m_status].null) {
    const auto& status = m_table.columns[*m_status].values[m_values[*m_status].code].name;
    if (m_values[*m_status].code == *m_active) {
      if (closed.given) {
        problem(position, "closed_on is given, but status is active (only a deregistered or "
                          "revoked organization has a closing date)");
      }
      if (m_closed_reason && m_values[*m_closed_reason].given) {
        problem(m_position[*m_closed_reason], "closed_reason is given, but status is active");
      }
    } else if (!closed.given) {
      problem(position, fmt::format("closed_on is empty; status {} needs the date of "
                                    "注销/撤销/吊销",
                                    status));
    }
  }
  if (!closed.null && m_registered_on && !m_values[*m_registered_on].null &&
      closed.date <= m_values[*m_registered_on].date) {
    problem(position, fmt::format("closed_on {} is not after registered_on {}",
                                  format_date(Date{closed.date}),
                                  format_date(Date{m_values[*m_registered_on].date})));
  }
}

} // namespace orgaudit::data
