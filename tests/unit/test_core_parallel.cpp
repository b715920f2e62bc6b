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

TEST_CASE("each worker of for_each_parallel makes its own state and keeps it for its chunks")
{
  for (unsigned jobs : {1u, 2u, 4u}) {
    CAPTURE(jobs);
    const std::size_t count = 1000;
    const unsigned workers = parallel_workers(count, jobs, 64);
    CHECK(workers == jobs);
    std::vector<std::size_t> sums(workers, 0);
    std::vector<int> made(workers, 0);
    std::vector<std::atomic<int>> runs(count);
    for_each_parallel(
        count, jobs, 64,
        [&](unsigned worker) {
          ++made[worker];
          return &sums[worker];
        },
        [&](std::size_t* sum, std::size_t begin, std::size_t end) {
          CHECK(end - begin <= 64);
          for (std::size_t i = begin; i < end; ++i) {
            *sum += i;
            ++runs[i];
          }
        });
    std::size_t total = 0;
    for (unsigned w = 0; w < workers; ++w) {
      CHECK(made[w] == 1);
      total += sums[w];
    }
    CHECK(total == count * (count - 1) / 2);
    for (const auto& n : runs) {
      CHECK(n == 1);
    }
  }
  CHECK(parallel_workers(100, 8, 64) == 2);
  CHECK(parallel_workers(0, 8, 64) == 1);
  CHECK(parallel_workers(5, 1) == 1);
}

TEST_CASE("an exception in a worker is rethrown once every other chunk has run")
{
  for (unsigned jobs : {1u, 2u, 3u}) {
    CAPTURE(jobs);
    std::atomic<std::size_t> ran{0};
    auto run = [&] {
      for_each_parallel(
          300, jobs, 10, [](unsigned) { return 0; },
          [&](int, std::size_t begin, std::size_t end) {
            ran += end - begin;
            if (begin == 120 || begin == 250) {
              throw std::runtime_error("chunk " + std::to_string(begin));
            }
          });
    };
    CHECK_THROWS_WITH_AS(run(), "chunk 120", std::runtime_error);
    CHECK(ran == 300);
  }
  // A worker whose state cannot be made leaves its chunks to the others, and
  // its failure still reaches the caller.
  std::atomic<std::size_t> ran{0};
  auto run = [&] {
    for_each_parallel(
        100, 2, 10,
        [](unsigned worker) {
          if (worker == 1) {
            throw std::runtime_error("no state for worker 1");
          }
          return 0;
        },
        [&](int, std::size_t begin, std::size_t end) { ran += end - begin; });
  };
  CHECK_THROWS_WITH_AS(run(), "no state for worker 1", std::runtime_error);
  CHECK(ran == 100);
}
