#pragma once

#include <string_view>

#include <orgaudit/core/error.hpp>

namespace orgaudit {

// Thrown by check_interrupted() once SIGINT or SIGTERM arrived: the command
// unwinds (temporary files are removed by their owners' destructors, open
// transactions roll back) and exits 130 (SPEC §5).
class Interrupted : public Error {
 public:
  // The message says that no output was changed.
  explicit Interrupted(int signal);
  // The message says `outcome` instead: what was done before the signal came.
  Interrupted(int signal, std::string_view outcome);
  int signal() const { return m_signal; }

 private:
  int m_signal;
};

// Installs handlers for SIGINT and SIGTERM that only record the signal (the
// handler does no other work); long-running work notices it at its next
// check_interrupted(). A second signal ends the process at once, as usual.
// Called once, by the command line before a command runs.
void install_interrupt_handlers();

// The signal that arrived (SIGINT or SIGTERM), or 0 if none did.
int interrupt_signal();

// Throws Interrupted if SIGINT or SIGTERM arrived. Cheap enough to call per
// row or per output chunk.
inline void check_interrupted()
{
  if (interrupt_signal() != 0) [[unlikely]] {
    throw Interrupted(interrupt_signal());
  }
}

} // namespace orgaudit
