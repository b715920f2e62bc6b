#include <orgaudit/common.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

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
    // Required, so that a cron job never scores the sample by mistake; the
    // help says how to try the command on it.
    data->required();
    data->description(fmt::format("dataset: a directory of CSV/JSONL files or a SQLite file "
                                  "(required; --data {} tries the built-in sample)",
                                  builtin_sample_path));
  }
  options.schema = std::string(schema::builtin_schema_path);
  command.add_option("--schema", options.schema, "schema YAML file (default: the built-in one)");
  add_as_of_option(command, options.as_of,
                   fmt::format("audit date YYYY-MM-DD (default: today in Asia/Shanghai; {} for {})",
                               builtin_sample_as_of, builtin_sample_path));
  command.add_option("--encoding", options.encoding, "input encoding of CSV/JSONL files")
      ->check(CLI::IsMember({"auto", "utf-8", "utf8", "gbk", "gb18030"}, CLI::ignore_case));
  if (with_lenient) {
    command.add_flag("--lenient", options.lenient,
                     "skip rows with errors (each reported as a warning) instead of failing");
  }
}

void add_lang_option(CLI::App& command, DataOptions& options)
{
  command.add_option("--lang", options.lang, "language of the messages about the data: zh or en")
      ->check(CLI::IsMember({"zh", "en"}));
}

Date today()
{
  // China Standard Time is UTC+8 all year (no daylight saving since 1991).
  constexpr std::chrono::hours shanghai_offset{8};
  const auto days =
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() + shanghai_offset);
  return Date{static_cast<std::int32_t>(days.time_since_epoch().count())};
}

namespace {

// Why `text` is not an --as-of date (after "--as-of: "), or "" when it is one.
std::string as_of_problem(const std::string& text)
{
  return parse_date(text) ? std::string()
                          : fmt::format("not a date: \"{}\" (expected YYYY-MM-DD)", text);
}

} // namespace

CLI::Option* add_as_of_option(CLI::App& command, std::string& value, const std::string& description)
{
  return command.add_option("--as-of", value, description)->check(as_of_problem);
}

Date resolve_as_of(const std::string& text)
{
  if (text.empty()) {
    return today();
  }
  if (const std::string problem = as_of_problem(text); !problem.empty()) {
    throw UsageError("--as-of: " + problem);
  }
  return *parse_date(text);
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
  load.lang = options.lang == "en" ? Lang::en : Lang::zh;
  return load;
}

namespace {

// Says how many rows --lenient skipped and names the organizations among
// them (the first few), so that no command leaves data out silently.
void print_skipped(const data::Dataset& dataset, const std::string& data)
{
  const auto& skipped = dataset.skipped_rows;
  if (skipped.empty()) {
    return;
  }
  std::vector<std::string> organizations;
  for (const data::SkippedRow& row : skipped) {
    if (row.table == 0) {
      organizations.push_back(row.name.empty() ? row.uscc
                                               : fmt::format("{} {}", row.uscc, row.name));
    }
  }
  constexpr std::size_t named = 5;
  std::string which;
  if (!organizations.empty()) {
    const std::size_t shown = std::min(named, organizations.size());
    which = fmt::format(", {} of them organization{} ({}{})", organizations.size(),
                        organizations.size() == 1 ? "" : "s",
                        fmt::join(organizations.begin(), organizations.begin() + shown, ", "),
                        organizations.size() > shown ? ", …" : "");
  }
  fmt::print(stderr,
             "orgaudit: warning: --lenient skipped {} row{} with errors{}; `orgaudit validate "
             "--data {}` lists every one, `orgaudit audit --lenient` writes them to skipped.csv\n",
             skipped.size(), skipped.size() == 1 ? "" : "s", which, data);
}

} // namespace

std::shared_ptr<const data::Dataset>
load_dataset_checked(const std::string& data, std::shared_ptr<const schema::Schema> schema,
                     const data::LoadOptions& load, bool quiet)
{
  Diagnostics diagnostics;
  auto dataset = data::load_dataset(data, std::move(schema), load, diagnostics);
  if (!dataset) {
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
  if (!quiet) {
    std::fputs(diagnostics.format(20).c_str(), stderr);
    print_skipped(*dataset, data);
  }
  return dataset;
}

} // namespace orgaudit::cli
