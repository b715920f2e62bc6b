#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/schema/schema.hpp>

namespace orgaudit::schema {

// The path of the shipped schema, built into the binary.
inline constexpr std::string_view builtin_schema_path = "builtin:rules/schema/social-org.yaml";

// Loads and checks a schema YAML file (format: the comment at the top of
// rules/schema/social-org.yaml). `path` may be "builtin:…". Every mistake is
// added to `diagnostics` as FILE:LINE:COL (1-based); returns null when there
// is any error. Throws IoError when the file cannot be read.
std::shared_ptr<const Schema> load_schema(const std::string& path, Diagnostics& diagnostics);

// Like load_schema, from YAML text already in memory; `path` names it in messages.
std::shared_ptr<const Schema> parse_schema(std::string_view text, const std::string& path,
                                           Diagnostics& diagnostics);

} // namespace orgaudit::schema
