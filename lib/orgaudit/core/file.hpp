#pragma once

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgaudit {

// The whole contents of `path`. A path starting with "builtin:" names a file
// built into the binary (core/builtin.hpp). Throws IoError naming the path.
std::string read_file(const std::string& path);

// The contents of the built-in file `path` ("builtin:…", without copying
// them), or nullopt if it names none.
std::optional<std::string_view> builtin_contents(std::string_view path);

// True if `path` names an existing file, on disk or built in.
bool file_exists(const std::string& path);

// True if anything is at `path` (a file, directory, named pipe, even a
// symbolic link to nothing), on disk or built in.
bool path_taken(const std::string& path);

// Why `path` cannot be read as a file, found without opening it (a named pipe
// would block): "is a directory, not a file", "is a named pipe (FIFO), not a
// regular file", "is a symbolic link to X, which does not exist", …; nullopt
// for a regular file (or a link to one), a built-in file, or nothing at all.
std::optional<std::string> not_a_regular_file(const std::string& path);

// The size of the file `path` in bytes (on disk or built in), or 0 if unknown.
std::uintmax_t file_size_or_zero(const std::string& path);

// Joins a path relative to the file `base` (as rule sets name their schema):
// "builtin:rules/x.yaml" + "schema/s.yaml" gives "builtin:rules/schema/s.yaml".
std::string resolve_relative(const std::string& base, const std::string& relative);

// The permissions a new file gets: 0666 without the process's umask, as for
// any file a program creates.
unsigned default_file_mode();

// A file written under a temporary name in the target's directory and put in
// place by commit(), so a failed or interrupted run never leaves a
// half-written file. Destroying it uncommitted removes the temporary file (and,
// between put_in_place() and finish(), puts the previous file back). Every
// failure throws IoError naming the target path.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Appends `data`; throws Interrupted once SIGINT or SIGTERM arrived.
  void write(std::string_view data);
  // put_in_place() then finish().
  void commit();

  // Closes the file and moves it onto the target, keeping the file it replaced
  // until finish() deletes it or roll_back() restores it. Several files are
  // committed together this way (commit_together).
  void put_in_place();
  // Deletes the replaced file; the new one stays.
  void finish();
  // Undoes put_in_place(): the previous file (or nothing) is at the target
  // again. Never throws; a step that fails is left as it is.
  void roll_back() noexcept;

  const std::filesystem::path& temporary_path() const { return m_temporary; }
  const std::filesystem::path& target_path() const { return m_target; }

 private:
  enum class State { writing, placed_over_old, placed_new, done };
  void close();

  std::filesystem::path m_target;
  std::filesystem::path m_temporary;
  std::FILE* m_file = nullptr;
  State m_state = State::writing;
  unsigned long m_inode = 0; // of the new file, to recognise it when rolling back
};

// Commits `files` together: each is put in place (up to `jobs` at a time), and
// if any cannot be, those already placed are rolled back and the first
// failure is rethrown, so either all of them replace their targets or none.
void commit_together(const std::vector<AtomicFile*>& files, unsigned jobs);

// Writes `data` to `path` atomically (AtomicFile).
void write_file_atomic(const std::filesystem::path& path, std::string_view data);

} // namespace orgaudit
