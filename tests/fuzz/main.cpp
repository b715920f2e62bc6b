// The libFuzzer entry of one target, named by ORGAUDIT_FUZZ_TARGET at build time.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "targets.hpp"

namespace {

orgaudit::fuzz::Target find_target()
{
  for (const auto& target : orgaudit::fuzz::targets()) {
    if (target.name == ORGAUDIT_FUZZ_TARGET) {
      return target;
    }
  }
  std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  static const auto target = find_target();
  target.run(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
