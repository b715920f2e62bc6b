#include <orgaudit/sample/uscc.hpp>

#include <stdexcept>

#include <orgaudit/data/uscc.hpp>
#include <orgaudit/sample/random.hpp>

namespace orgaudit::sample {

UsccSerials::UsccSerials(std::uint64_t seed, std::uint64_t count)
{
  if (count > m_modulus) {
    m_base = 31;
    m_modulus = 31ULL * 31 * 31 * 31 * 31 * 31;
  }
  if (count > m_modulus) {
    throw std::invalid_argument("too many organizations for distinct USCCs");
  }
  // An affine map x → (a·x + c) mod m is a bijection when a is coprime to m;
  // the seed picks a and c so that codes do not look sequential.
  std::uint64_t state = seed ^ 0x5DEECE66DULL;
  do {
    m_multiplier = splitmix64(state) % m_modulus;
  } while (m_multiplier % 2 == 0 || m_multiplier % 5 == 0 || m_multiplier % 31 == 0);
  m_offset = splitmix64(state) % m_modulus;
}

std::string UsccSerials::tail(std::uint64_t serial) const
{
  // The product fits in 64 bits: both factors are below 31^6 < 2^30.
  std::uint64_t value = (m_multiplier * serial + m_offset) % m_modulus;
  std::string out(6, '0');
  for (int i = 5; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = data::uscc_alphabet[value % m_base];
    value /= m_base;
  }
  return out;
}

std::string make_uscc(OrgType type, std::string_view region, std::string_view tail)
{
  std::string code;
  code.reserve(18);
  code.push_back('5');
  code.push_back(static_cast<char>('1' + static_cast<int>(type)));
  code.append(region);
  code.append("MJ");
  code.append(tail);
  code.push_back(*data::organization_code_check(std::string_view(code).substr(8, 8)));
  code.push_back(*data::uscc_check_character(code));
  return code;
}

} // namespace orgaudit::sample
