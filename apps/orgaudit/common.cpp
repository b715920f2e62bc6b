#include <orgaudit/common.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/data/loader.hpp>
#include <orgaudit/schema/loader.hpp>

namespace orgaudit::cli {

void add_data_options(CLI::App& command, DataOptions& options, bool data_required,
                      bool with_lenient, const std::string& default_data)
{
  options.data = default_data;
  auto* data = command.add_option("--data", options.data,
                                  "dataset: a directory of CSV/JSONL files or a SQLite file");
  if (data_required) {
    data->required();
  }
  options.schema = std::string(schema::builtin_schema_path);
  command.add_option("--schema", options.schema, "schema YAML file (default: the built-in one)");
  command
      .add_option("--as-of", options.as_of,
                  fmt::format("audit date YYYY-MM-DD (default: today; {} for {})",
                              builtin_sample_as_of, builtin_sample_path))
      ->check([](const std::string& text) {
        return parse_date(text) ? std::string() : "not a date (expected YYYY-MM-DD): " + text;
      });
  command.add_option("--encoding", options.encoding, "input encoding of CSV/JSONL files")
      ->check(CLI::IsMember({"auto", "utf-8", "utf8", "gbk", "gb18030"}, CLI::ignore_case));
  if (with_lenient) {
    command.add_flag("--lenient", options.lenient,
                     "skip rows with errors (each reported as a warning) instead of failing");
  }
}

Date resolve_as_of(const std::string& text)
{
  if (!text.empty()) {
    const auto date = parse_date(text);
    if (!date) {
      throw UsageError(fmt::format("--as-of: not a date: {}", text));
    }
    return *date;
  }
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm local{};
  ::localtime_r(&now, &local);
  return make_date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday).value_or(Date{});
}

std::shared_ptr<const schema::Schema> load_schema_checked(const std::string& path)
{
  Diagnostics diagnostics;
  auto loaded = schema::load_schema(path, diagnostics);
  if (!loaded) {
    throw RulesError(std::move(diagnostics));
  }
  return loaded;
}

data::LoadOptions load_options(const DataOptions& options)
{
  data::LoadOptions load;
  load.encoding = options.encoding;
  const bool builtin_sample = options.as_of.empty() && options.data == builtin_sample_path;
  load.as_of = resolve_as_of(builtin_sample ? std::string(builtin_sample_as_of) : options.as_of);
  load.lenient = options.lenient;
  return load;
}

std::shared_ptr<const data::Dataset> load_dataset_checked(const DataOptions& options)
{
  const auto loaded_schema = load_schema_checked(options.schema);
  Diagnostics diagnostics;
  auto dataset =
      data::load_dataset(options.data, loaded_schema, load_options(options), diagnostics);
  if (!dataset) {
    // Only 20 are shown: the errors, which are why the data was refused, come first.
    Diagnostics errors_first;
    for (Severity severity : {Severity::error, Severity::warning}) {
      for (const Diagnostic& d : diagnostics.items()) {
        if (d.severity == severity) {
          errors_first.add(d);
        }
      }
    }
    throw DataError(std::move(errors_first));
  }
  std::fputs(diagnostics.format().c_str(), stderr);
  if (dataset->skipped_rows > 0) {
    fmt::print(stderr, "orgaudit: warning: --lenient skipped {} row{} with errors\n",
               dataset->skipped_rows, dataset->skipped_rows == 1 ? "" : "s");
  }
  return dataset;
}

} // namespace orgaudit::cli
