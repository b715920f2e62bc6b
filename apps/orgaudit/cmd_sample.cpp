#include <memory>

#include <CLI/CLI.hpp>

#include <orgaudit/cli.hpp>
#include <orgaudit/data_commands.hpp>

namespace orgaudit::cli {

void add_sample_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<SampleCommandOptions>();
  CLI::App* sub =
      add_command(app, command, "sample",
                  "Write a synthetic dataset (deterministic for the same --orgs, --seed, --as-of)",
                  [options] { return run_sample(*options); });
  sub->add_option("--orgs", options->organizations, "Number of organizations (≥ 1)")->required();
  sub->add_option("--seed", options->seed, "Random seed")->capture_default_str();
  add_as_of_option(*sub, options->as_of,
                   "Date the data describes (YYYY-MM-DD; default today in Asia/Shanghai)");
  sub->add_option("--out", options->out, "Output directory (created if missing)")->required();
  sub->add_flag("--quiet,-q", options->quiet, "Print no summary");
}

} // namespace orgaudit::cli
