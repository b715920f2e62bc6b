#include <filesystem>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <orgaudit/cli.hpp>
#include <orgaudit/common.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/data/sqlite_writer.hpp>

namespace orgaudit::cli {

namespace {

struct ImportOptions {
  DataOptions data;
  std::string to;
  bool force = false;
};

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
  const auto dataset = load_dataset_checked(options.data);
  data::write_sqlite(*dataset, options.to);
  std::size_t child_rows = 0;
  for (std::size_t t = 1; t < dataset->tables.size(); ++t) {
    child_rows += dataset->tables[t].rows;
  }
  fmt::print(stderr, "import: wrote {} organizations and {} child rows to {}\n",
             dataset->organization_count(), child_rows, options.to);
  return 0;
}

} // namespace

void add_import_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<ImportOptions>();
  CLI::App* sub = app.add_subcommand("import", "validate a dataset and write it as a SQLite file");
  add_data_options(*sub, options->data, true, true);
  sub->add_option("--to", options->to, "the SQLite file to write (FILE.db)")->required();
  sub->add_flag("--force", options->force, "overwrite an existing --to file");
  sub->callback(
      [&command, options] { command.action = [options] { return run_import(*options); }; });
}

} // namespace orgaudit::cli
