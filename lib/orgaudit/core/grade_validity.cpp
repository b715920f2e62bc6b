#include <orgaudit/core/grade_validity.hpp>

#include <limits>

namespace orgaudit {

namespace {

// 新《社会组织评估管理办法》 took effect on this day.
constexpr int new_rules_year = 2026;
constexpr int new_rules_month = 3;

} // namespace

Date grade_expires_on(Date awarded)
{
  const Date new_rules = *make_date(new_rules_year, new_rules_month, 1);
  const auto expires =
      awarded >= new_rules ? make_date(year_of(awarded) + 6, 1, 1) : add_years(awarded, 5);
  // Past year 9999 a grade never expires within the calendar dates can hold.
  return expires.value_or(Date{std::numeric_limits<std::int32_t>::max()});
}

bool grade_valid_on(Date awarded, Date day)
{
  return awarded <= day && day < grade_expires_on(awarded);
}

} // namespace orgaudit
