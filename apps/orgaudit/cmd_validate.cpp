#include <memory>

#include <CLI/CLI.hpp>

#include <orgaudit/cli.hpp>
#include <orgaudit/common.hpp>
#include <orgaudit/data_commands.hpp>

namespace orgaudit::cli {

void add_validate_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* sub = add_command(
      app, command, "validate",
      "Check a dataset against the schema: every problem with its file, line and column",
      [options] { return run_validate(*options); });
  add_data_options(*sub, options->data, true, false);
  add_lang_option(*sub, options->data);
  sub->add_option("--format", options->format, "text (compiler-style lines) or json")
      ->check(CLI::IsMember({"text", "json"}));
}

} // namespace orgaudit::cli
