#pragma once

#include <stdexcept>
#include <string>

namespace orgaudit {

// The process exit codes of SPEC §5, the same for every command and format.
enum class ExitCode : int {
  ok = 0,
  threshold = 1,     // ran; a --fail-on/--fail-below threshold was reached, or a rule test failed
  usage = 2,         // bad flags or arguments
  invalid_rules = 3, // invalid rule set, schema or waivers
  invalid_data = 4,  // invalid input data
  io = 5,            // I/O or storage failure
  interrupted = 130,
};

// An error that ends the command. It is thrown only for failures that stop the
// whole run (I/O, storage, invalid rule sets or data after their diagnostics
// were printed); per-organization evaluation problems are results, not
// exceptions. Caught once, in cli::run, and mapped to its exit code.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), m_code(code) {}

  ExitCode code() const { return m_code; }

 private:
  ExitCode m_code;
};

// Cannot read or write a file, or the history store failed (exit 5).
class IoError : public Error {
 public:
  explicit IoError(const std::string& message) : Error(ExitCode::io, message) {}
};

// Wrong arguments that CLI11 could not catch (exit 2).
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(ExitCode::usage, message) {}
};

} // namespace orgaudit
