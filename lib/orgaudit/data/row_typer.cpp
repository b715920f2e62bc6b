// RowTyper's handling of whole rows: the checks across the cells of a row,
// what a row with problems becomes, and storing a good row.
#include <orgaudit/data/table_builder.hpp>

#include <fmt/format.h>

#include <orgaudit/data/wording.hpp>

namespace orgaudit::data {

using schema::ColumnType;

RowTyper::RowTyper(const TableBuilder& table, TypedRows& out)
    : m_table(table), m_out(out), m_values(table.m_table.columns.size())
{
}

Lang RowTyper::lang() const
{
  return m_table.m_options.lang;
}

const std::string& RowTyper::source() const
{
  return m_table.m_source;
}

void RowTyper::add_row(std::span<const Cell> cells, std::uint32_t line)
{
  add(cells.size(), line, [&](std::size_t field, std::size_t column, Value& value) {
    type_cell(column, cells[field], value);
  });
}

void RowTyper::add_row(std::span<const std::string_view> fields, std::uint32_t line)
{
  add(fields.size(), line, [&](std::size_t field, std::size_t column, Value& value) {
    type_field(column, fields[field], value);
  });
}

template <typename TypeField>
void RowTyper::add(std::size_t count, std::uint32_t line, TypeField&& type)
{
  const TableBuilder& table = m_table;
  if (!table.m_usable) {
    return;
  }
  m_problems.clear();
  if (count != table.m_header_size) {
    const bool more = count > table.m_header_size;
    problem(more ? table.m_header_size + 1 : count + 1,
            say(more ? Wording::too_many_fields : Wording::too_few_fields, table.m_options.lang,
                count, table.m_header_size));
  }
  for (auto& value : m_values) {
    value.null = true;
    value.given = false;
  }
  for (std::size_t field = 0; field < count && field < table.m_header_size; ++field) {
    if (const auto column = table.m_column_of_field[field]) {
      type(field, *column, m_values[*column]);
    }
  }
  check_row();
  if (m_problems.empty()) {
    push_row(line);
    return;
  }
  bool has_error = false;
  for (const Problem& p : m_problems) {
    has_error = has_error || p.severity == Severity::error;
  }
  const bool skip = has_error && table.m_options.lenient;
  const Lang lang = table.m_options.lang;
  std::string reason;
  for (Problem& p : m_problems) {
    if (skip && p.severity == Severity::error) {
      reason += reason.empty() ? "" : wording(Wording::list_separator, lang);
      reason += p.message;
      m_out.diagnostics.warning(table.m_source, line, p.column,
                                p.message + say(Wording::row_skipped, lang));
    } else {
      m_out.diagnostics.add({table.m_source, line, p.column, p.severity, std::move(p.message), {}});
    }
  }
  if (skip) {
    skip_row(line, std::move(reason));
    return;
  }
  push_row(line);
}

void RowTyper::skip_row(std::uint32_t line, std::string reason)
{
  const TableBuilder& table = m_table;
  SkippedRow row;
  row.file = table.m_source;
  row.line = line;
  row.reason = std::move(reason);
  if (table.m_key && !m_values[*table.m_key].null) {
    row.uscc = m_values[*table.m_key].text;
  }
  if (table.m_name && !m_values[*table.m_name].null) {
    row.name = m_values[*table.m_name].text;
  }
  m_out.skipped.push_back(std::move(row));
}

void RowTyper::push_row(std::uint32_t line)
{
  for (std::size_t c = 0; c < m_values.size(); ++c) {
    ColumnData& column = m_out.data.columns[c];
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
  m_out.data.source_lines.push_back(line);
  ++m_out.data.rows;
}

void RowTyper::reject_row(std::uint32_t line, std::size_t column, std::string message)
{
  if (!m_table.m_usable) {
    return;
  }
  if (m_table.m_options.lenient) {
    m_out.diagnostics.warning(m_table.m_source, line, column,
                              message + say(Wording::row_skipped, m_table.m_options.lang));
    // The record is malformed, so none of its values can be trusted.
    for (auto& value : m_values) {
      value.null = true;
    }
    skip_row(line, std::move(message));
  } else {
    m_out.diagnostics.error(m_table.m_source, line, column, std::move(message));
  }
}

void RowTyper::problem(std::size_t column, std::string message)
{
  m_problems.push_back({column, Severity::error, std::move(message)});
}

void RowTyper::warn(std::size_t column, std::string message)
{
  m_problems.push_back({column, Severity::warning, std::move(message)});
}

void RowTyper::check_row()
{
  const TableBuilder& table = m_table;
  const Lang lang = table.m_options.lang;
  if (table.m_key && !m_values[*table.m_key].given && table.m_position[*table.m_key] != 0) {
    problem(table.m_position[*table.m_key],
            say(Wording::key_empty, lang, table.m_names[*table.m_key]));
  }
  if (table.m_charitable && table.m_total && !m_values[*table.m_charitable].null &&
      !m_values[*table.m_total].null &&
      m_values[*table.m_charitable].number > m_values[*table.m_total].number) {
    problem(table.m_position[*table.m_charitable],
            say(Wording::exceeds, lang, table.m_names[*table.m_charitable],
                m_values[*table.m_charitable].number, table.m_names[*table.m_total],
                m_values[*table.m_total].number));
  }
  if (!table.m_table.is_root) {
    return;
  }
  if (table.m_region && !m_values[*table.m_region].null) {
    const std::string_view region = m_values[*table.m_region].text;
    bool six_digits = region.size() == 6;
    for (char c : region) {
      six_digits = six_digits && c >= '0' && c <= '9';
    }
    if (!six_digits) {
      problem(table.m_position[*table.m_region],
              say(Wording::not_a_region, lang, table.m_names[*table.m_region], region));
      // Unusable, so the USCC is not compared with it.
      m_values[*table.m_region].null = true;
    }
  }
  check_uscc_against_row();
  check_closing();
}

void RowTyper::check_closing()
{
  const TableBuilder& table = m_table;
  if (!table.m_closed_on || table.m_position[*table.m_closed_on] == 0) {
    return;
  }
  const Value& closed = m_values[*table.m_closed_on];
  const std::size_t position = table.m_position[*table.m_closed_on];
  const Lang lang = table.m_options.lang;
  const std::string& closed_on = table.m_names[*table.m_closed_on];
  if (table.m_status && table.m_active && !m_values[*table.m_status].null) {
    const schema::EnumValue& status_value =
        table.m_table.columns[*table.m_status].values[m_values[*table.m_status].code];
    const std::string& status = lang == Lang::zh && !status_value.label_zh.empty()
                                    ? status_value.label_zh
                                    : status_value.name;
    if (m_values[*table.m_status].code == *table.m_active) {
      if (closed.given) {
        problem(position, say(Wording::closed_but_active, lang, closed_on));
      }
      if (table.m_closed_reason && m_values[*table.m_closed_reason].given) {
        problem(table.m_position[*table.m_closed_reason],
                say(Wording::reason_but_active, lang, table.m_names[*table.m_closed_reason]));
      }
    } else if (!closed.given) {
      problem(position, say(Wording::closed_on_empty, lang, closed_on, status));
    }
  }
  if (!closed.null && table.m_registered_on && !m_values[*table.m_registered_on].null &&
      closed.date <= m_values[*table.m_registered_on].date) {
    problem(position, say(Wording::not_after, lang, closed_on, format_date(Date{closed.date}),
                          table.m_names[*table.m_registered_on],
                          format_date(Date{m_values[*table.m_registered_on].date})));
  }
}

} // namespace orgaudit::data
