// The per-cell half of RowTyper: typing one cell by its column's type and
// checking its value, and the USCC's agreement with the rest of its row.
#include <orgaudit/data/table_builder.hpp>

#include <cmath>

#include <fmt/format.h>

#include <orgaudit/core/text.hpp>
#include <orgaudit/data/uscc.hpp>
#include <orgaudit/data/wording.hpp>

namespace orgaudit::data {

using schema::ColumnType;

namespace {

std::string range_text(const schema::Column& column, Lang lang)
{
  if (column.min && column.max) {
    return say(Wording::out_of_range, lang, *column.min, *column.max);
  }
  if (column.min) {
    return say(Wording::less_than, lang, *column.min);
  }
  return say(Wording::more_than, lang, *column.max);
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
    problem(m_table.m_position[c], fmt::format("{}: {}", m_table.m_names[c],
                                               wording(Wording::nul_byte, m_table.m_options.lang)));
    return;
  }
  type_text(c, text, value);
}

void RowTyper::type_cell(std::size_t c, const Cell& cell, Value& value)
{
  const schema::Column& column = m_table.m_table.columns[c];
  const std::size_t position = m_table.m_position[c];
  const std::string& named = m_table.m_names[c];
  const Lang lang = m_table.m_options.lang;
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
  auto mismatch = [&](Wording expected) {
    problem(position, fmt::format("{} {}: {}", named, shown, wording(expected, lang)));
  };
  switch (column.type) {
  case ColumnType::integer:
    if (cell.kind == Cell::Kind::integer) {
      value.integer = cell.integer;
    } else if (cell.kind == Cell::Kind::real && std::trunc(cell.real) == cell.real &&
               std::fabs(cell.real) < 9.0e18) {
      value.integer = static_cast<std::int64_t>(cell.real);
    } else if (cell.kind == Cell::Kind::real && std::trunc(cell.real) == cell.real) {
      problem(position, fmt::format("{} {}: {}", named, shown,
                                    wording(Wording::too_large_for_integer, lang)));
      return;
    } else {
      mismatch(Wording::expected_integer);
      return;
    }
    if ((column.min && value.integer < *column.min) ||
        (column.max && value.integer > *column.max)) {
      problem(position, fmt::format("{} {}: {}", named, shown, range_text(column, lang)));
      return;
    }
    break;
  case ColumnType::number:
  case ColumnType::money:
    if (cell.kind == Cell::Kind::boolean) {
      mismatch(Wording::expected_number);
      return;
    }
    value.number = cell.kind == Cell::Kind::integer ? static_cast<double>(cell.integer) : cell.real;
    if (column.type == ColumnType::money && value.number < 0) {
      problem(position, fmt::format("{} {}: {}", named, shown, wording(Wording::negative, lang)));
      return;
    }
    break;
  case ColumnType::boolean:
    if (cell.kind == Cell::Kind::boolean) {
      value.code = cell.boolean ? 1 : 0;
    } else if (cell.kind == Cell::Kind::integer && (cell.integer == 0 || cell.integer == 1)) {
      value.code = static_cast<std::uint8_t>(cell.integer);
    } else {
      mismatch(Wording::expected_boolean);
      return;
    }
    break;
  case ColumnType::string:
    value.text = shown;
    break;
  case ColumnType::date:
    mismatch(Wording::expected_date);
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
  const Lang lang = m_table.m_options.lang;
  auto fail = [&](std::string_view why) {
    problem(position, fmt::format("{} \"{}\": {}", m_table.m_names[c], text, why));
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
      if (const auto why = uscc_problem(trimmed, lang)) {
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
      fail(wording(Wording::not_an_integer, lang));
      return;
    }
    if ((column.min && *number < *column.min) || (column.max && *number > *column.max)) {
      fail(range_text(column, lang));
      return;
    }
    value.integer = *number;
    break;
  }
  case ColumnType::number:
  case ColumnType::money: {
    const auto number = parse_decimal(trimmed);
    if (!number) {
      fail(wording(Wording::not_a_number, lang));
      return;
    }
    if (column.type == ColumnType::money && *number < 0) {
      fail(wording(Wording::negative, lang));
      return;
    }
    value.number = *number;
    break;
  }
  case ColumnType::boolean: {
    const auto flag = parse_boolean(trimmed);
    if (!flag) {
      fail(wording(Wording::not_a_boolean, lang));
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
  const Lang lang = m_table.m_options.lang;
  auto message = [&](std::string_view why) {
    return fmt::format("{} \"{}\": {}", m_table.m_names[c], text, why);
  };
  const auto iso = iso_date(trimmed);
  const std::optional<Date> date = iso ? *iso : parse_date(trimmed);
  if (!date) {
    problem(position,
            message(wording(looks_like_date(trimmed) ? Wording::no_such_date : Wording::not_a_date,
                            lang)));
    return;
  }
  if (*date < m_table.m_earliest) {
    problem(position, message(wording(Wording::before_1949, lang)));
    return;
  }
  const Date as_of = m_table.m_options.as_of;
  if (!column.due_date && *date > as_of) {
    warn(position, message(say(Wording::after_as_of, lang, format_date(as_of))));
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
    const Lang lang = m_table.m_options.lang;
    std::vector<std::string_view> spellings;
    for (const auto& allowed : column.values) {
      spellings.push_back(allowed.name);
      spellings.insert(spellings.end(), allowed.aliases.begin(), allowed.aliases.end());
    }
    const auto guess = closest_match(trimmed, spellings);
    const std::string why = guess ? say(Wording::unknown_value_guess, lang, *guess)
                                  : say(Wording::unknown_value_list, lang, expected_values(column));
    problem(m_table.m_position[c], fmt::format("{} \"{}\": {}", m_table.m_names[c], text, why));
    return;
  }
  value.code = *code;
  value.null = false;
}

// The values an enum column takes, as the file would write them: the Chinese
// labels when the file names its columns in Chinese or the messages are in
// Chinese, else the canonical codes.
std::string RowTyper::expected_values(const schema::Column& column) const
{
  const Lang lang = m_table.m_options.lang;
  const bool chinese = lang == Lang::zh || m_table.m_chinese_header;
  std::string expected;
  for (const auto& allowed : column.values) {
    expected += expected.empty() ? "" : wording(Wording::list_separator, lang);
    expected += chinese && !allowed.label_zh.empty() ? allowed.label_zh : allowed.name;
  }
  return expected;
}

void RowTyper::check_uscc_against_row()
{
  const TableBuilder& table = m_table;
  if (!table.m_table.is_root || !table.m_key || m_values[*table.m_key].null) {
    return;
  }
  const std::string_view code = m_values[*table.m_key].text;
  const std::size_t position = table.m_position[*table.m_key];
  const std::string& named = table.m_names[*table.m_key];
  const Lang lang = table.m_options.lang;
  if (code[0] != '5') {
    warn(position, say(Wording::uscc_not_civil_affairs, lang, named, code, code[0]));
  }
  if (table.m_type && !m_values[*table.m_type].null) {
    const auto& type_column = table.m_table.columns[*table.m_type];
    const schema::EnumValue& type_value = type_column.values[m_values[*table.m_type].code];
    const std::string& type = type_value.name;
    static constexpr std::string_view by_digit[] = {"social_group", "social_service_agency",
                                                    "foundation"};
    const int digit = code[1] - '1';
    const std::string_view expected = digit >= 0 && digit < 3 ? by_digit[digit] : "";
    if (expected != type) {
      warn(position,
           say(Wording::uscc_type_mismatch, lang, named, code, code[1],
               lang == Lang::zh && !type_value.label_zh.empty() ? type_value.label_zh : type));
    }
  }
  if (table.m_region && !m_values[*table.m_region].null &&
      code.substr(2, 6) != m_values[*table.m_region].text) {
    warn(position, say(Wording::uscc_region_mismatch, lang, named, code, code.substr(2, 6),
                       m_values[*table.m_region].text));
  }
}

} // namespace orgaudit::data
