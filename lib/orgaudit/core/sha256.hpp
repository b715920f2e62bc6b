#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace orgaudit {

// An incremental SHA-256 (FIPS 180-4), used to fingerprint input datasets so
// that a recorded run names exactly the data it scored.
class Sha256 {
 public:
  Sha256();

  // Feeds more bytes; may be called any number of times before hex_digest().
  void update(std::string_view data);

  // The digest of everything fed so far as 64 lower-case hex digits; the
  // object must not be updated afterwards.
  std::string hex_digest();

 private:
  void compress(const unsigned char* block);

  std::array<std::uint32_t, 8> m_state;
  std::array<unsigned char, 64> m_buffer{};
  std::size_t m_buffered = 0;
  std::uint64_t m_length = 0;
};

// The SHA-256 of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

} // namespace orgaudit
