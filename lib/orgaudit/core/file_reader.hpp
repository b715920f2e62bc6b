#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orgaudit {

// What identifies one version of a file on disk: if any of these differ, the
// file may hold other bytes.
struct FileIdentity {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t modified_ns = 0;
  std::int64_t changed_ns = 0;

  bool operator==(const FileIdentity&) const = default;
};

// A file read piece by piece at any offset, so that a large one is never held
// in memory whole: from disk with pread(2) into the caller's buffer, or from
// memory for a built-in file or text held by the reader (e.g. decoded from
// GB18030). Reading into a reused buffer is what makes this fast on virtual
// machines: mapping a file costs a page fault per 4 KiB there, several times
// what copying it costs. Reads from several threads at once are safe.
class FileReader {
 public:
  // Opens `path` ("builtin:…" names a file built into the binary). Throws
  // IoError naming the path when it cannot be opened.
  explicit FileReader(const std::string& path);
  // A reader of `text`, which it keeps.
  static FileReader of_text(std::string text);

  FileReader(FileReader&& other) noexcept;
  FileReader& operator=(FileReader&& other) noexcept;
  FileReader(const FileReader&) = delete;
  FileReader& operator=(const FileReader&) = delete;
  ~FileReader();

  std::uint64_t size() const { return m_size; }
  // Copies `count` bytes from `offset` to `out` (fewer at the end of the
  // file); returns how many. Throws IoError on a read error.
  std::size_t read_at(std::uint64_t offset, std::size_t count, char* out) const;
  // The whole contents when they are in memory (built-in or kept text).
  std::optional<std::string_view> in_memory() const;
  // The file's identity when opened; nullopt for bytes in memory.
  const std::optional<FileIdentity>& identity() const { return m_identity; }
  const std::string& path() const { return m_path; }

 private:
  FileReader() = default;

  std::string m_path;
  int m_fd = -1;
  std::uint64_t m_size = 0;
  std::string_view m_builtin; // the contents of a built-in file
  std::string m_kept;         // the bytes of of_text
  enum class Where : std::uint8_t { disk, builtin, kept } m_where = Where::disk;
  std::optional<FileIdentity> m_identity;
};

// The identity of the open file `fd`. Throws IoError naming `path` on failure.
FileIdentity identity_of(int fd, const std::string& path);

} // namespace orgaudit
