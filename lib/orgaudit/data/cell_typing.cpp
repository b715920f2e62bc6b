// The per-cell half of RowTyper: typing one cell by its column's type and
// checking its value, and the USCC's agreement with the rest of its row.
#include <orgaudit/data/table_builder.hpp>

#include <cmath>

#include <fmt/format.h>

#include <orgaudit/core/text.hpp>
#include <orgaudit/data/uscc.hpp>

namespace orgaudit::data {

using schema::ColumnType;

namespace {

std::string range_text(const schema::Column& column)
{
  if (column.min && column.max) {
    return fmt::format("out of range ({} to {})", *column.min, *column.max);
  }
  if (column.min) {
    return fmt::format("less than {}", *column.min);
  }
  return fmt::format("more than {}", *column.max);
}

// `YYYY-MM-DD` exactly, the form nearly every cell has, without parse_date's
// generality; nullopt for anything else (which parse_date then reads).
std::optional<std::optional<Date>> iso_date(std::string_view text)
{
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  int digits[8];
  static constexpr int at[8] = {0, 1, 2, 3, 5, 6, 8, 9};
  for (int i = 0; i < 8; ++i) {
    const char c = text[static_cast<std::size_t>(at[i])];
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    digits[i] = c - '0';
  }
  return make_date(digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
                   digits[4] * 10 + digits[5], digits[6] * 10 + digits[7]);
}

} // namespace

void RowTyper::type_field(std::size_t c, std::string_view text, Value& value)
{
  if (trim(text).empty()) {
    return;
  }
  value.given = true;
  if (m_may_hold_nul && text.find('\0') != std::string_view::npos) {
    problem(m_table.m_position[c],
            fmt::format("{}: contains a NUL byte", m_table.m_table.columns[c].name));
    return;
  }
  type_text(c, text, value);
}

void RowTyper::type_cell(std::size_t c, const Cell& cell, Value& value)
{
  const schema::Column& column = m_table.m_table.columns[c];
  const std::size_t position = m_table.m_position[c];
  if (cell.kind == Cell::Kind::text) {
    type_field(c, cell.text, value);
    return;
  }
  if (cell.is_null()) {
    return;
  }
  value.given = true;
  value.owned = describe_cell(cell);
  const std::string& shown = value.owned;
  auto mismatch = [&](std::string_view expected) {
    problem(position, fmt::format("{} {}: expected {}", column.name, shown, expected));
  };
  switch (column.type) {
  case ColumnType::integer:
    if (cell.kind == Cell::Kind::integer) {
      value.integer = cell.integer;
    } else if (cell.kind == Cell::Kind::real && std::trunc(cell.real) == cell.real &&
               std::fabs(cell.real) < 9.0e18) {
      value.integer = static_cast<std::int64_t>(cell.real);
    } else if (cell.kind == Cell::Kind::real && std::trunc(cell.real) == cell.real) {
      problem(position, fmt::format("{} {}: too large for an integer", column.name, shown));
      return;
    } else {
      mismatch("an integer");
      return;
    }
    if ((column.min && value.integer < *column.min) ||
        (column.max && value.integer > *column.max)) {
      problem(position, fmt::format("{} {}: {}", column.name, shown, range_text(column)));
      return;
    }
    break;
  case ColumnType::number:
  case ColumnType::money:
    if (cell.kind == Cell::Kind::boolean) {
      mismatch("a number");
      return;
    }
    value.number = cell.kind == Cell::Kind::integer ? static_cast<double>(cell.integer) : cell.real;
    if (column.type == ColumnType::money && value.number < 0) {
      problem(position, fmt::format("{} {}: must not be negative", column.name, shown));
      return;
    }
    break;
  case ColumnType::boolean:
    if (cell.kind == Cell::Kind::boolean) {
      value.code = cell.boolean ? 1 : 0;
    } else if (cell.kind == Cell::Kind::integer && (cell.integer == 0 || cell.integer == 1)) {
      value.code = static_cast<std::uint8_t>(cell.integer);
    } else {
      mismatch("a boolean");
      return;
    }
    break;
  case ColumnType::string:
    value.text = shown;
    break;
  case ColumnType::date:
    mismatch("a date");
    return;
  case ColumnType::enumeration:
  case ColumnType::uscc:
    // Codes and enum values are text; "5" could be a typo for "5A", so type it as text.
    type_text(c, shown, value);
    return;
  }
  value.null = false;
}

void RowTyper::type_text(std::size_t c, std::string_view text, Value& value)
{
  const schema::Column& column = m_table.m_table.columns[c];
  const std::size_t position = m_table.m_position[c];
  const std::string_view trimmed = trim(text);
  auto fail = [&](std::string_view why) {
    problem(position, fmt::format("{} \"{}\": {}", column.name, text, why));
  };
  switch (column.type) {
  case ColumnType::string:
    value.text = trimmed;
    break;
  case ColumnType::uscc:
    // A USCC is never normalized: spaces inside or full-width forms are errors.
    // Child rows of one organization usually come together, so the last valid
    // code is remembered and not checked again.
    if (trimmed != m_last_valid_uscc) {
      if (const auto why = uscc_problem(trimmed)) {
        fail(*why);
        return;
      }
      m_last_valid_uscc.assign(trimmed);
    }
    value.text = trimmed;
    break;
  case ColumnType::integer: {
    const auto number = parse_integer(trimmed);
    if (!number) {
      fail("not an integer");
      return;
    }
    if ((column.min && *number < *column.min) || (column.max && *number > *column.max)) {
      fail(range_text(column));
      return;
    }
    value.integer = *number;
    break;
  }
  case ColumnType::number:
  case ColumnType::money: {
    const auto number = parse_decimal(trimmed);
    if (!number) {
      fail("not a number");
      return;
    }
    if (column.type == ColumnType::money && *number < 0) {
      fail("must not be negative");
      return;
    }
    value.number = *number;
    break;
  }
  case ColumnType::boolean: {
    const auto flag = parse_boolean(trimmed);
    if (!flag) {
      fail("not a boolean (use true/false, 1/0, yes/no or 是/否)");
      return;
    }
    value.code = *flag ? 1 : 0;
    break;
  }
  case ColumnType::date:
    type_date(c, text, trimmed, value);
    return;
  case ColumnType::enumeration:
    type_enum(c, text, trimmed, value);
    return;
  }
  value.null = false;
}

void RowTyper::type_date(std::size_t c, std::string_view text, std::string_view trimmed,
                         Value& value)
{
  const schema::Column& column = m_table.m_table.columns[c];
  const std::size_t position = m_table.m_position[c];
  auto fail = [&](std::string_view why) {
    problem(position, fmt::format("{} \"{}\": {}", column.name, text, why));
  };
  const auto iso = iso_date(trimmed);
  const std::optional<Date> date = iso ? *iso : parse_date(trimmed);
  if (!date) {
    fail(looks_like_date(trimmed) ? "no such date"
                                  : "not a date (use YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日)");
    return;
  }
  if (*date < m_table.m_earliest) {
    fail("before 1949");
    return;
  }
  const Date as_of = m_table.m_options.as_of;
  if (!column.due_date && *date > as_of) {
    warn(position,
         fmt::format("{} \"{}\": after the audit date {}", column.name, text, format_date(as_of)));
  }
  value.date = date->days;
  value.null = false;
}

void RowTyper::type_enum(std::size_t c, std::string_view text, std::string_view trimmed,
                         Value& value)
{
  const schema::Column& column = m_table.m_table.columns[c];
  const auto code = m_table.m_enums[c]->find(trimmed);
  if (!code) {
    std::vector<std::string_view> spellings;
    std::string expected;
    for (const auto& allowed : column.values) {
      spellings.push_back(allowed.name);
      spellings.insert(spellings.end(), allowed.aliases.begin(), allowed.aliases.end());
      expected += expected.empty() ? allowed.name : ", " + allowed.name;
    }
    const std::string why =
        closest_match(trimmed, spellings)
            ? fmt::format("unknown value; did you mean \"{}\"?", *closest_match(trimmed, spellings))
            : fmt::format("unknown value (expected {})", expected);
    problem(m_table.m_position[c], fmt::format("{} \"{}\": {}", column.name, text, why));
    return;
  }
  value.code = *code;
  value.null = false;
}

void RowTyper::check_uscc_against_row()
{
  const TableBuilder& table = m_table;
  if (!table.m_table.is_root || !table.m_key || m_values[*table.m_key].null) {
    return;
  }
  const std::string_view code = m_values[*table.m_key].text;
  const std::size_t position = table.m_position[*table.m_key];
  if (code[0] != '5') {
    warn(position, fmt::format("uscc \"{}\": position 1 is \"{}\", not \"5\" (civil affairs)", code,
                               code[0]));
  }
  if (table.m_type && !m_values[*table.m_type].null) {
    const auto& type_column = table.m_table.columns[*table.m_type];
    const std::string& type = type_column.values[m_values[*table.m_type].code].name;
    static constexpr std::string_view by_digit[] = {"social_group", "social_service_agency",
                                                    "foundation"};
    const int digit = code[1] - '1';
    const std::string_view expected = digit >= 0 && digit < 3 ? by_digit[digit] : "";
    if (expected != type) {
      warn(position, fmt::format("uscc \"{}\": position 2 \"{}\" does not match type {}", code,
                                 code[1], type));
    }
  }
  if (table.m_region && !m_values[*table.m_region].null &&
      code.substr(2, 6) != m_values[*table.m_region].text) {
    warn(position, fmt::format("uscc \"{}\": positions 3-8 \"{}\" do not match region \"{}\"", code,
                               code.substr(2, 6), m_values[*table.m_region].text));
  }
}

} // namespace orgaudit::data
