#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <yaml-cpp/mark.h>

namespace orgaudit {

// The deepest a YAML document's maps and sequences may nest, aliases expanded.
inline constexpr std::size_t max_yaml_depth = 64;
// The most nodes (scalars, maps, sequences, map keys) a YAML document may
// have once every alias is expanded: a walk over it visits at most this many.
inline constexpr std::uint64_t max_yaml_nodes = 10'000'000;

// Where a YAML text breaks a limit, and how.
struct YamlLimitBreach {
  YAML::Mark mark;
  std::string message;
};

// The first node of the first document of `text` that nests deeper than
// max_yaml_depth or brings the expanded node count past max_yaml_nodes (the
// alias that would, for a "billion laughs" file), found in one pass over the
// text without building or expanding anything. Nullopt if there is none, or
// if the text has a syntax error, which is the parser's to report.
std::optional<YamlLimitBreach> check_yaml_limits(const std::string& text);

} // namespace orgaudit
