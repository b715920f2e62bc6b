#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

// What `history` and `diff` do once their options are bound (cmd_history,
// cmd_diff): each returns the process exit code.
namespace orgaudit::cli {

struct HistoryCommandOptions {
  std::string db;
  std::string org;
  std::string format = "text";
  std::string lang = "zh";
};

// Lists the recorded runs, or one organization's trend with --org.
int run_history(const HistoryCommandOptions& options);

struct DiffOptions {
  std::string db;
  std::int64_t from = 0; // 0: the run before --to
  std::int64_t to = 0;   // 0: the latest run
  std::vector<std::string> formats;
  std::string output;
  std::string lang = "zh";
  std::string fail_on_new;
  std::size_t limit = 100;
  bool bom = false;
  bool quiet = false;
};

// Compares two recorded runs (by default the last two) in each format asked
// for; exit 1 with --fail-on-new when the later run has new findings at or
// above it.
int run_diff(const DiffOptions& options);

} // namespace orgaudit::cli
