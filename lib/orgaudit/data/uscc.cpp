#include <orgaudit/data/uscc.hpp>

#include <array>

#include <orgaudit/core/text.hpp>
#include <orgaudit/data/wording.hpp>

namespace orgaudit::data {

namespace {

constexpr int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr int organization_weights[8] = {3, 7, 9, 10, 5, 8, 4, 2};

// Every child row's code is checked, so look values up in a table, not by search.
constexpr auto alphabet_values = [] {
  std::array<signed char, 256> values{};
  values.fill(-1);
  for (std::size_t i = 0; i < uscc_alphabet.size(); ++i) {
    values[static_cast<unsigned char>(uscc_alphabet[i])] = static_cast<signed char>(i);
  }
  return values;
}();

int alphabet_value(char c)
{
  return alphabet_values[static_cast<unsigned char>(c)];
}

} // namespace

std::optional<char> uscc_check_character(std::string_view first17)
{
  if (first17.size() < 17) {
    return std::nullopt;
  }
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const int value = alphabet_value(first17[i]);
    if (value < 0) {
      return std::nullopt;
    }
    sum += value * weights[i];
  }
  return uscc_alphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

std::optional<char> organization_code_check(std::string_view body8)
{
  if (body8.size() < 8) {
    return std::nullopt;
  }
  int sum = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    const char c = body8[i];
    int value = -1;
    if (c >= '0' && c <= '9') {
      value = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      value = c - 'A' + 10;
    }
    if (value < 0) {
      return std::nullopt;
    }
    sum += value * organization_weights[i];
  }
  const int r = 11 - sum % 11;
  return r == 10 ? 'X' : r == 11 ? '0' : static_cast<char>('0' + r);
}

std::optional<std::string> uscc_problem(std::string_view code, Lang lang)
{
  for (char c : code) {
    if (c == ' ' || c == '\t') {
      return say(Wording::uscc_space, lang);
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      return say(Wording::uscc_non_ascii, lang);
    }
  }
  bool has_lower = false;
  for (char c : code) {
    has_lower = has_lower || (c >= 'a' && c <= 'z');
  }
  if (has_lower) {
    std::string upper(code);
    for (char& c : upper) {
      if (c >= 'a' && c <= 'z') {
        c = static_cast<char>(c - 'a' + 'A');
      }
    }
    return say(Wording::uscc_lower_case, lang, upper);
  }
  if (code.size() != 18) {
    return say(Wording::uscc_length, lang, code.size());
  }
  // Position 18 is judged by the check itself, so a wrong letter there gets
  // the right character in the message.
  for (std::size_t i = 0; i < 17; ++i) {
    if (alphabet_value(code[i]) < 0) {
      return say(Wording::uscc_character, lang, i + 1, code[i]);
    }
  }
  for (std::size_t i = 2; i < 8; ++i) {
    if (code[i] < '0' || code[i] > '9') {
      return say(Wording::uscc_region_digits, lang);
    }
  }
  const auto check = uscc_check_character(code.substr(0, 17));
  if (check && *check != code[17]) {
    return say(Wording::uscc_check, lang, *check);
  }
  const auto organization_check = organization_code_check(code.substr(8, 8));
  if (organization_check && *organization_check != code[16]) {
    return say(Wording::uscc_organization_check, lang, *organization_check);
  }
  return std::nullopt;
}

} // namespace orgaudit::data
