#include <orgaudit/core/text.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace orgaudit {

namespace {

// Length of the well-formed UTF-8 sequence at `pos`, or 0 if it is ill-formed
// (Unicode Table 3-7).
std::size_t sequence_length(std::string_view text, std::size_t pos)
{
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const std::size_t n = text.size();
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) {
    return 1;
  }
  auto cont = [&](std::size_t i) { return i < n && (byte(i) & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    return cont(pos + 1) ? 2 : 0;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (pos + 1 >= n) {
      return 0;
    }
    const unsigned char b1 = byte(pos + 1);
    const bool ok1 = (b0 == 0xE0)   ? (b1 >= 0xA0 && b1 <= 0xBF)
                     : (b0 == 0xED) ? (b1 >= 0x80 && b1 <= 0x9F)
                                    : (b1 & 0xC0) == 0x80;
    return ok1 && cont(pos + 2) ? 3 : 0;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (pos + 1 >= n) {
      return 0;
    }
    const unsigned char b1 = byte(pos + 1);
    const bool ok1 = (b0 == 0xF0)   ? (b1 >= 0x90 && b1 <= 0xBF)
                     : (b0 == 0xF4) ? (b1 >= 0x80 && b1 <= 0x8F)
                                    : (b1 & 0xC0) == 0x80;
    return ok1 && cont(pos + 2) && cont(pos + 3) ? 4 : 0;
  }
  return 0;
}

bool is_wide(char32_t cp)
{
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
         (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x20000 && cp <= 0x3FFFD);
}

} // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text)
{
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Fast path over ASCII, eight bytes at a time.
    if (pos + 8 <= text.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + pos, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        pos += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t len = sequence_length(text, pos);
    if (len == 0) {
      return pos;
    }
    pos += len;
  }
  return std::nullopt;
}

bool is_valid_utf8(std::string_view text)
{
  return !first_invalid_utf8(text).has_value();
}

char32_t decode_utf8(std::string_view text, std::size_t& pos)
{
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  std::size_t len = sequence_length(text, pos);
  if (len == 0) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (std::size_t i = 1; i < len; ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
  }
  pos += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp)
{
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t code_point_count(std::string_view text)
{
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++count;
    }
  }
  return count;
}

std::size_t byte_offset_of_code_point(std::string_view text, std::size_t index)
{
  std::size_t pos = 0;
  for (std::size_t i = 0; i < index && pos < text.size(); ++i) {
    decode_utf8(text, pos);
  }
  return std::min(pos, text.size());
}

std::size_t display_width_prefix(std::string_view text, std::size_t code_points)
{
  std::size_t width = 0;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < code_points && pos < text.size(); ++i) {
    const char32_t cp = decode_utf8(text, pos);
    width += cp == U'\t' ? 1 : (is_wide(cp) ? 2 : 1);
  }
  return width;
}

std::size_t display_width(std::string_view text)
{
  return display_width_prefix(text, text.size());
}

std::string_view trim_edges(std::string_view text)
{
  static constexpr std::string_view ideographic_space = "\xE3\x80\x80";
  for (;;) {
    if (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' ||
                          text.front() == '\n')) {
      text.remove_prefix(1);
    } else if (text.starts_with(ideographic_space)) {
      text.remove_prefix(ideographic_space.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!text.empty() &&
        (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
      text.remove_suffix(1);
    } else if (text.ends_with(ideographic_space)) {
      text.remove_suffix(ideographic_space.size());
    } else {
      break;
    }
  }
  return text;
}

std::size_t edit_distance(std::string_view a, std::string_view b)
{
  std::u32string ua;
  std::u32string ub;
  for (std::size_t pos = 0; pos < a.size();) {
    ua += decode_utf8(a, pos);
  }
  for (std::size_t pos = 0; pos < b.size();) {
    ub += decode_utf8(b, pos);
  }
  std::vector<std::size_t> row(ub.size() + 1);
  for (std::size_t j = 0; j <= ub.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= ua.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= ub.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (ua[i - 1] == ub[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[ub.size()];
}

std::optional<std::string_view> closest_match(std::string_view word,
                                              std::span<const std::string_view> candidates)
{
  // Names of four or more characters allow two edits, so a swapped pair of
  // letters (`grdae`) still finds `grade`.
  const std::size_t size = code_point_count(word);
  const std::size_t limit = size <= 3 ? 1 : std::max<std::size_t>(2, size / 3);
  std::optional<std::string_view> best;
  std::size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

} // namespace orgaudit
