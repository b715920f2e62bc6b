#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>

namespace orgaudit::cli {

// A progress bar on stderr for runs over about a second. Safe to update from
// the engine's worker threads; draws at most ten times a second and clears
// its line when destroyed.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(std::size_t done, std::size_t total);

 private:
  bool m_enabled;
  bool m_drawn = false;
  std::mutex m_mutex;
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_last;
};

} // namespace orgaudit::cli
