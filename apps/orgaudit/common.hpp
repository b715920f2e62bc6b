#pragma once

#include <memory>
#include <string>

#include <orgaudit/core/date.hpp>
#include <orgaudit/data/dataset.hpp>
#include <orgaudit/data/options.hpp>
#include <orgaudit/schema/schema.hpp>

namespace CLI {
class App;
class Option;
} // namespace CLI

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
  bool lenient = false;    // --lenient: skip bad rows with a warning each
  std::string lang = "zh"; // --lang of validate and import: the messages' language
};

// Adds --data (required or defaulting to `default_data`), --schema, --as-of,
// --encoding and, if `with_lenient`, --lenient to `command`.
void add_data_options(CLI::App& command, DataOptions& options, bool data_required,
                      bool with_lenient, const std::string& default_data = {});

// Adds --lang (zh or en, the language of the messages about the data) to
// validate or import, bound to `options.lang`; the evaluating commands have
// their own --lang, for their reports too.
void add_lang_option(CLI::App& command, DataOptions& options);

// Today's date in Asia/Shanghai (UTC+8 all year: China keeps no daylight
// saving time), whatever the machine's time zone: the date every command uses
// when --as-of is not given. The only place that reads the clock for a date.
Date today();

// Adds --as-of (`value`) with `description` to `command`; a value that is not
// a YYYY-MM-DD date is a usage error (exit 2) with resolve_as_of's message.
CLI::Option* add_as_of_option(CLI::App& command, std::string& value,
                              const std::string& description);

// The date --as-of gives: `text` parsed, or today() when it is empty. Throws
// UsageError (--as-of: not a date: "TEXT" (expected YYYY-MM-DD)) otherwise.
Date resolve_as_of(const std::string& text);

// Loads the schema; throws RulesError (exit 3) with every diagnostic on errors.
std::shared_ptr<const schema::Schema> load_schema_checked(const std::string& path);

// The loader options for `options`: as_of is --as-of, else builtin_sample_as_of
// for the built-in sample, else today; messages in options.lang.
data::LoadOptions load_options(const DataOptions& options);

// Loads the dataset the way every command that audits or imports data does:
// warnings go to stderr (at most 20, then a count; none with `quiet`), then
// how many rows --lenient skipped, the organizations among them, and how to
// list them all (none of it with `quiet`). When the data is refused, throws DataError
// (exit 4) with the errors first, so that the 20 cli::run prints are the
// reasons, not warnings.
std::shared_ptr<const data::Dataset>
load_dataset_checked(const std::string& data, std::shared_ptr<const schema::Schema> schema,
                     const data::LoadOptions& load, bool quiet);

} // namespace orgaudit::cli
