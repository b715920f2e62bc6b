#include <orgaudit/core/interrupt.hpp>

#include <atomic>
#include <csignal>
#include <string>

#include <fmt/format.h>

namespace orgaudit {

namespace {

// Written only by the handler; lock-free, so reading it from any thread and
// writing it from the handler is safe.
std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void record_signal(int signal)
{
  g_signal.store(signal, std::memory_order_relaxed);
}

std::string signal_name(int signal)
{
  return signal == SIGINT    ? "SIGINT"
         : signal == SIGTERM ? "SIGTERM"
                             : fmt::format("signal {}", signal);
}

} // namespace

Interrupted::Interrupted(int signal) : Interrupted(signal, "no output was changed") {}

Interrupted::Interrupted(int signal, std::string_view outcome)
    : Error(ExitCode::interrupted,
            fmt::format("interrupted ({}); {}", signal_name(signal), outcome)),
      m_signal(signal)
{
}

void install_interrupt_handlers()
{
  struct sigaction action {};
  action.sa_handler = record_signal;
  sigemptyset(&action.sa_mask);
  // SA_RESETHAND: a second Ctrl-C (or kill) ends the process the usual way.
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int interrupt_signal()
{
  return g_signal.load(std::memory_order_relaxed);
}

} // namespace orgaudit
