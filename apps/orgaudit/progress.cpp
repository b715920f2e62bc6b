#include <orgaudit/progress.hpp>

#include <cstdio>
#include <string>

#include <fmt/format.h>

namespace orgaudit::cli {

ProgressBar::ProgressBar(bool enabled)
    : m_enabled(enabled), m_start(std::chrono::steady_clock::now()), m_last(m_start)
{
}

ProgressBar::~ProgressBar()
{
  if (m_drawn) {
    std::fputs("\r\x1b[2K", stderr);
    std::fflush(stderr);
  }
}

void ProgressBar::update(std::size_t done, std::size_t total)
{
  if (!m_enabled || total == 0) {
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(m_mutex);
  if (now - m_start < std::chrono::seconds(1) || now - m_last < std::chrono::milliseconds(100)) {
    return;
  }
  m_last = now;
  constexpr std::size_t width = 40;
  const std::size_t filled = done * width / total;
  const std::string bar = std::string(filled, '#') + std::string(width - filled, '-');
  fmt::print(stderr, "\r[{}] {}/{} organizations", bar, done, total);
  std::fflush(stderr);
  m_drawn = true;
}

} // namespace orgaudit::cli
