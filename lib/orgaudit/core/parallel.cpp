#include <orgaudit/core/parallel.hpp>

#include <algorithm>
#include <thread>
#include <vector>

namespace orgaudit {

unsigned worker_count(unsigned jobs)
{
  return jobs > 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

unsigned parallel_workers(std::size_t count, unsigned jobs, std::size_t chunk)
{
  chunk = std::max<std::size_t>(chunk, 1);
  const std::size_t chunks = (count + chunk - 1) / chunk;
  return static_cast<unsigned>(
      std::max<std::size_t>(1, std::min<std::size_t>(worker_count(jobs), chunks)));
}

namespace detail {

ParallelRun::ParallelRun(std::size_t count, std::size_t chunk)
    : m_count(count), m_chunk(std::max<std::size_t>(chunk, 1))
{
}

bool ParallelRun::next(std::size_t& begin, std::size_t& end)
{
  begin = m_next.fetch_add(m_chunk);
  if (begin >= m_count) {
    return false;
  }
  end = std::min(m_count, begin + m_chunk);
  return true;
}

void ParallelRun::fail(std::size_t index)
{
  const std::lock_guard<std::mutex> lock(m_mutex);
  if (!m_failure || index < m_failed_at) {
    m_failure = std::current_exception();
    m_failed_at = index;
  }
}

void ParallelRun::run(unsigned workers, const std::function<void(unsigned)>& body)
{
  std::vector<std::thread> threads;
  try {
    for (unsigned worker = 1; worker < workers; ++worker) {
      threads.emplace_back(body, worker);
    }
  } catch (...) {
    // A thread that cannot start leaves its share to the others.
  }
  body(0);
  for (std::thread& thread : threads) {
    thread.join();
  }
  if (m_failure) {
    std::rethrow_exception(m_failure);
  }
}

} // namespace detail

void for_each_parallel(std::size_t count, unsigned jobs,
                       const std::function<void(std::size_t)>& work)
{
  for_each_parallel(
      count, jobs, 1, [](unsigned) { return 0; },
      [&work](int, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
          work(i);
        }
      });
}

} // namespace orgaudit
