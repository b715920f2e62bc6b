#pragma once

#include <cstddef>
#include <functional>

namespace orgaudit {

// `jobs`, or one per core when it is 0.
unsigned worker_count(unsigned jobs);

// Runs work(0) … work(count − 1), each exactly once, on up to `jobs` threads
// (0: one per core; the calling thread is one of them), taking the next index
// as each finishes. Every call runs even if another throws; afterwards the
// failure of the lowest index, if any, is rethrown.
void for_each_parallel(std::size_t count, unsigned jobs,
                       const std::function<void(std::size_t)>& work);

} // namespace orgaudit
