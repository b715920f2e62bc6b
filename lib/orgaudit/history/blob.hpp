#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

// How the history store packs a row's number lists into BLOBs: fixed-width
// little-endian values, one after the other, whatever the host's byte order.
namespace orgaudit::history::blob {

// Packs `values` into `out`, replacing what it held (so that a loop can reuse one buffer).
template <typename T> void pack(const std::vector<T>& values, std::string& out)
{
  using Bits = std::conditional_t<sizeof(T) == 8, std::uint64_t, std::uint32_t>;
  out.clear();
  for (T value : values) {
    const auto bits = std::bit_cast<Bits>(value);
    for (std::size_t b = 0; b < sizeof(T); ++b) {
      out += static_cast<char>((bits >> (8 * b)) & 0xFF);
    }
  }
}

template <typename T> std::string pack(const std::vector<T>& values)
{
  std::string out;
  out.reserve(values.size() * sizeof(T));
  pack(values, out);
  return out;
}

template <typename T> std::vector<T> unpack(std::string_view bytes)
{
  using Bits = std::conditional_t<sizeof(T) == 8, std::uint64_t, std::uint32_t>;
  std::vector<T> out(bytes.size() / sizeof(T));
  for (std::size_t i = 0; i < out.size(); ++i) {
    Bits bits = 0;
    for (std::size_t b = 0; b < sizeof(T); ++b) {
      bits |= static_cast<Bits>(static_cast<unsigned char>(bytes[i * sizeof(T) + b])) << (8 * b);
    }
    out[i] = std::bit_cast<T>(bits);
  }
  return out;
}

} // namespace orgaudit::history::blob
