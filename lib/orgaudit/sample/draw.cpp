#include <orgaudit/sample/draw.hpp>

#include <algorithm>
#include <utility>

namespace orgaudit::sample {

Date date_between(Random& random, Date from, Date to)
{
  return Date{from.days + random.between(0, to.days - from.days)};
}

Pool choose(Pool pool, std::size_t count, Random& random)
{
  count = std::min(count, pool.size());
  for (std::size_t i = 0; i < count; ++i) {
    std::swap(pool[i], pool[i + random.below(pool.size() - i)]);
  }
  pool.resize(count);
  return pool;
}

} // namespace orgaudit::sample
