#include <orgaudit/core/date.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <orgaudit/core/text.hpp>

namespace orgaudit {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
std::int32_t days_from_civil(int y, unsigned m, unsigned d)
{
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

bool is_leap(int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m)
{
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

// Reads 1..max_digits ASCII digits at `pos`.
std::optional<int> read_number(std::string_view text, std::size_t& pos, std::size_t min_digits,
                               std::size_t max_digits)
{
  std::size_t start = pos;
  int value = 0;
  while (pos < text.size() && pos - start < max_digits && text[pos] >= '0' && text[pos] <= '9') {
    value = value * 10 + (text[pos] - '0');
    ++pos;
  }
  if (pos - start < min_digits) {
    return std::nullopt;
  }
  return value;
}

bool consume(std::string_view text, std::size_t& pos, std::string_view token)
{
  if (text.substr(pos).starts_with(token)) {
    pos += token.size();
    return true;
  }
  return false;
}

} // namespace

std::optional<Date> make_date(int year, int month, int day)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return Date{days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day))};
}

YearMonthDay to_ymd(Date date)
{
  const int z = date.days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2 ? 1 : 0), static_cast<int>(m), static_cast<int>(d)};
}

std::optional<Date> parse_date(std::string_view text)
{
  text = trim(text);
  std::size_t pos = 0;
  const auto year = read_number(text, pos, 4, 4);
  if (!year) {
    return std::nullopt;
  }
  std::optional<int> month;
  std::optional<int> day;
  if (consume(text, pos, "年")) {
    month = read_number(text, pos, 1, 2);
    if (!month || !consume(text, pos, "月")) {
      return std::nullopt;
    }
    day = read_number(text, pos, 1, 2);
    if (!day || !consume(text, pos, "日")) {
      return std::nullopt;
    }
  } else {
    const char separator = pos < text.size() ? text[pos] : '\0';
    if (separator != '-' && separator != '/') {
      return std::nullopt;
    }
    ++pos;
    // ISO dates keep two digits; the slash form is what spreadsheets print.
    const std::size_t min_digits = separator == '-' ? 2 : 1;
    month = read_number(text, pos, min_digits, 2);
    if (!month || pos >= text.size() || text[pos] != separator) {
      return std::nullopt;
    }
    ++pos;
    day = read_number(text, pos, min_digits, 2);
    if (!day) {
      return std::nullopt;
    }
  }
  if (pos != text.size()) {
    return std::nullopt;
  }
  return make_date(*year, *month, *day);
}

std::string format_date(Date date)
{
  const YearMonthDay ymd = to_ymd(date);
  if (ymd.year < 0 || ymd.year > 9999) {
    return fmt::format("{:04}-{:02}-{:02}", ymd.year, ymd.month, ymd.day);
  }
  // The common case by hand: reports format hundreds of thousands of dates.
  std::string out(10, '-');
  const auto put = [&out](std::size_t at, unsigned value, int digits) {
    for (int i = digits - 1; i >= 0; --i) {
      out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
  };
  put(0, static_cast<unsigned>(ymd.year), 4);
  put(5, static_cast<unsigned>(ymd.month), 2);
  put(8, static_cast<unsigned>(ymd.day), 2);
  return out;
}

int year_of(Date date)
{
  return to_ymd(date).year;
}

std::optional<Date> add_years(Date date, int years)
{
  const YearMonthDay ymd = to_ymd(date);
  if (years > 9999 || years < -9999) {
    return std::nullopt;
  }
  const int year = ymd.year + years;
  if (year < 1 || year > 9999) {
    return std::nullopt;
  }
  return make_date(year, ymd.month, std::min(ymd.day, days_in_month(year, ymd.month)));
}

} // namespace orgaudit
