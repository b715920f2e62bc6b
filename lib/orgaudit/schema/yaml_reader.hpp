#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/core/text.hpp>

namespace orgaudit::schema {

// Reads values out of yaml-cpp nodes for a loader, adding every mistake to the
// diagnostics at its FILE:LINE:COL (yaml-cpp marks are 0-based; these are
// 1-based) instead of throwing. Each getter returns a neutral value on error.
class YamlReader {
 public:
  YamlReader(std::string path, Diagnostics& diagnostics);

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
  // An error, with a did-you-mean, for every key of `node` not in `allowed`.
  template <std::size_t N>
  void check_keys(const YAML::Node& node, const std::array<std::string_view, N>& allowed,
                  std::string_view what)
  {
    for (const auto& entry : node) {
      const std::string key = entry.first.Scalar();
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) {
        continue;
      }
      std::string message = fmt::format("unknown key \"{}\" in {}", key, what);
      if (const auto guess = closest_match(key, allowed)) {
        message += fmt::format("; did you mean \"{}\"?", *guess);
      }
      error(entry.first, message);
    }
  }

  // The 1-based line of `node`.
  static std::size_t line_of(const YAML::Node& node);
  // Adds an error at `node`'s position.
  void error(const YAML::Node& node, std::string message);

 private:
  std::string m_path;
  Diagnostics& m_diagnostics;
};

} // namespace orgaudit::schema
