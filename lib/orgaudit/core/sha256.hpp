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
  // `automatic` uses the CPU's SHA extensions when it has them; `portable`
  // never does (tests compare the two).
  enum class Implementation : std::uint8_t { automatic, portable };

  explicit Sha256(Implementation implementation = Implementation::automatic);

  // Whether this CPU has the x86 SHA extensions.
  static bool hardware_available();

  // Feeds more bytes; may be called any number of times before hex_digest().
  void update(std::string_view data);

  // The digest of everything fed so far as 64 lower-case hex digits; the
  // object must not be updated afterwards.
  std::string hex_digest();

 private:
  using Compress = void (*)(std::uint32_t* state, const unsigned char* bytes, std::size_t blocks);

  std::array<std::uint32_t, 8> m_state;
  Compress m_compress;
  std::array<unsigned char, 64> m_buffer{};
  std::size_t m_buffered = 0;
  std::uint64_t m_length = 0;
};

// The SHA-256 of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

} // namespace orgaudit
