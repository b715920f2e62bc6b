#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace orgaudit {

// True if `text` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// The byte offset of the first ill-formed UTF-8 sequence, or nullopt if there is none.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// Decodes one code point at `pos` (which must start a valid sequence) and
// advances `pos` past it.
char32_t decode_utf8(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

// The number of code points in valid UTF-8 `text`.
std::size_t code_point_count(std::string_view text);

// The byte offset of the `index`-th code point (0-based); text.size() past the end.
std::size_t byte_offset_of_code_point(std::string_view text, std::size_t index);

// Terminal cells taken by the first `code_points` code points of `text` (CJK
// and other East Asian wide characters count 2).
std::size_t display_width_prefix(std::string_view text, std::size_t code_points);

// Terminal cells taken by `text`.
std::size_t display_width(std::string_view text);

// trim() for text whose ends need a closer look.
std::string_view trim_edges(std::string_view text);

// `text` without leading and trailing ASCII spaces, tabs and CR/LF, and without
// U+3000 (the full-width space that Chinese spreadsheets leave behind).
inline std::string_view trim(std::string_view text)
{
  // Most cells start and end with ordinary characters; only look closer when
  // an end is white space, a control character or could be part of U+3000.
  if (!text.empty()) {
    const auto first = static_cast<unsigned char>(text.front());
    const auto last = static_cast<unsigned char>(text.back());
    if (first > ' ' && first != 0xE3 && last > ' ' && last != 0x80) {
      return text;
    }
  }
  return trim_edges(text);
}

// Levenshtein distance between two strings, counted in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word` when it is close enough to be a plausible
// typo (one edit for names of up to three characters, else max(2, size/3)),
// for "did you mean" hints.
std::optional<std::string_view> closest_match(std::string_view word,
                                              std::span<const std::string_view> candidates);

} // namespace orgaudit
