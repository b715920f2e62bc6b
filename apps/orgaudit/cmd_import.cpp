#include <memory>

#include <CLI/CLI.hpp>

#include <orgaudit/cli.hpp>
#include <orgaudit/common.hpp>
#include <orgaudit/data_commands.hpp>

namespace orgaudit::cli {

void add_import_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<ImportOptions>();
  CLI::App* sub =
      add_command(app, command, "import", "Check a dataset and write it as a SQLite file",
                  [options] { return run_import(*options); });
  add_data_options(*sub, options->data, true, true);
  add_lang_option(*sub, options->data);
  sub->add_option("--to", options->to, "the SQLite file to write (FILE.db)")->required();
  sub->add_flag("--force", options->force, "overwrite an existing --to file");
}

} // namespace orgaudit::cli
