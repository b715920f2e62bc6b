#pragma once

#include <span>
#include <string_view>

namespace orgaudit {

// A file built into the binary: `path` is relative to the source tree, e.g.
// "rules/zhejiang-integrity.yaml" or "samples/huzhou/organizations.csv".
struct BuiltinFile {
  std::string_view path;
  std::string_view contents;
};

// The prefix that marks a path as naming a built-in file ("builtin:rules/…").
inline constexpr std::string_view builtin_prefix = "builtin:";

// Every built-in file, sorted by path. Defined by the generated
// embedded_resources.cpp (cmake/EmbedResources.cmake).
std::span<const BuiltinFile> builtin_files();

} // namespace orgaudit
