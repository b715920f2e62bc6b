#include <orgaudit/report/text_table.hpp>

#include <algorithm>

#include <orgaudit/core/text.hpp>

namespace orgaudit::report {

std::string terminal_text(std::string_view text)
{
  std::string out(text);
  std::replace_if(
      out.begin(), out.end(),
      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == '\x7F'; }, ' ');
  return out;
}

std::string cut_to_width(std::string_view line, std::size_t cells)
{
  if (display_width(line) <= cells) {
    return std::string(line);
  }
  std::size_t used = 0;
  std::size_t pos = 0;
  while (pos < line.size()) {
    std::size_t next = pos;
    decode_utf8(line, next);
    used += display_width(line.substr(pos, next - pos));
    if (used + 1 > cells) {
      break;
    }
    pos = next;
  }
  return std::string(line.substr(0, pos)) + "…";
}

TextTable::TextTable(std::vector<std::string> headers, std::vector<bool> right)
    : m_right(std::move(right))
{
  add(std::move(headers));
}

void TextTable::add(std::vector<std::string> row)
{
  for (std::string& cell : row) {
    cell = terminal_text(cell);
  }
  m_rows.push_back(std::move(row));
}

std::string TextTable::render(std::size_t indent, std::size_t width, bool with_headers) const
{
  std::vector<std::size_t> widths(m_right.size(), 0);
  for (std::size_t r = with_headers ? 0 : 1; r < m_rows.size(); ++r) {
    for (std::size_t c = 0; c < m_rows[r].size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(m_rows[r][c]));
    }
  }
  std::string out;
  for (std::size_t r = with_headers ? 0 : 1; r < m_rows.size(); ++r) {
    std::string line(indent, ' ');
    for (std::size_t c = 0; c < m_rows[r].size() && c < widths.size(); ++c) {
      const std::string& cell = m_rows[r][c];
      const std::string pad(widths[c] - display_width(cell), ' ');
      line += c == 0 ? "" : "  ";
      line += m_right[c] ? pad + cell : cell + pad;
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out += (width > 0 ? cut_to_width(line, width) : line) + '\n';
  }
  return out;
}

} // namespace orgaudit::report
