#include <orgaudit/core/file.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <orgaudit/core/builtin.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/core/interrupt.hpp>
#include <orgaudit/core/parallel.hpp>

namespace orgaudit {

namespace {

const BuiltinFile* find_builtin(std::string_view path)
{
  if (!path.starts_with(builtin_prefix)) {
    return nullptr;
  }
  path.remove_prefix(builtin_prefix.size());
  auto files = builtin_files();
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const BuiltinFile& f, std::string_view p) { return f.path < p; });
  return it != files.end() && it->path == path ? &*it : nullptr;
}

std::string errno_text()
{
  return std::strerror(errno);
}

} // namespace

std::optional<std::string_view> builtin_contents(std::string_view path)
{
  if (const BuiltinFile* file = find_builtin(path)) {
    return file->contents;
  }
  return std::nullopt;
}

std::uintmax_t file_size_or_zero(const std::string& path)
{
  if (const BuiltinFile* file = find_builtin(path)) {
    return file->contents.size();
  }
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

std::string read_file(const std::string& path)
{
  if (path.starts_with(builtin_prefix)) {
    if (const BuiltinFile* file = find_builtin(path)) {
      return std::string(file->contents);
    }
    throw IoError(fmt::format("{}: no such built-in file", path));
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw IoError(fmt::format("{}: is a directory, expected a file", path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw IoError(fmt::format("{}: cannot open: {}", path, errno_text()));
  }
  std::string contents;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size > 0) {
    contents.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(contents.data(), size);
  } else {
    // Pipes and /proc files report no size; read them as a stream.
    in.clear();
    in.seekg(0);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    contents = buffer.str();
  }
  if (in.bad()) {
    throw IoError(fmt::format("{}: read error: {}", path, errno_text()));
  }
  return contents;
}

bool file_exists(const std::string& path)
{
  if (path.starts_with(builtin_prefix)) {
    return find_builtin(path) != nullptr;
  }
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

bool path_taken(const std::string& path)
{
  if (path.starts_with(builtin_prefix)) {
    return find_builtin(path) != nullptr;
  }
  struct stat entry {};
  return ::lstat(path.c_str(), &entry) == 0;
}

std::optional<std::string> not_a_regular_file(const std::string& path)
{
  struct stat entry {};
  if (path.starts_with(builtin_prefix) || ::lstat(path.c_str(), &entry) != 0) {
    return std::nullopt;
  }
  if (S_ISLNK(entry.st_mode)) {
    std::error_code ec;
    const std::filesystem::path target = std::filesystem::read_symlink(path, ec);
    if (::stat(path.c_str(), &entry) != 0) {
      return errno == ELOOP
                 ? std::string("is a symbolic link in a loop of links")
                 : fmt::format("is a symbolic link to {}, which does not exist", target.string());
    }
  }
  if (S_ISREG(entry.st_mode)) {
    return std::nullopt;
  }
  if (S_ISDIR(entry.st_mode)) {
    return std::string("is a directory, not a file");
  }
  if (S_ISFIFO(entry.st_mode)) {
    return std::string("is a named pipe (FIFO), not a regular file");
  }
  if (S_ISSOCK(entry.st_mode)) {
    return std::string("is a socket, not a regular file");
  }
  return std::string("is a device, not a regular file");
}

std::string resolve_relative(const std::string& base, const std::string& relative)
{
  if (relative.starts_with(builtin_prefix) || std::filesystem::path(relative).is_absolute()) {
    return relative;
  }
  if (base.starts_with(builtin_prefix)) {
    std::string_view rest = std::string_view(base).substr(builtin_prefix.size());
    const auto slash = rest.rfind('/');
    std::filesystem::path dir =
        slash == std::string_view::npos ? "" : std::string(rest.substr(0, slash));
    return std::string(builtin_prefix) + (dir / relative).lexically_normal().generic_string();
  }
  return (std::filesystem::path(base).parent_path() / relative).lexically_normal().string();
}

unsigned default_file_mode()
{
  // umask() can only be read by setting it; do it once, before any thread
  // could create a file.
  static const unsigned mode = [] {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666u & ~static_cast<unsigned>(mask);
  }();
  return mode;
}

AtomicFile::AtomicFile(std::filesystem::path target) : m_target(std::move(target))
{
  std::filesystem::path dir = m_target.parent_path();
  if (dir.empty()) {
    dir = ".";
  }
  // GCC 12 misreports `"." + name` under -Wrestrict; build the name in steps.
  std::string name = ".";
  name += m_target.filename().string();
  name += ".tmp-XXXXXX";
  std::string pattern = (dir / name).string();
  const unsigned mode = default_file_mode();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    throw IoError(fmt::format("{}: cannot create: {}", m_target.string(), errno_text()));
  }
  // mkstemp creates 0600; reports are ordinary files.
  ::fchmod(fd, static_cast<mode_t>(mode));
  m_temporary = pattern;
  m_file = ::fdopen(fd, "wb");
  if (m_file == nullptr) {
    ::close(fd);
    std::filesystem::remove(m_temporary);
    throw IoError(fmt::format("{}: cannot create: {}", m_target.string(), errno_text()));
  }
}

AtomicFile::~AtomicFile()
{
  if (m_file != nullptr) {
    std::fclose(m_file);
  }
  if (m_state == State::writing) {
    std::error_code ec;
    std::filesystem::remove(m_temporary, ec);
  } else if (m_state != State::done) {
    roll_back();
  }
}

void AtomicFile::write(std::string_view data)
{
  check_interrupted();
  if (!data.empty() && std::fwrite(data.data(), 1, data.size(), m_file) != data.size()) {
    throw IoError(fmt::format("{}: write failed: {}", m_target.string(), errno_text()));
  }
}

void AtomicFile::close()
{
  const bool flushed = std::fflush(m_file) == 0;
  struct stat written {};
  const bool stated = ::fstat(::fileno(m_file), &written) == 0;
  const bool closed = std::fclose(m_file) == 0;
  m_file = nullptr;
  if (!flushed || !closed || !stated) {
    throw IoError(fmt::format("{}: write failed: {}", m_target.string(), errno_text()));
  }
  m_inode = static_cast<unsigned long>(written.st_ino);
}

void AtomicFile::commit()
{
  put_in_place();
  finish();
}

void AtomicFile::put_in_place()
{
  close();
  // Replacing an existing file: swap the two atomically, then (in finish)
  // remove the old one. A plain rename over an existing file makes ext4 write
  // the new file's data out before returning (its guard for programs that do
  // not fsync), which costs a report run tens of milliseconds per large file;
  // the exchange is just as atomic for readers, leaves the writing to the
  // kernel's usual schedule, and keeps the old file for a roll back. Where
  // there is no file to swap with (nothing, or a directory), or the file
  // system cannot swap, it is a plain rename.
  struct stat existing {};
  if (::lstat(m_target.c_str(), &existing) == 0 &&
      (S_ISREG(existing.st_mode) || S_ISLNK(existing.st_mode)) &&
      ::renameat2(AT_FDCWD, m_temporary.c_str(), AT_FDCWD, m_target.c_str(), RENAME_EXCHANGE) ==
          0) {
    m_state = State::placed_over_old;
    return;
  }
  std::error_code ec;
  std::filesystem::rename(m_temporary, m_target, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(m_temporary, ignored);
    m_state = State::done;
    throw IoError(fmt::format("{}: cannot write: {}", m_target.string(), ec.message()));
  }
  m_state = State::placed_new;
}

void AtomicFile::finish()
{
  if (m_state == State::placed_over_old) {
    std::error_code ignored;
    std::filesystem::remove(m_temporary, ignored);
  }
  m_state = State::done;
}

void AtomicFile::roll_back() noexcept
{
  if (m_state == State::placed_over_old) {
    // Swap back: the old file returns to the target, the new one is removed.
    if (::renameat2(AT_FDCWD, m_temporary.c_str(), AT_FDCWD, m_target.c_str(), RENAME_EXCHANGE) ==
        0) {
      std::error_code ignored;
      std::filesystem::remove(m_temporary, ignored);
    }
  } else if (m_state == State::placed_new) {
    // Remove the new file, unless something else has taken its place since.
    struct stat current {};
    if (::lstat(m_target.c_str(), &current) == 0 &&
        static_cast<unsigned long>(current.st_ino) == m_inode) {
      ::unlink(m_target.c_str());
    }
  } else if (m_state == State::writing) {
    std::error_code ignored;
    std::filesystem::remove(m_temporary, ignored);
  }
  m_state = State::done;
}

void commit_together(const std::vector<AtomicFile*>& files, unsigned jobs)
{
  try {
    for_each_parallel(files.size(), jobs, [&](std::size_t i) { files[i]->put_in_place(); });
  } catch (...) {
    for (AtomicFile* file : files) {
      file->roll_back();
    }
    throw;
  }
  // Deleting a large replaced report takes a moment: in parallel too.
  for_each_parallel(files.size(), jobs, [&](std::size_t i) { files[i]->finish(); });
}

void write_file_atomic(const std::filesystem::path& path, std::string_view data)
{
  AtomicFile file(path);
  file.write(data);
  file.commit();
}

} // namespace orgaudit
