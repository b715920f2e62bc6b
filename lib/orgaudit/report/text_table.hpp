#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace orgaudit::report {

// A plain-text table for the terminal: columns padded to their widest cell
// in terminal cells (CJK counts two), two spaces apart, right-aligned where
// asked, control characters shown as spaces, no trailing blanks.
class TextTable {
 public:
  // `right` says, per column, whether it is right-aligned.
  TextTable(std::vector<std::string> headers, std::vector<bool> right);

  void add(std::vector<std::string> row);

  // The table, `indent` spaces before every line; with `width`, lines longer
  // than `width` cells are cut with an ellipsis. `with_headers` false leaves
  // the header row out.
  std::string render(std::size_t indent = 0, std::size_t width = 0, bool with_headers = true) const;

 private:
  std::vector<std::vector<std::string>> m_rows; // headers first
  std::vector<bool> m_right;
};

// `text` with control characters as spaces, safe to print on a terminal.
std::string terminal_text(std::string_view text);

// `line` cut to `cells` terminal cells, with an ellipsis where it was cut.
std::string cut_to_width(std::string_view line, std::size_t cells);

} // namespace orgaudit::report
