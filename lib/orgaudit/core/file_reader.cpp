#include <orgaudit/core/file_reader.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <orgaudit/core/builtin.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/core/file.hpp>

namespace orgaudit {

FileIdentity identity_of(int fd, const std::string& path)
{
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    throw IoError(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  }
  FileIdentity identity;
  identity.device = static_cast<std::uint64_t>(info.st_dev);
  identity.inode = static_cast<std::uint64_t>(info.st_ino);
  identity.size = static_cast<std::uint64_t>(info.st_size);
  identity.modified_ns =
      static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
  identity.changed_ns =
      static_cast<std::int64_t>(info.st_ctim.tv_sec) * 1000000000 + info.st_ctim.tv_nsec;
  return identity;
}

FileReader::FileReader(const std::string& path) : m_path(path)
{
  if (path.starts_with(builtin_prefix)) {
    const auto contents = builtin_contents(path);
    if (!contents) {
      throw IoError(fmt::format("{}: no such built-in file", path));
    }
    m_builtin = *contents;
    m_size = contents->size();
    m_where = Where::builtin;
    return;
  }
  m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (m_fd < 0) {
    throw IoError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  }
  m_identity = identity_of(m_fd, path);
  m_size = m_identity->size;
  // The file is read once, front to back, in large pieces.
  ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
}

FileReader FileReader::of_text(std::string text)
{
  FileReader reader;
  reader.m_size = text.size();
  reader.m_kept = std::move(text);
  reader.m_where = Where::kept;
  return reader;
}

FileReader::FileReader(FileReader&& other) noexcept
    : m_path(std::move(other.m_path)), m_fd(std::exchange(other.m_fd, -1)), m_size(other.m_size),
      m_builtin(other.m_builtin), m_kept(std::move(other.m_kept)), m_where(other.m_where),
      m_identity(other.m_identity)
{
}

FileReader& FileReader::operator=(FileReader&& other) noexcept
{
  if (this != &other) {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    m_path = std::move(other.m_path);
    m_fd = std::exchange(other.m_fd, -1);
    m_size = other.m_size;
    m_builtin = other.m_builtin;
    m_kept = std::move(other.m_kept);
    m_where = other.m_where;
    m_identity = other.m_identity;
  }
  return *this;
}

FileReader::~FileReader()
{
  if (m_fd >= 0) {
    ::close(m_fd);
  }
}

std::optional<std::string_view> FileReader::in_memory() const
{
  switch (m_where) {
  case Where::builtin:
    return m_builtin;
  case Where::kept:
    return std::string_view(m_kept);
  case Where::disk:
    break;
  }
  return std::nullopt;
}

std::size_t FileReader::read_at(std::uint64_t offset, std::size_t count, char* out) const
{
  if (offset >= m_size) {
    return 0;
  }
  count = static_cast<std::size_t>(std::min<std::uint64_t>(count, m_size - offset));
  if (const auto memory = in_memory()) {
    std::memcpy(out, memory->data() + offset, count);
    return count;
  }
  std::size_t done = 0;
  while (done < count) {
    const ssize_t got = ::pread(m_fd, out + done, count - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      throw IoError(fmt::format("{}: cannot read: {}", m_path, std::strerror(errno)));
    }
    if (got == 0) {
      break; // the file shrank while it was read
    }
    done += static_cast<std::size_t>(got);
  }
  return done;
}

} // namespace orgaudit
