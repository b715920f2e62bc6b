#include <orgaudit/core/parallel.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace orgaudit {

unsigned worker_count(unsigned jobs)
{
  return jobs > 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

void for_each_parallel(std::size_t count, unsigned jobs,
                       const std::function<void(std::size_t)>& work)
{
  std::vector<std::exception_ptr> failures(count);
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        work(i);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < std::min<std::size_t>(worker_count(jobs), count); ++t) {
    threads.emplace_back(worker);
  }
  worker();
  for (std::thread& thread : threads) {
    thread.join();
  }
  for (const std::exception_ptr& failure : failures) {
    if (failure) {
      std::rethrow_exception(failure);
    }
  }
}

} // namespace orgaudit
