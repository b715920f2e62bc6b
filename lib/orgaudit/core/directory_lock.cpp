#include <orgaudit/core/directory_lock.hpp>

#include <cerrno>
#include <cstring>
#include <ctime>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fmt/format.h>

#include <orgaudit/core/error.hpp>
#include <orgaudit/core/interrupt.hpp>

namespace orgaudit {

DirectoryLock::DirectoryLock(const std::filesystem::path& directory,
                             const std::function<void()>& on_wait)
{
  m_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (m_fd < 0) {
    throw IoError(fmt::format("{}: cannot open the output directory: {}", directory.string(),
                              std::strerror(errno)));
  }
  bool waited = false;
  // Polling rather than a blocking flock: a signal that arrives just before a
  // blocking call would otherwise go unnoticed until the other run finishes.
  while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      const std::string reason = std::strerror(errno);
      ::close(m_fd);
      throw IoError(
          fmt::format("{}: cannot lock the output directory: {}", directory.string(), reason));
    }
    if (!waited && on_wait) {
      on_wait();
    }
    waited = true;
    if (interrupt_signal() != 0) {
      ::close(m_fd);
      check_interrupted();
    }
    const timespec pause{0, 50L * 1000L * 1000L};
    ::nanosleep(&pause, nullptr);
  }
}

DirectoryLock::~DirectoryLock()
{
  ::close(m_fd); // releases the lock
}

} // namespace orgaudit
