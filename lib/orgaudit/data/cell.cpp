#include <orgaudit/data/cell.hpp>

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include <orgaudit/core/text.hpp>

namespace orgaudit::data {

namespace {

bool equals_ascii_lower(std::string_view text, std::string_view lower)
{
  if (text.size() != lower.size()) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    if (c != lower[i]) {
      return false;
    }
  }
  return true;
}

std::size_t count_digits(std::string_view text, std::size_t& pos)
{
  const std::size_t start = pos;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    ++pos;
  }
  return pos - start;
}

} // namespace

std::string describe_cell(const Cell& cell)
{
  switch (cell.kind) {
  case Cell::Kind::null:
    return "null";
  case Cell::Kind::text:
    return fmt::format("\"{}\"", cell.text);
  case Cell::Kind::integer:
    return fmt::format("{}", cell.integer);
  case Cell::Kind::real:
    return cell.text.empty() ? fmt::format("{}", cell.real) : std::string(cell.text);
  case Cell::Kind::boolean:
    return cell.boolean ? "true" : "false";
  }
  return "?";
}

namespace {

std::optional<double> parse_simple_decimal(std::string_view text)
{
  // [-]digits[.digits] with at most 15 digits in all: the digits as an
  // integer are exact in a double, and so is the power of ten, so their
  // quotient is the correctly rounded value from_chars would give (Clinger's
  // fast path). Money columns are nearly all of this form.
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  i += negative ? 1 : 0;
  std::int64_t digits = 0;
  int count = 0;
  int fraction = 0;
  const std::size_t integer_start = i;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++count) {
    if (count == 15) {
      return std::nullopt; // too many digits to be exact; from_chars decides
    }
    digits = digits * 10 + (text[i] - '0');
  }
  if (i == integer_start) {
    return std::nullopt;
  }
  if (i < text.size() && text[i] == '.') {
    const std::size_t fraction_start = ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++count, ++fraction) {
      if (count == 15) {
        return std::nullopt;
      }
      digits = digits * 10 + (text[i] - '0');
    }
    if (i == fraction_start) {
      return std::nullopt;
    }
  }
  if (i != text.size()) {
    return std::nullopt;
  }
  static constexpr double powers[16] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  const double value = static_cast<double>(digits) / powers[fraction];
  return negative ? -value : value;
}

} // namespace

std::optional<std::int64_t> parse_integer(std::string_view text)
{
  text = trim(text);
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
  }
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> parse_decimal(std::string_view text)
{
  text = trim(text);
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
  }
  if (const auto simple = parse_simple_decimal(text)) {
    return simple;
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<bool> parse_boolean(std::string_view text)
{
  text = trim(text);
  if (text == "1" || text == "是" || equals_ascii_lower(text, "true") ||
      equals_ascii_lower(text, "yes")) {
    return true;
  }
  if (text == "0" || text == "否" || equals_ascii_lower(text, "false") ||
      equals_ascii_lower(text, "no")) {
    return false;
  }
  return std::nullopt;
}

bool looks_like_date(std::string_view text)
{
  text = trim(text);
  std::size_t pos = 0;
  if (count_digits(text, pos) != 4) {
    return false;
  }
  const std::string_view rest = text.substr(pos);
  if (rest.starts_with("年")) {
    pos += std::string_view("年").size();
    const std::size_t month = count_digits(text, pos);
    if (month < 1 || month > 2 || !text.substr(pos).starts_with("月")) {
      return false;
    }
    pos += std::string_view("月").size();
    const std::size_t day = count_digits(text, pos);
    return day >= 1 && day <= 2 && text.substr(pos) == "日";
  }
  if (rest.empty() || (rest.front() != '-' && rest.front() != '/')) {
    return false;
  }
  const char separator = rest.front();
  ++pos;
  const std::size_t month = count_digits(text, pos);
  if (month < 1 || month > 2 || pos >= text.size() || text[pos] != separator) {
    return false;
  }
  ++pos;
  const std::size_t day = count_digits(text, pos);
  return day >= 1 && day <= 2 && pos == text.size();
}

} // namespace orgaudit::data
