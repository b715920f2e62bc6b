#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace orgaudit::cli {

// Runs the orgaudit command line and returns the process exit code (SPEC §5).
// Every exception is caught here, once, and mapped to its exit code.
int run(int argc, char** argv);
int run(std::vector<std::string> args);

// What a subcommand's setup gives back: the action to run once the command
// line parsed cleanly. Each cmd_*.cpp adds its subcommand through one
// add_*_command(CLI::App&, Command&) function.
struct Command {
  std::function<int()> action;
};

// Adds the subcommand `name` to `parent` and returns it for its options; once
// the command line parsed cleanly with it, `action` is what `command` runs.
CLI::App* add_command(CLI::App& parent, Command& command, const std::string& name,
                      const std::string& description, std::function<int()> action);

// `orgaudit rules check|test|show` (cmd_rules.cpp, cmd_rules_test.cpp).
void add_rules_command(CLI::App& app, Command& command);
void add_rules_test_command(CLI::App& rules, Command& command);

// `orgaudit score|flag|explain` (cmd_score.cpp, cmd_flag.cpp, cmd_explain.cpp).
void add_score_command(CLI::App& app, Command& command);
void add_flag_command(CLI::App& app, Command& command);
void add_explain_command(CLI::App& app, Command& command);

// `orgaudit report`: any formats, several in one run (cmd_report.cpp).
void add_report_command(CLI::App& app, Command& command);

// `orgaudit audit`: the main job, audit-report/ and a terminal summary (cmd_audit.cpp).
void add_audit_command(CLI::App& app, Command& command);

// `orgaudit validate`: checks a dataset and prints every problem (cmd_validate.cpp).
void add_validate_command(CLI::App& app, Command& command);

// `orgaudit import`: validates a dataset and writes it as a SQLite file (cmd_import.cpp).
void add_import_command(CLI::App& app, Command& command);

// `orgaudit history` and `orgaudit diff`: the runs recorded with --db --record
// (cmd_history.cpp, cmd_diff.cpp).
void add_history_command(CLI::App& app, Command& command);
void add_diff_command(CLI::App& app, Command& command);

// `orgaudit sample`: writes a synthetic dataset (SPEC §9).
void add_sample_command(CLI::App& app, Command& command);

} // namespace orgaudit::cli
