#pragma once

#include <filesystem>
#include <functional>

namespace orgaudit {

// An exclusive advisory lock (flock) on a directory, held for the object's
// lifetime, so that two orgaudit processes writing into the same directory
// take turns instead of mixing their files. The lock is on the directory
// itself, so no lock file is left behind, and the kernel releases it when a
// process dies, however it dies.
class DirectoryLock {
 public:
  // Takes the lock, waiting while another process holds it (`on_wait` is
  // called once when it has to wait). Throws Interrupted when SIGINT or
  // SIGTERM arrives while waiting. Where the directory cannot be opened or its
  // file system cannot lock, nothing is held and the caller goes on as it
  // would without a lock (writing will report a directory that is unusable).
  explicit DirectoryLock(const std::filesystem::path& directory,
                         const std::function<void()>& on_wait = {});
  ~DirectoryLock();
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;

  // Whether the lock is held.
  bool held() const { return m_fd >= 0; }

 private:
  int m_fd = -1;
};

} // namespace orgaudit
