#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include <orgaudit/core/parallel.hpp>

using namespace orgaudit;

TEST_CASE("for_each_parallel runs every index exactly once, on one thread or several")
{
  for (unsigned jobs : {0u, 1u, 2u, 5u}) {
    CAPTURE(jobs);
    std::vector<std::atomic<int>> runs(1000);
    for_each_parallel(runs.size(), jobs, [&](std::size_t i) { ++runs[i]; });
    for (const auto& count : runs) {
      CHECK(count == 1);
    }
  }
  for_each_parallel(0, 4, [](std::size_t) { FAIL("no index to run"); });
}

TEST_CASE("for_each_parallel finishes the other calls and rethrows the lowest failing index")
{
  for (unsigned jobs : {1u, 3u}) {
    CAPTURE(jobs);
    std::atomic<int> ran{0};
    try {
      for_each_parallel(50, jobs, [&](std::size_t i) {
        ++ran;
        if (i == 7 || i == 30) {
          throw std::runtime_error("index " + std::to_string(i));
        }
      });
      FAIL("no exception");
    } catch (const std::runtime_error& error) {
      CHECK(std::string(error.what()) == "index 7");
    }
    CHECK(ran == 50);
  }
  CHECK(worker_count(3) == 3);
  CHECK(worker_count(0) >= 1);
}
