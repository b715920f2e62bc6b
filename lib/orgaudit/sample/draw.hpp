#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <orgaudit/core/date.hpp>
#include <orgaudit/sample/plan.hpp>
#include <orgaudit/sample/random.hpp>

namespace orgaudit::sample {

// Organizations by index, as the calibration steps draw them.
using Pool = std::vector<std::uint32_t>;

// The random stream of calibration step `step` of `plan` (each step its own,
// so that changing one step leaves the others' draws alone).
inline Random step_random(const SamplePlan& plan, std::uint64_t step)
{
  return Random(stream_seed(plan.seed, step, 7));
}

// A date uniform in [from, to] (to ≥ from).
Date date_between(Random& random, Date from, Date to);

// Moves a uniformly chosen subset of min(count, pool size) to the front of
// `pool` (partial Fisher–Yates) and returns it.
Pool choose(Pool pool, std::size_t count, Random& random);

// The organizations of `plan` for which `predicate(index)` holds, in index order.
template <typename Predicate> Pool pool_of(const SamplePlan& plan, Predicate predicate)
{
  Pool pool;
  for (std::uint32_t org = 0; org < plan.profiles.size(); ++org) {
    if (predicate(org)) {
      pool.push_back(org);
    }
  }
  return pool;
}

} // namespace orgaudit::sample
