#pragma once

#include <cstdint>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/core/file_reader.hpp>

namespace orgaudit::data {

// The dataset's SHA-256, as reports and the run history name the data: over
// each input file, in table order, its name's length and name, its size and
// its own SHA-256. It is worked out when first asked for, reading the files
// again (several at a time), so that commands that never show it (`validate`,
// `score --format jsonl`) do not pay for hashing gigabytes; a file that
// changed since it was loaded (size, modification time or inode) is an I/O
// error rather than a digest of other bytes.
class InputFingerprint {
 public:
  InputFingerprint() = default;
  // A fingerprint whose digest is known already (data that came from no file).
  explicit InputFingerprint(std::string digest);

  // Records an input file as loaded: on disk with its identity, or in memory
  // (a built-in file), whose bytes must outlive this object.
  void add_file(std::string name, std::string path, std::optional<FileIdentity> identity);
  // Hashes up to `jobs` files at once (0: one per core).
  void set_jobs(unsigned jobs) { m_jobs = jobs; }

  // The digest as 64 lower-case hex digits. Safe to call from several threads;
  // throws IoError if a file cannot be read again or changed.
  const std::string& digest() const;

 private:
  struct Input {
    std::string name;
    std::string path;
    std::optional<FileIdentity> identity;
  };

  std::vector<Input> m_inputs;
  unsigned m_jobs = 0;
  mutable std::once_flag m_once;
  mutable std::string m_digest;
  mutable std::exception_ptr m_failure;
};

} // namespace orgaudit::data
