#include "targets.hpp"

namespace orgaudit::fuzz {

std::span<const Target> targets()
{
  static constexpr Target all[] = {
      {"csv", csv},   {"csv_diff", csv_diff}, {"jsonl", jsonl},     {"sqlite", sqlite},
      {"expr", expr}, {"rules", rules},       {"waivers", waivers}, {"schema", schema},
  };
  return all;
}

} // namespace orgaudit::fuzz
