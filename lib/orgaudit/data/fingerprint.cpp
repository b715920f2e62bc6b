#include <orgaudit/data/fingerprint.hpp>

#include <fmt/format.h>

#include <orgaudit/core/big_vector.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/core/parallel.hpp>
#include <orgaudit/core/sha256.hpp>

namespace orgaudit::data {

namespace {

constexpr std::size_t piece = std::size_t{4} << 20;

// The SHA-256 of one input and its size, checking that a file on disk is
// still the one that was loaded.
std::pair<std::string, std::uint64_t> hash_input(const std::string& path,
                                                 const std::optional<FileIdentity>& identity)
{
  const FileReader reader(path);
  const auto changed = [&] {
    return IoError(fmt::format("{}: changed while it was being audited; run again", path));
  };
  if (identity && reader.identity() != identity) {
    throw changed();
  }
  Sha256 hash;
  if (const auto memory = reader.in_memory()) {
    hash.update(*memory);
    return {hash.hex_digest(), memory->size()};
  }
  BigVector<char> buffer;
  buffer.resize(piece, 0);
  std::uint64_t offset = 0;
  while (offset < reader.size()) {
    const std::size_t got = reader.read_at(offset, piece, buffer.data());
    if (got == 0) {
      break;
    }
    hash.update(std::string_view(buffer.data(), got));
    offset += got;
  }
  if (offset != reader.size()) {
    throw changed();
  }
  return {hash.hex_digest(), offset};
}

} // namespace

InputFingerprint::InputFingerprint(std::string digest) : m_digest(std::move(digest))
{
  std::call_once(m_once, [] {});
}

void InputFingerprint::add_file(std::string name, std::string path,
                                std::optional<FileIdentity> identity)
{
  m_inputs.push_back({std::move(name), std::move(path), identity});
}

const std::string& InputFingerprint::digest() const
{
  std::call_once(m_once, [&] {
    try {
      std::vector<std::pair<std::string, std::uint64_t>> files(m_inputs.size());
      for_each_parallel(m_inputs.size(), m_jobs, [&](std::size_t i) {
        files[i] = hash_input(m_inputs[i].path, m_inputs[i].identity);
      });
      Sha256 combined;
      for (std::size_t i = 0; i < m_inputs.size(); ++i) {
        // Length-prefixed, so that moving bytes between a name and the next changes the digest.
        const std::string& name = m_inputs[i].name;
        combined.update(
            fmt::format("{}:{}\n{}\n{}\n", name.size(), name, files[i].second, files[i].first));
      }
      m_digest = combined.hex_digest();
    } catch (...) {
      m_failure = std::current_exception();
    }
  });
  if (m_failure) {
    std::rethrow_exception(m_failure);
  }
  return m_digest;
}

} // namespace orgaudit::data
