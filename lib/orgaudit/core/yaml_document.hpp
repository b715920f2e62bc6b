#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include <orgaudit/core/diagnostic.hpp>

namespace orgaudit {

// A 1-based line and column (in code points) inside a file.
struct FilePosition {
  std::size_t line = 0;
  std::size_t column = 0;
};

// A parsed YAML file that remembers its text, so every node can be reported
// at `file:line:col` with its source line and a caret. yaml-cpp marks are
// 0-based and count bytes; this class turns them into 1-based code points.
class YamlDocument {
 public:
  // Reads and parses `path` (disk or "builtin:"). A syntax error, or a breach
  // of the limits of yaml_limits.hpp at the node that breaks them, is added to
  // `diagnostics` and leaves root() undefined; an unreadable file throws IoError.
  YamlDocument(std::string path, Diagnostics& diagnostics);
  // Parses `text` as if read from `path` (for tests and inline documents).
  YamlDocument(std::string path, std::string text, Diagnostics& diagnostics);

  const std::string& path() const { return m_path; }
  const std::string& text() const { return m_text; }
  const YAML::Node& root() const { return m_root; }
  bool ok() const { return m_ok; }

  FilePosition position(const YAML::Mark& mark) const;
  FilePosition position(const YAML::Node& node) const { return position(node.Mark()); }

  // The file position of byte `offset` inside the scalar `node` (an expression),
  // following the scalar's style: plain and quoted scalars on one line, and
  // literal blocks (`|`) line by line.
  FilePosition position_in_scalar(const YAML::Node& node, std::size_t offset) const;

  std::string line_text(std::size_t line) const;

  void error(Diagnostics& diagnostics, const YAML::Node& node, std::string message) const;
  void error_at(Diagnostics& diagnostics, FilePosition pos, std::string message) const;
  void warning(Diagnostics& diagnostics, const YAML::Node& node, std::string message) const;

 private:
  void parse(Diagnostics& diagnostics);

  std::string m_path;
  std::string m_text;
  std::vector<std::size_t> m_line_starts;
  YAML::Node m_root;
  bool m_ok = false;
};

// The value of `key` in the map `node`, or a null node when `node` is not a
// map or has no such key. yaml-cpp's own operator[] gives an "invalid" node for
// a missing key, on which every query but IsDefined() throws.
YAML::Node value_of(const YAML::Node& node, const std::string& key);

// Checks that every key of the map `node` is one of `allowed`; reports each
// other key with a "did you mean" hint, and each key given twice.
void check_keys(const YamlDocument& doc, const YAML::Node& node,
                std::initializer_list<std::string_view> allowed, std::string_view what,
                Diagnostics& diagnostics);

} // namespace orgaudit
