#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>

namespace orgaudit {

// `jobs`, or one per core when it is 0.
unsigned worker_count(unsigned jobs);

// How many workers for_each_parallel runs for `count` indices in chunks of
// `chunk`: `jobs` (0: one per core), but no more than there are chunks, and
// at least one. Callers that keep something per worker size it with this.
unsigned parallel_workers(std::size_t count, unsigned jobs, std::size_t chunk = 1);

namespace detail {

// The chunks of [0, count) that workers take in turn, and the failures they
// had. Thread-safe; used only by for_each_parallel.
class ParallelRun {
 public:
  ParallelRun(std::size_t count, std::size_t chunk);

  // The next chunk [begin, end) to run; false when every chunk was taken.
  bool next(std::size_t& begin, std::size_t& end);
  // Records the current exception as the failure of the chunk at `index`
  // (`count` for a worker that could not make its state).
  void fail(std::size_t index);

  // Runs `body(worker)` for every worker in [0, workers), worker 0 on the
  // calling thread and the others on threads of their own; then rethrows the
  // failure of the lowest index, if any.
  void run(unsigned workers, const std::function<void(unsigned worker)>& body);

 private:
  std::size_t m_count;
  std::size_t m_chunk;
  std::atomic<std::size_t> m_next{0};
  std::mutex m_mutex;
  std::exception_ptr m_failure;
  std::size_t m_failed_at = 0;
};

} // namespace detail

// Runs work(state, begin, end) over consecutive chunks [begin, end) of
// [0, count) (`chunk` indices each, the last one shorter), every chunk exactly
// once, on parallel_workers(count, jobs, chunk) workers (the calling thread is
// one of them), each taking the next chunk as it finishes one. Each worker
// first makes its own state with make_state(worker), worker in
// [0, parallel_workers(…)), and keeps it for all its chunks: an evaluator,
// scratch space, counters that no other thread touches. Every chunk runs even
// if another throws (a worker whose state cannot be made leaves its chunks to
// the others); once all have stopped, the exception of the lowest chunk that
// threw is rethrown, then that of a failed make_state.
template <typename MakeState, typename Work>
void for_each_parallel(std::size_t count, unsigned jobs, std::size_t chunk, MakeState make_state,
                       Work work)
{
  detail::ParallelRun run(count, chunk);
  run.run(parallel_workers(count, jobs, chunk), [&](unsigned worker) {
    std::size_t begin = 0;
    std::size_t end = 0;
    try {
      auto state = make_state(worker);
      while (run.next(begin, end)) {
        try {
          work(state, begin, end);
        } catch (...) {
          run.fail(begin);
        }
      }
    } catch (...) {
      run.fail(count);
    }
  });
}

// Runs work(0) … work(count − 1), each exactly once, on up to `jobs` threads
// (0: one per core; the calling thread is one of them), taking the next index
// as each finishes. Every call runs even if another throws; afterwards the
// failure of the lowest index, if any, is rethrown.
void for_each_parallel(std::size_t count, unsigned jobs,
                       const std::function<void(std::size_t)>& work);

} // namespace orgaudit
