#include <orgaudit/core/yaml_document.hpp>

#include <algorithm>
#include <set>
#include <vector>

#include <fmt/format.h>

#include <orgaudit/core/file.hpp>
#include <orgaudit/core/text.hpp>
#include <orgaudit/core/yaml_limits.hpp>

namespace orgaudit {

YamlDocument::YamlDocument(std::string path, Diagnostics& diagnostics)
    : m_path(std::move(path)), m_text(read_file(m_path))
{
  parse(diagnostics);
}

YamlDocument::YamlDocument(std::string path, std::string text, Diagnostics& diagnostics)
    : m_path(std::move(path)), m_text(std::move(text))
{
  parse(diagnostics);
}

void YamlDocument::parse(Diagnostics& diagnostics)
{
  m_line_starts.push_back(0);
  for (std::size_t i = 0; i < m_text.size(); ++i) {
    if (m_text[i] == '\n') {
      m_line_starts.push_back(i + 1);
    }
  }
  if (const auto bad = first_invalid_utf8(m_text)) {
    const auto line = static_cast<std::size_t>(
        std::upper_bound(m_line_starts.begin(), m_line_starts.end(), *bad) - m_line_starts.begin());
    error_at(diagnostics, {line, 1}, "the file is not valid UTF-8");
    return;
  }
  if (const auto breach = check_yaml_limits(m_text)) {
    error_at(diagnostics, position(breach->mark), breach->message);
    return;
  }
  try {
    m_root = YAML::Load(m_text);
    m_ok = true;
  } catch (const YAML::ParserException& e) {
    error_at(diagnostics, position(e.mark), fmt::format("YAML syntax error: {}", e.msg));
  }
}

FilePosition YamlDocument::position(const YAML::Mark& mark) const
{
  if (mark.line < 0) {
    return {0, 0};
  }
  const auto line = static_cast<std::size_t>(mark.line);
  if (line >= m_line_starts.size()) {
    return {line + 1, static_cast<std::size_t>(mark.column) + 1};
  }
  const std::size_t start = m_line_starts[line];
  const std::size_t bytes =
      std::min<std::size_t>(static_cast<std::size_t>(mark.column), m_text.size() - start);
  return {line + 1, code_point_count(std::string_view(m_text).substr(start, bytes)) + 1};
}

FilePosition YamlDocument::position_in_scalar(const YAML::Node& node, std::size_t offset) const
{
  const YAML::Mark mark = node.Mark();
  FilePosition start = position(mark);
  if (mark.line < 0 || static_cast<std::size_t>(mark.line) >= m_line_starts.size()) {
    return start;
  }
  const std::size_t at =
      m_line_starts[static_cast<std::size_t>(mark.line)] + static_cast<std::size_t>(mark.column);
  const char style = at < m_text.size() ? m_text[at] : ' ';
  const std::string& value = node.Scalar();
  offset = std::min(offset, value.size());
  if (style == '|' || style == '>') {
    // Block scalar: content starts on the next line, indented.
    const std::size_t lines_before = static_cast<std::size_t>(
        std::count(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    const std::size_t line_start_in_value = value.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t column_in_line = code_point_count(std::string_view(value).substr(
        line_start_in_value == std::string::npos || offset == 0 ? 0 : line_start_in_value + 1,
        offset - (line_start_in_value == std::string::npos || offset == 0
                      ? 0
                      : line_start_in_value + 1)));
    const std::size_t file_line = start.line + 1 + lines_before;
    std::string text = line_text(file_line);
    std::size_t indent = 0;
    while (indent < text.size() && text[indent] == ' ') {
      ++indent;
    }
    return {file_line, indent + column_in_line + 1};
  }
  const std::size_t quote = (style == '"' || style == '\'') ? 1 : 0;
  const std::size_t before = value.rfind('\n', offset == 0 ? 0 : offset - 1);
  if (before != std::string::npos && offset > 0) {
    // A folded plain scalar over several lines: report its first line.
    return start;
  }
  return {start.line,
          start.column + quote + code_point_count(std::string_view(value).substr(0, offset))};
}

std::string YamlDocument::line_text(std::size_t line) const
{
  if (line == 0 || line > m_line_starts.size()) {
    return {};
  }
  const std::size_t start = m_line_starts[line - 1];
  std::size_t end = m_text.find('\n', start);
  if (end == std::string::npos) {
    end = m_text.size();
  }
  if (end > start && m_text[end - 1] == '\r') {
    --end;
  }
  return m_text.substr(start, end - start);
}

void YamlDocument::error(Diagnostics& diagnostics, const YAML::Node& node,
                         std::string message) const
{
  error_at(diagnostics, position(node), std::move(message));
}

void YamlDocument::error_at(Diagnostics& diagnostics, FilePosition pos, std::string message) const
{
  diagnostics.error(m_path, pos.line, pos.column, std::move(message), line_text(pos.line));
}

void YamlDocument::warning(Diagnostics& diagnostics, const YAML::Node& node,
                           std::string message) const
{
  const FilePosition pos = position(node);
  diagnostics.warning(m_path, pos.line, pos.column, std::move(message), line_text(pos.line));
}

YAML::Node value_of(const YAML::Node& node, const std::string& key)
{
  if (!node.IsDefined() || !node.IsMap()) {
    return YAML::Node();
  }
  const YAML::Node value = node[key];
  return value.IsDefined() ? value : YAML::Node();
}

void check_keys(const YamlDocument& doc, const YAML::Node& node,
                std::initializer_list<std::string_view> allowed, std::string_view what,
                Diagnostics& diagnostics)
{
  if (!node.IsMap()) {
    return;
  }
  const std::vector<std::string_view> candidates(allowed);
  std::set<std::string> seen;
  for (const auto& entry : node) {
    const YAML::Node& key = entry.first;
    const std::string name = key.IsScalar() ? key.Scalar() : std::string();
    if (!seen.insert(name).second) {
      doc.error(diagnostics, key, fmt::format("duplicate key \"{}\" in {}", name, what));
      continue;
    }
    if (std::find(candidates.begin(), candidates.end(), name) != candidates.end()) {
      continue;
    }
    std::string message = fmt::format("unknown key \"{}\" in {}", name, what);
    if (auto hint = closest_match(name, candidates)) {
      message += fmt::format("; did you mean \"{}\"?", *hint);
    }
    doc.error(diagnostics, key, std::move(message));
  }
}

} // namespace orgaudit
