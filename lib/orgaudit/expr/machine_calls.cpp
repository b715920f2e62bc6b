#include <orgaudit/expr/machine.hpp>

#include <charconv>
#include <cmath>

#include <orgaudit/core/date.hpp>
#include <orgaudit/core/text.hpp>
#include <orgaudit/data/uscc.hpp>

namespace orgaudit::expr {

using Tag = Value::Tag;

namespace {

std::string_view enum_value_name(const Program& p, const Op& op, std::uint8_t code)
{
  return p.schema->tables[op.table].columns[op.column].values[code].name;
}

} // namespace

Value Machine::eval_call(const Program& p, const Op& op)
{
  const Value a = eval(p, op.a);
  const bool binary = op.code == OpCode::starts_with || op.code == OpCode::ends_with ||
                      op.code == OpCode::contains || op.code == OpCode::days_between ||
                      op.code == OpCode::add_years;
  const Value b = binary ? eval(p, op.b) : Value::null();
  if (a.is_null() || (binary && b.is_null())) {
    return Value::null();
  }
  switch (op.code) {
  case OpCode::size_string:
    return Value::integer(static_cast<std::int64_t>(code_point_count(a.string())));
  case OpCode::starts_with:
    return Value::boolean(a.string().starts_with(b.string()));
  case OpCode::ends_with:
    return Value::boolean(a.string().ends_with(b.string()));
  case OpCode::contains:
    return Value::boolean(a.string().find(b.string()) != std::string_view::npos);
  case OpCode::matches: {
    const std::string_view text = a.string();
    return Value::boolean(
        RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *p.regexes[op.b]));
  }
  case OpCode::int_of_double: {
    const double d = std::trunc(a.u.real);
    // 2^63 is exact as a double; anything at or past it (or NaN) does not fit.
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
      fail(p, op, "integer overflow");
    }
    return Value::integer(static_cast<std::int64_t>(d));
  }
  case OpCode::int_of_string: {
    const std::string_view text = a.string();
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc::result_out_of_range) {
      fail(p, op, "integer overflow");
    }
    if (error != std::errc() || end != text.data() + text.size()) {
      fail(p, op, "\"" + std::string(text) + "\" is not an int");
    }
    return Value::integer(value);
  }
  case OpCode::double_of_string: {
    const std::string_view text = a.string();
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
      fail(p, op, "\"" + std::string(text) + "\" is not a number");
    }
    return Value::real(value);
  }
  case OpCode::date_of_string: {
    const auto date = parse_date(a.string());
    if (!date) {
      fail(p, op, "\"" + std::string(a.string()) + "\" is not a date");
    }
    return Value::date_of(date->days);
  }
  case OpCode::year:
    return Value::integer(year_of(Date{a.u.date}));
  case OpCode::days_between:
    return Value::integer(static_cast<std::int64_t>(b.u.date) - a.u.date);
  case OpCode::add_years: {
    const auto years = b.u.integer;
    const auto date = years >= -9999 && years <= 9999
                          ? add_years(Date{a.u.date}, static_cast<int>(years))
                          : std::nullopt;
    if (!date) {
      fail(p, op, "date out of range");
    }
    return Value::date_of(date->days);
  }
  case OpCode::uscc_valid:
    return Value::boolean(data::uscc_valid(a.string()));
  case OpCode::enum_name:
    return Value::string_of(enum_value_name(p, op, a.code));
  case OpCode::string_of: {
    char buffer[64];
    std::to_chars_result written{buffer, std::errc()};
    switch (op.domain) {
    case Domain::boolean:
      return Value::string_of(a.code != 0 ? "true" : "false");
    case Domain::enumeration:
      return Value::string_of(enum_value_name(p, op, a.code));
    case Domain::date: {
      const YearMonthDay ymd = to_ymd(Date{a.u.date});
      const int n =
          std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
      return Value::string_of(
          m_strings.store(std::string_view(buffer, static_cast<std::size_t>(n))));
    }
    case Domain::integer:
      written = std::to_chars(buffer, buffer + sizeof buffer, a.u.integer);
      break;
    case Domain::real:
      written = std::to_chars(buffer, buffer + sizeof buffer, a.u.real);
      break;
    case Domain::string:
      return a;
    }
    return Value::string_of(
        m_strings.store(std::string_view(buffer, static_cast<std::size_t>(written.ptr - buffer))));
  }
  default:
    fail(p, op, "unknown instruction");
  }
}

} // namespace orgaudit::expr
