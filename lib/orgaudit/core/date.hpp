#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orgaudit {

// A civil (proleptic Gregorian) date, stored as days since 1970-01-01. No code
// in the library reads the clock: the audit date is always passed in.
struct Date {
  std::int32_t days = 0;

  auto operator<=>(const Date&) const = default;
};

struct YearMonthDay {
  int year = 1970;
  int month = 1;
  int day = 1;
};

// The date of a valid year, month and day, or nullopt (2024-02-30, month 13, …).
std::optional<Date> make_date(int year, int month, int day);

// Year, month and day of `date`.
YearMonthDay to_ymd(Date date);

// Parses `YYYY-MM-DD`, `YYYY/MM/DD` (month and day may have one digit in both)
// and `YYYY年M月D日`; surrounding spaces are ignored. Nullopt if the text is not
// one of these forms or names a day that does not exist.
std::optional<Date> parse_date(std::string_view text);

// ISO 8601 `YYYY-MM-DD`.
std::string format_date(Date date);

int year_of(Date date);

// The same month and day `years` calendar years later (earlier if negative);
// Feb 29 becomes Feb 28 in a year that has none. Nullopt if the year leaves 1–9999.
std::optional<Date> add_years(Date date, int years);

} // namespace orgaudit
