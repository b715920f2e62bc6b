#include <cstdio>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <orgaudit/cli.hpp>
#include <orgaudit/common.hpp>
#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/data/loader.hpp>

namespace orgaudit::cli {

namespace {

struct ValidateOptions {
  DataOptions data;
  std::string format = "text";
};

std::string plural(std::size_t n, std::string_view word)
{
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

void print_json(const Diagnostics& diagnostics)
{
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diagnostics.items()) {
    items.push_back({{"file", d.file},
                     {"line", d.line},
                     {"column", d.column},
                     {"severity", severity_name(d.severity)},
                     {"message", d.message}});
  }
  const nlohmann::ordered_json out = {{"diagnostics", std::move(items)},
                                      {"errors", diagnostics.error_count()},
                                      {"warnings", diagnostics.warning_count()}};
  fmt::print("{}\n", out.dump(2));
}

// The diagnostics are what `validate` was asked for, so they go to stdout;
// the one-line summary goes to stderr.
int run_validate(const ValidateOptions& options)
{
  const auto schema = load_schema_checked(options.data.schema);
  Diagnostics diagnostics;
  const auto dataset =
      data::load_dataset(options.data.data, schema, load_options(options.data), diagnostics);
  diagnostics.sort();
  if (options.format == "json") {
    print_json(diagnostics);
  } else {
    std::fputs(diagnostics.format().c_str(), stdout);
  }
  std::string summary = fmt::format("validate: {}, {}", plural(diagnostics.error_count(), "error"),
                                    plural(diagnostics.warning_count(), "warning"));
  if (dataset) {
    summary += fmt::format(" in {}", plural(dataset->organization_count(), "organization"));
    if (const auto absent = dataset->table_names(true); !absent.empty()) {
      summary += fmt::format("; absent tables, unknown to every rule that reads them: {}",
                             fmt::join(absent, ", "));
    }
  }
  fmt::print(stderr, "{}\n", summary);
  return diagnostics.has_errors() ? static_cast<int>(ExitCode::invalid_data) : 0;
}

} // namespace

void add_validate_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* sub = app.add_subcommand("validate", "check a dataset against the schema (SPEC §2.2)");
  add_data_options(*sub, options->data, true, false);
  sub->add_option("--format", options->format, "text (compiler-style lines) or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->callback(
      [&command, options] { command.action = [options] { return run_validate(*options); }; });
}

} // namespace orgaudit::cli
