#include <orgaudit/data_commands.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/data/loader.hpp>
#include <orgaudit/data/sqlite_writer.hpp>
#include <orgaudit/report/diagnostics_json.hpp>
#include <orgaudit/sample/generator.hpp>

namespace orgaudit::cli {

namespace {

std::string plural(std::size_t n, std::string_view word)
{
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

} // namespace

// The diagnostics are what `validate` was asked for, so they go to stdout,
// all of them; the one-line summary goes to stderr.
int run_validate(const ValidateOptions& options)
{
  const auto schema = load_schema_checked(options.data.schema);
  Diagnostics diagnostics;
  const auto dataset =
      data::load_dataset(options.data.data, schema, load_options(options.data), diagnostics);
  if (options.format == "json") {
    const std::string json = report::diagnostics_json(diagnostics);
    std::fwrite(json.data(), 1, json.size(), stdout);
  } else {
    std::fputs(diagnostics.format().c_str(), stdout);
  }
  const bool zh = options.data.lang != "en";
  std::string summary =
      zh ? fmt::format("validate：{} 个错误，{} 个警告", diagnostics.error_count(),
                       diagnostics.warning_count())
         : fmt::format("validate: {}, {}", plural(diagnostics.error_count(), "error"),
                       plural(diagnostics.warning_count(), "warning"));
  if (dataset) {
    summary += zh ? fmt::format("，共 {} 个社会组织", dataset->organization_count())
                  : fmt::format(" in {}", plural(dataset->organization_count(), "organization"));
    if (const auto absent = dataset->table_names(true); !absent.empty()) {
      summary += zh ? fmt::format("；缺失的数据表（情况不明，读取这些表的规则计为数据缺失）：{}",
                                  fmt::join(absent, "、"))
                    : fmt::format("; absent tables, unknown to every rule that reads them: {}",
                                  fmt::join(absent, ", "));
    }
  }
  fmt::print(stderr, "{}\n", summary);
  return diagnostics.has_errors() ? static_cast<int>(ExitCode::invalid_data) : 0;
}

int run_import(const ImportOptions& options)
{
  std::error_code ec;
  // Checked first so that a long validation is not wasted on a refusal.
  if (std::filesystem::is_directory(options.to, ec)) {
    throw UsageError(fmt::format("{} is a directory; --to names the database file", options.to));
  }
  if (std::filesystem::exists(options.to, ec) && !options.force) {
    throw UsageError(fmt::format("{} already exists; pass --force to overwrite it", options.to));
  }
  const auto dataset =
      load_dataset_checked(options.data.data, load_schema_checked(options.data.schema),
                           load_options(options.data), false);
  data::write_sqlite(*dataset, options.to);
  std::size_t child_rows = 0;
  for (std::size_t t = 1; t < dataset->tables.size(); ++t) {
    child_rows += dataset->tables[t].rows;
  }
  fmt::print(stderr, "import: wrote {} organizations and {} child rows to {}\n",
             dataset->organization_count(), child_rows, options.to);
  return 0;
}

int run_sample(const SampleCommandOptions& options)
{
  sample::SampleOptions sample_options;
  // A negative count is as short of one organization as 0 is.
  sample_options.organizations =
      options.organizations < 1 ? 0 : static_cast<std::size_t>(options.organizations);
  sample_options.seed = options.seed;
  sample_options.as_of = resolve_as_of(options.as_of);

  const auto start = std::chrono::steady_clock::now();
  const auto summary = sample::write_sample(sample_options, options.out);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  if (!options.quiet) {
    fmt::print(stderr, "sample: {} organizations, {} child rows → {} ({:.2f} s)\n",
               summary.organizations, summary.child_rows, options.out, elapsed.count());
  }
  return static_cast<int>(ExitCode::ok);
}

} // namespace orgaudit::cli
