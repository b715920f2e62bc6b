#include <doctest/doctest.h>

#include <array>
#include <vector>

#include <orgaudit/sample/random.hpp>

using namespace orgaudit::sample;

TEST_CASE("splitmix64 gives the reference sequence")
{
  // First outputs of splitmix64 seeded with 0 (Vigna's reference implementation).
  std::uint64_t state = 0;
  CHECK(splitmix64(state) == 0xE220A8397B1DCDAFULL);
  CHECK(splitmix64(state) == 0x6E789E6AA1B965F4ULL);
  CHECK(splitmix64(state) == 0x06C45D188009454FULL);
}

TEST_CASE("the same seed gives the same numbers, another seed other numbers")
{
  Random a(42);
  Random b(42);
  Random c(43);
  std::vector<std::uint64_t> from_a;
  std::vector<std::uint64_t> from_c;
  for (int i = 0; i < 100; ++i) {
    from_a.push_back(a.next());
    CHECK(b.next() == from_a.back());
    from_c.push_back(c.next());
  }
  CHECK(from_a != from_c);
}

TEST_CASE("streams depend on seed, index and stream, each")
{
  CHECK(stream_seed(1, 0, 0) == stream_seed(1, 0, 0));
  CHECK(stream_seed(1, 0, 0) != stream_seed(2, 0, 0));
  CHECK(stream_seed(1, 0, 0) != stream_seed(1, 1, 0));
  CHECK(stream_seed(1, 0, 0) != stream_seed(1, 0, 1));
}

TEST_CASE("draws stay in range and spread over it")
{
  Random random(7);
  std::array<int, 6> counts{};
  for (int i = 0; i < 60'000; ++i) {
    const int value = random.between(3, 8);
    REQUIRE(value >= 3);
    REQUIRE(value <= 8);
    ++counts[static_cast<std::size_t>(value - 3)];
    const double unit = random.unit();
    REQUIRE(unit >= 0.0);
    REQUIRE(unit < 1.0);
  }
  for (const int count : counts) {
    CHECK(count == doctest::Approx(10'000).epsilon(0.05));
  }
}

TEST_CASE("weighted draws follow their weights and never pick a zero weight")
{
  Random random(11);
  static constexpr int weights[] = {37, 0, 61, 2};
  std::array<int, 4> counts{};
  for (int i = 0; i < 100'000; ++i) {
    ++counts[random.weighted(weights)];
  }
  CHECK(counts[1] == 0);
  CHECK(counts[0] == doctest::Approx(37'000).epsilon(0.03));
  CHECK(counts[2] == doctest::Approx(61'000).epsilon(0.03));
  CHECK(counts[3] == doctest::Approx(2'000).epsilon(0.1));
}

TEST_CASE("normal draws are centred and bounded, log-normal draws are positive around the median")
{
  Random random(5);
  double sum = 0;
  int below_median = 0;
  for (int i = 0; i < 20'000; ++i) {
    const double value = random.normal();
    REQUIRE(value >= -6.0);
    REQUIRE(value <= 6.0);
    sum += value;
    const double money = random.lognormal(1000.0, 0.8);
    REQUIRE(money > 0);
    below_median += money < 1000.0 ? 1 : 0;
  }
  CHECK(sum / 20'000 == doctest::Approx(0.0).epsilon(0.03).scale(1.0));
  CHECK(below_median == doctest::Approx(10'000).epsilon(0.05));
}
