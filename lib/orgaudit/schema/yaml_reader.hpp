#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/core/yaml_document.hpp>

namespace orgaudit::schema {

// Reads values out of the nodes of a YamlDocument for a loader, adding every
// mistake to the diagnostics at its FILE:LINE:COL (code points) with the source
// line and a caret, instead of throwing. Each getter returns a neutral value on error.
class YamlReader {
 public:
  YamlReader(const YamlDocument& document, Diagnostics& diagnostics);

 protected:
  // node[key] as an int64; absent leaves `bound` unset.
  void read_bound(const YAML::Node& node, const char* key, std::optional<std::int64_t>& bound);
  // node[key] as true/false; absent is false.
  bool flag(const YAML::Node& node, const char* key);
  // A list of strings; absent is empty.
  std::vector<std::string> string_list(const YAML::Node& node);
  // node[key] as a non-empty string; `what` names the node in "… needs" messages.
  std::string required_scalar(const YAML::Node& node, const char* key, std::string_view what);
  std::string optional_scalar(const YAML::Node& node, const char* key);
  std::string scalar(const YAML::Node& node, std::string_view what);
  // False (with an error) unless `node` is a mapping.
  bool expect_map(const YAML::Node& node, std::string_view what);
  // An error, with a did-you-mean, for every key of `node` not in `allowed`
  // and for every key given twice.
  void check_keys(const YAML::Node& node, std::initializer_list<std::string_view> allowed,
                  std::string_view what);

  // The 1-based line of `node`.
  std::size_t line_of(const YAML::Node& node) const;
  // Adds an error at `node`'s position.
  void error(const YAML::Node& node, std::string message);

 private:
  const YamlDocument& m_document;
  Diagnostics& m_diagnostics;
};

} // namespace orgaudit::schema
