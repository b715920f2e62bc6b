#include <orgaudit/report/escape.hpp>

#include <array>
#include <iterator>

#include <fmt/format.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace orgaudit::report {

namespace {

// The position of the first byte at or after `from` that needs escaping, or
// text.size(): a control character (below 0x20) when `Controls`, or one of
// `Specials`. Reports escape tens of megabytes of mostly plain (often CJK)
// text, so sixteen bytes are tested at a time where SSE2 is there.
template <bool Controls, unsigned char... Specials>
std::size_t find_special(std::string_view text, std::size_t from)
{
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = from;
#if defined(__SSE2__)
  for (; i + 16 <= size; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
    __m128i hits = _mm_setzero_si128();
    if constexpr (Controls) {
      const __m128i highest_control = _mm_set1_epi8(0x1F);
      hits = _mm_cmpeq_epi8(_mm_max_epu8(block, highest_control), highest_control);
    }
    ((hits = _mm_or_si128(hits, _mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(Specials))))),
     ...);
    const int mask = _mm_movemask_epi8(hits);
    if (mask != 0) {
      return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
  }
#endif
  for (; i < size; ++i) {
    const unsigned char c = bytes[i];
    if ((Controls && c < 0x20) || ((c == Specials) || ...)) {
      return i;
    }
  }
  return size;
}

constexpr std::array<char, 16> hex_digits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                             '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

void append_hex_escape(std::string& out, unsigned char c)
{
  out += "\\u00";
  out += hex_digits[c >> 4];
  out += hex_digits[c & 0xF];
}

// The code point of the bidirectional embedding, override or isolate
// character (U+202A–U+202E, U+2066–U+2069) at byte `i` of `text`, or 0.
unsigned bidi_control_at(std::string_view text, std::size_t i)
{
  if (i + 2 >= text.size() || text[i] != '\xE2') {
    return 0;
  }
  const auto second = static_cast<unsigned char>(text[i + 1]);
  const auto third = static_cast<unsigned char>(text[i + 2]);
  const unsigned code = 0x2000 + ((second & 0x3Fu) << 6) + (third & 0x3Fu);
  const bool control = (second == 0x80 && third >= 0xAA && third <= 0xAE) ||
                       (second == 0x81 && third >= 0xA6 && third <= 0xA9);
  return control ? code : 0;
}

} // namespace

void append_html(std::string& out, std::string_view text)
{
  constexpr auto next = find_special<false, '&', '<', '>', '"', '\'', 0xE2>;
  std::size_t start = 0;
  for (std::size_t i = next(text, 0); i < text.size(); i = next(text, i + 1)) {
    if (text[i] == '\xE2') {
      // A bidi control would reorder the page around it: it is shown, not obeyed.
      const unsigned code = bidi_control_at(text, i);
      if (code == 0) {
        continue;
      }
      out.append(text.substr(start, i - start));
      fmt::format_to(std::back_inserter(out), "[U+{:04X}]", code);
      start = i + 3;
      i += 2;
      continue;
    }
    std::string_view entity;
    switch (text[i]) {
    case '&':
      entity = "&amp;";
      break;
    case '<':
      entity = "&lt;";
      break;
    case '>':
      entity = "&gt;";
      break;
    case '"':
      entity = "&quot;";
      break;
    default:
      entity = "&#39;";
      break;
    }
    out.append(text.substr(start, i - start));
    out += entity;
    start = i + 1;
  }
  out.append(text.substr(start));
}

void append_th(std::string& out, std::string_view text, bool number)
{
  out += number ? "<th class=\"num\">" : "<th>";
  append_html(out, text);
  out += "</th>";
}

std::string html_escape(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  append_html(out, text);
  return out;
}

void append_xml(std::string& out, std::string_view text)
{
  constexpr auto next = find_special<true, '&', '<', '>', '"', '\'', 0x7F>;
  std::size_t start = 0;
  for (std::size_t i = next(text, 0); i < text.size(); i = next(text, i + 1)) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::string_view replacement;
    if (c == '&') {
      replacement = "&amp;";
    } else if (c == '<') {
      replacement = "&lt;";
    } else if (c == '>') {
      replacement = "&gt;";
    } else if (c == '"') {
      replacement = "&quot;";
    } else if (c == '\'') {
      replacement = "&apos;";
    } else if (c == '\t') {
      replacement = "&#9;";
    } else if (c == '\n') {
      replacement = "&#10;";
    } else if (c == '\r') {
      replacement = "&#13;";
    } // other controls and DEL are dropped
    out.append(text.substr(start, i - start));
    out += replacement;
    start = i + 1;
  }
  out.append(text.substr(start));
}

std::string xml_escape(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  append_xml(out, text);
  return out;
}

void append_json_string(std::string& out, std::string_view text)
{
  out += '"';
  constexpr auto next = find_special<true, '"', '\\', 0xE2>;
  std::size_t start = 0;
  for (std::size_t i = next(text, 0); i < text.size(); i = next(text, i + 1)) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xE2) {
      // U+2028 and U+2029 (E2 80 A8/A9) are valid JSON but end lines in JavaScript.
      if (i + 2 < text.size() && text[i + 1] == '\x80' &&
          (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
        out.append(text.substr(start, i - start));
        out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
        i += 2;
        start = i + 1;
      }
      continue;
    }
    out.append(text.substr(start, i - start));
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    default:
      append_hex_escape(out, c);
    }
    start = i + 1;
  }
  out.append(text.substr(start));
  out += '"';
}

bool looks_like_formula(std::string_view text)
{
  if (text.empty()) {
    return false;
  }
  switch (text.front()) {
  case '=':
  case '+':
  case '-':
  case '@':
  case '\t':
  case '\r':
    return true;
  default:
    return false;
  }
}

void append_csv_field(std::string& out, std::string_view text)
{
  const bool prefix = looks_like_formula(text);
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) {
    out += '"';
  }
  if (prefix) {
    out += '\'';
  }
  if (quote) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '"') {
        out.append(text.substr(start, i + 1 - start));
        out += '"';
        start = i + 1;
      }
    }
    out.append(text.substr(start));
    out += '"';
  } else {
    out.append(text);
  }
}

void append_markdown(std::string& out, std::string_view text)
{
  // A leading = + - @ would start a heading underline, a list item or a
  // spreadsheet formula when the table is pasted on; CommonMark's backslash
  // escape shows the character literally.
  if (!text.empty() &&
      (text.front() == '=' || text.front() == '+' || text.front() == '-' || text.front() == '@')) {
    out += '\\';
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '|':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '\\':
    case '#':
      out += '\\';
      out += c;
      break;
    case '\r':
      break;
    case '\n':
      out += "<br>";
      break;
    case '\t':
      out += ' ';
      break;
    default:
      out += c;
    }
  }
}

std::string markdown_escape(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  append_markdown(out, text);
  return out;
}

} // namespace orgaudit::report
