#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <orgaudit/sample/tables.hpp>

namespace orgaudit::sample {

// Maps serial numbers one-to-one onto the six-character tails of USCC body
// codes ("MJ" + six), so that distinct serials always give distinct codes.
// With at most a million serials the tail is digits, as real civil-affairs
// codes are; beyond that it uses the whole USCC alphabet.
class UsccSerials {
 public:
  UsccSerials(std::uint64_t seed, std::uint64_t count);

  // The six-character tail for serial `serial` (< the count given).
  std::string tail(std::uint64_t serial) const;

 private:
  std::uint64_t m_base = 10;
  std::uint64_t m_modulus = 1'000'000;
  std::uint64_t m_multiplier = 1;
  std::uint64_t m_offset = 0;
};

// A valid USCC for a social organization of `type` registered by `region`
// (six digits) with the six-character tail `tail`: "5", the type digit
// (1 社会团体, 2 民办非企业单位, 3 基金会), the region, "MJ", the tail, the GB 11714
// check and the GB 32100 check.
std::string make_uscc(OrgType type, std::string_view region, std::string_view tail);

} // namespace orgaudit::sample
