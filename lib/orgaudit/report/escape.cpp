#include <orgaudit/report/escape.hpp>

#include <array>

namespace orgaudit::report {

namespace {

constexpr std::array<char, 16> hex_digits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                             '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

void append_hex_escape(std::string& out, unsigned char c)
{
  out += "\\u00";
  out += hex_digits[c >> 4];
  out += hex_digits[c & 0xF];
}

} // namespace

void append_html(std::string& out, std::string_view text)
{
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
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
    case '\'':
      entity = "&#39;";
      break;
    default:
      continue;
    }
    out.append(text.substr(start, i - start));
    out += entity;
    start = i + 1;
  }
  out.append(text.substr(start));
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
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
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
    } else if (c < 0x20 || c == 0x7F) {
      replacement = "";
    } else {
      continue;
    }
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
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0xE2) {
      continue;
    }
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

std::string neutralize_formula(std::string_view text)
{
  std::string out;
  if (looks_like_formula(text)) {
    out += '\'';
  }
  out.append(text);
  return out;
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
