#include <orgaudit/cli.hpp>

#include <csignal>
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <orgaudit/common.hpp>
#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/core/interrupt.hpp>

namespace orgaudit::cli {

namespace {

constexpr const char* description =
    "orgaudit — integrity and compliance audits of Chinese social organizations\n"
    "(社会团体, 社会服务机构, 基金会, 行业协会商会).";

constexpr const char* examples = R"(Examples:
  orgaudit audit                                   # built-in Huzhou sample → audit-report/
  orgaudit validate --data samples/huzhou          # check a dataset, compiler-style messages
  orgaudit import --data exports/ --to orgs.db     # CSV/JSONL → SQLite
  orgaudit audit --db runs.db --record             # remember this run
  orgaudit diff --db runs.db --fail-on-new high    # what changed since the last run
Exit codes: 0 ok · 1 threshold reached · 2 usage · 3 invalid rules · 4 invalid data · 5 I/O · 130 interrupted)";

void print_diagnostics(const Diagnostics& diagnostics, std::size_t limit)
{
  std::fputs(diagnostics.format(limit).c_str(), stderr);
}

} // namespace

CLI::App* add_command(CLI::App& parent, Command& command, const std::string& name,
                      const std::string& description, std::function<int()> action)
{
  CLI::App* sub = parent.add_subcommand(name, description);
  sub->callback([&command, action = std::move(action)] { command.action = action; });
  return sub;
}

int run(std::vector<std::string> args)
{
  CLI::App app{description, "orgaudit"};
  app.set_version_flag("--version", std::string("orgaudit ") + ORGAUDIT_VERSION);
  app.footer(examples);
  app.require_subcommand(1);
  app.fallthrough(false);

  Command command;
  add_audit_command(app, command);
  add_score_command(app, command);
  add_flag_command(app, command);
  add_report_command(app, command);
  add_explain_command(app, command);
  add_validate_command(app, command);
  add_import_command(app, command);
  add_rules_command(app, command);
  add_history_command(app, command);
  add_diff_command(app, command);
  add_sample_command(app, command);

  try {
    // CLI11 wants the arguments without the program name, last first.
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    if (!reversed.empty()) {
      reversed.pop_back();
    }
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with exit code 0 in CLI11.
    const int code = app.exit(e);
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr &&
        std::string_view(e.what()).find("--data") != std::string_view::npos) {
      fmt::print(stderr, "To try it on the built-in sample: --data {}\n", builtin_sample_path);
    }
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  }

  try {
    return command.action ? command.action() : static_cast<int>(ExitCode::usage);
  } catch (const Interrupted& e) {
    fmt::print(stderr, "orgaudit: {}\n", e.what());
    return static_cast<int>(e.code());
  } catch (const RulesError& e) {
    print_diagnostics(e.diagnostics(), 0);
    return static_cast<int>(e.code());
  } catch (const DataError& e) {
    print_diagnostics(e.diagnostics(), 20);
    return static_cast<int>(e.code());
  } catch (const Error& e) {
    fmt::print(stderr, "orgaudit: error: {}\n", e.what());
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "orgaudit: error: out of memory\n");
    return static_cast<int>(ExitCode::io);
  } catch (const std::exception& e) {
    fmt::print(stderr, "orgaudit: internal error: {}\n", e.what());
    return static_cast<int>(ExitCode::io);
  }
}

int run(int argc, char** argv)
{
  install_interrupt_handlers();
  return run(std::vector<std::string>(argv, argv + argc));
}

} // namespace orgaudit::cli
