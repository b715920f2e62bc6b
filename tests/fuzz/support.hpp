#pragma once

// What the fuzz targets share: the shipped schema and rule set (loaded once),
// a scratch directory of the process for inputs that must be files, splitting
// an input into files, and aborting on a broken invariant.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/core/date.hpp>
#include <orgaudit/rules/ruleset.hpp>
#include <orgaudit/schema/schema.hpp>

namespace orgaudit::fuzz {

// The shipped schema and rule set, loaded on first use.
std::shared_ptr<const schema::Schema> shipped_schema();
std::shared_ptr<const rules::RuleSet> shipped_ruleset();

// The audit date every target uses.
Date fuzz_as_of();

// An empty directory of this process under the system's temporary directory
// (emptied on each call; removed when the process exits).
const std::filesystem::path& empty_scratch_dir();

// Writes `text` to the file `name` of `directory`.
void write_file(const std::filesystem::path& directory, const std::string& name,
                std::string_view text);

// `input` cut at each line that is exactly `separator` (the line end goes with
// the separator), at most `most` parts (the last holds the rest).
std::vector<std::string_view> split_parts(std::string_view input, std::string_view separator,
                                          std::size_t most);

// Prints `what` with both values and aborts when `a` differs from `b`.
void check_equal(const std::string& a, const std::string& b, std::string_view what);

} // namespace orgaudit::fuzz
