#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <orgaudit/cli.hpp>
#include <orgaudit/core/date.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/sample/generator.hpp>

namespace orgaudit::cli {

namespace {

struct SampleCommandOptions {
  long long organizations = 0;
  std::uint64_t seed = 1;
  std::string as_of;
  std::string out;
  bool quiet = false;
};

// Today's civil date (UTC): the clock is read here, in the app, never in lib/.
Date today()
{
  const auto now = std::chrono::system_clock::now();
  const auto days = std::chrono::floor<std::chrono::days>(now);
  return Date{static_cast<std::int32_t>(days.time_since_epoch().count())};
}

int run_sample(const SampleCommandOptions& options)
{
  Date as_of = today();
  if (!options.as_of.empty()) {
    const auto parsed = parse_date(options.as_of);
    if (!parsed) {
      throw UsageError("--as-of: not a date: \"" + options.as_of + "\" (expected YYYY-MM-DD)");
    }
    as_of = *parsed;
  }
  sample::SampleOptions sample_options;
  // A negative count is as short of one organization as 0 is.
  sample_options.organizations =
      options.organizations < 1 ? 0 : static_cast<std::size_t>(options.organizations);
  sample_options.seed = options.seed;
  sample_options.as_of = as_of;

  const auto start = std::chrono::steady_clock::now();
  const auto summary = sample::write_sample(sample_options, options.out);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  if (!options.quiet) {
    fmt::print(stderr, "sample: {} organizations, {} child rows → {} ({:.2f} s)\n",
               summary.organizations, summary.child_rows, options.out, elapsed.count());
  }
  return static_cast<int>(ExitCode::ok);
}

} // namespace

void add_sample_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<SampleCommandOptions>();
  auto* sub = app.add_subcommand(
      "sample", "Write a synthetic dataset (deterministic for the same --orgs, --seed, --as-of)");
  sub->add_option("--orgs", options->organizations, "Number of organizations (≥ 1)")->required();
  sub->add_option("--seed", options->seed, "Random seed")->capture_default_str();
  sub->add_option("--as-of", options->as_of, "Date the data describes (YYYY-MM-DD; default today)");
  sub->add_option("--out", options->out, "Output directory (created if missing)")->required();
  sub->add_flag("--quiet,-q", options->quiet, "Print no summary");
  sub->callback(
      [options, &command] { command.action = [options] { return run_sample(*options); }; });
}

} // namespace orgaudit::cli
