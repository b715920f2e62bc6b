#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>

namespace orgaudit::sample {

// One step of splitmix64: advances `state` and returns a well-mixed value.
// Used to seed xoshiro and to derive independent per-organization streams.
inline std::uint64_t splitmix64(std::uint64_t& state)
{
  state += 0x9E3779B97F4A7C15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// The seed of stream `stream` of item `index` under the run's `seed`, so that
// each organization's rows depend on (seed, index) only, never on the order or
// the thread in which organizations are generated.
inline std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t index, std::uint64_t stream)
{
  std::uint64_t state = seed ^ 0x6A09E667F3BCC909ULL;
  state = splitmix64(state) ^ index;
  state = splitmix64(state) ^ (stream * 0x3C6EF372FE94F82BULL);
  return splitmix64(state);
}

// xoshiro256** (Blackman and Vigna). The generator is ours, not <random>'s,
// and so are the distributions: std:: distributions give different numbers
// with different standard libraries, and the output must be byte-identical.
class Random {
 public:
  explicit Random(std::uint64_t seed)
  {
    for (auto& word : m_state) {
      word = splitmix64(seed);
    }
  }

  std::uint64_t next()
  {
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
  }

  // Uniform in [0, bound) for bound ≥ 1 (the modulo bias is below 2^-40 for
  // the bounds used here).
  std::uint64_t below(std::uint64_t bound) { return next() % bound; }

  // Uniform in [low, high], inclusive.
  int between(int low, int high)
  {
    return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low + 1)));
  }

  // Uniform in [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  bool chance(double probability) { return unit() < probability; }

  // An index drawn with the given integer weights (not all zero).
  std::size_t weighted(std::span<const int> weights)
  {
    int total = 0;
    for (const int w : weights) {
      total += w;
    }
    int draw = between(0, total - 1);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (draw < weights[i]) {
        return i;
      }
      draw -= weights[i];
    }
    return weights.size() - 1;
  }

  // Approximately standard normal (Irwin–Hall: twelve uniforms minus six),
  // which needs no transcendental function and is bounded to ±6.
  double normal()
  {
    double sum = 0;
    for (int i = 0; i < 12; ++i) {
      sum += unit();
    }
    return sum - 6.0;
  }

  // Log-normal around `median` with log-spread `sigma`.
  double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

  template <typename T> const T& pick(std::span<const T> items)
  {
    return items[below(items.size())];
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::uint64_t m_state[4] = {};
};

} // namespace orgaudit::sample
