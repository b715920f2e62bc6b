#pragma once

#include <cstdint>
#include <string>

#include <orgaudit/common.hpp>

// What validate, import and sample do once their options are bound
// (cmd_validate, cmd_import, cmd_sample): each returns the process exit code.
namespace orgaudit::cli {

struct ValidateOptions {
  DataOptions data;
  std::string format = "text"; // text or json
};

// Prints every diagnostic of the dataset on stdout and a summary on stderr;
// exit 4 if there is an error.
int run_validate(const ValidateOptions& options);

struct ImportOptions {
  DataOptions data;
  std::string to;
  bool force = false;
};

// Validates the dataset and writes it as the SQLite file `to`.
int run_import(const ImportOptions& options);

struct SampleCommandOptions {
  long long organizations = 0;
  std::uint64_t seed = 1;
  std::string as_of;
  std::string out;
  bool quiet = false;
};

// Writes a synthetic dataset (SPEC §9) into `out`.
int run_sample(const SampleCommandOptions& options);

} // namespace orgaudit::cli
