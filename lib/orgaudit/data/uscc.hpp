#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <orgaudit/core/lang.hpp>

namespace orgaudit::data {

// The 31 characters a USCC may use (GB 32100-2015): digits and capitals
// without I, O, Z, S, V. A character's value is its index.
inline constexpr std::string_view uscc_alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// The check character (position 18) for the first 17 characters, or nullopt if
// one of them is outside the alphabet.
std::optional<char> uscc_check_character(std::string_view first17);

// The GB 11714 check character (position 17 of a USCC) for the 8 body
// characters at positions 9–16: '0'–'9' or 'X'. Nullopt if one is not [0-9A-Z].
std::optional<char> organization_code_check(std::string_view body8);

// Why `code` is not a valid USCC, as a user-facing message
// ("check character should be \"C\""), or nullopt if it is valid. Checks, in
// order: length, lower case (with a hint), full-width or space characters,
// the alphabet, positions 3–8 digits, the check character, the GB 11714 check.
// The message is in `lang`.
std::optional<std::string> uscc_problem(std::string_view code, Lang lang = Lang::en);

inline bool uscc_valid(std::string_view code)
{
  return !uscc_problem(code).has_value();
}

} // namespace orgaudit::data
