#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace orgaudit {

// The whole contents of `path`. A path starting with "builtin:" names a file
// built into the binary (core/builtin.hpp). Throws IoError naming the path.
std::string read_file(const std::string& path);

// True if `path` names an existing file, on disk or built in.
bool file_exists(const std::string& path);

// The size of the file `path` in bytes (on disk or built in), or 0 if unknown.
std::uintmax_t file_size_or_zero(const std::string& path);

// Joins a path relative to the file `base` (as rule sets name their schema):
// "builtin:rules/x.yaml" + "schema/s.yaml" gives "builtin:rules/schema/s.yaml".
std::string resolve_relative(const std::string& base, const std::string& relative);

// A file written under a temporary name in the target's directory and renamed
// onto the target by commit(), so a failed or interrupted run never leaves a
// half-written file. Destroying it uncommitted removes the temporary file.
// Every failure throws IoError naming the target path.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view data);
  void commit();

  const std::filesystem::path& temporary_path() const { return m_temporary; }
  const std::filesystem::path& target_path() const { return m_target; }

 private:
  std::filesystem::path m_target;
  std::filesystem::path m_temporary;
  std::FILE* m_file = nullptr;
  bool m_committed = false;
};

// Writes `data` to `path` atomically (AtomicFile).
void write_file_atomic(const std::filesystem::path& path, std::string_view data);

} // namespace orgaudit
