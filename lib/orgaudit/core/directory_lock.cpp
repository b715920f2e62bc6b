#include <orgaudit/core/directory_lock.hpp>

#include <cerrno>
#include <ctime>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <orgaudit/core/interrupt.hpp>

namespace orgaudit {

DirectoryLock::DirectoryLock(const std::filesystem::path& directory,
                             const std::function<void()>& on_wait)
{
  m_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  bool waited = false;
  // Polling rather than a blocking flock: a signal that arrives just before a
  // blocking call would otherwise go unnoticed until the other run finishes.
  while (m_fd >= 0 && ::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      ::close(m_fd); // a file system without locks (ENOLCK, EOPNOTSUPP)
      m_fd = -1;
      break;
    }
    if (!waited && on_wait) {
      on_wait();
    }
    waited = true;
    if (interrupt_signal() != 0) {
      ::close(m_fd);
      m_fd = -1;
      check_interrupted();
    }
    const timespec pause{0, 50L * 1000L * 1000L};
    ::nanosleep(&pause, nullptr);
  }
}

DirectoryLock::~DirectoryLock()
{
  if (m_fd >= 0) {
    ::close(m_fd); // releases the lock
  }
}

} // namespace orgaudit
