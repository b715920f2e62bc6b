#pragma once

#include <memory>
#include <string>

#include <orgaudit/core/date.hpp>
#include <orgaudit/data/dataset.hpp>
#include <orgaudit/data/options.hpp>
#include <orgaudit/schema/schema.hpp>

namespace CLI {
class App;
}

namespace orgaudit::cli {

// The built-in copy of samples/huzhou (cmake/EmbedResources.cmake): the data of
// `orgaudit audit` without --data.
inline constexpr const char* builtin_sample_path = "builtin:samples/huzhou";

// The date samples/huzhou was generated for (the --as-of in its README). The
// built-in sample is audited as of this date unless --as-of says otherwise, so
// that `orgaudit audit` gives the same figures on any day.
inline constexpr const char* builtin_sample_as_of = "2026-11-27";

// The options every command that reads a dataset shares (SPEC §2, §5).
struct DataOptions {
  std::string data;   // --data: a directory, a SQLite file or "builtin:samples/huzhou"
  std::string schema; // --schema, default the built-in shipped schema
  std::string as_of;  // --as-of YYYY-MM-DD; empty means today
  std::string encoding = "auto";
  bool lenient = false; // --lenient: skip bad rows with a warning each
};

// Adds --data (required or defaulting to `default_data`), --schema, --as-of,
// --encoding and, if `with_lenient`, --lenient to `command`.
void add_data_options(CLI::App& command, DataOptions& options, bool data_required,
                      bool with_lenient, const std::string& default_data = {});

// The audit date: --as-of if given (a UsageError if it is not a date), else
// today's local date. The only place that reads the clock.
Date resolve_as_of(const std::string& text);

// Loads the schema; throws RulesError (exit 3) with every diagnostic on errors.
std::shared_ptr<const schema::Schema> load_schema_checked(const std::string& path);

// The loader options for `options`: as_of is --as-of, else builtin_sample_as_of
// for the built-in sample, else today.
data::LoadOptions load_options(const DataOptions& options);

// Loads and validates the dataset the way every command does: warnings go to
// stderr (with a count of rows --lenient skipped); errors throw DataError
// (exit 4; cli::run prints at most 20 and a count).
std::shared_ptr<const data::Dataset> load_dataset_checked(const DataOptions& options);

} // namespace orgaudit::cli
