#include <orgaudit/core/big_vector.hpp>

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <new>

namespace orgaudit {

namespace {

constexpr std::size_t huge_page = std::size_t{2} << 20;
// Below this a block comes from the heap: a huge page would be mostly empty.
constexpr std::size_t mapped_from = std::size_t{1} << 20;

std::size_t round_up(std::size_t bytes, std::size_t unit)
{
  return (bytes + unit - 1) / unit * unit;
}

} // namespace

void* allocate_big(std::size_t bytes, std::size_t& granted)
{
  if (bytes < mapped_from) {
    granted = bytes;
    void* block = std::malloc(bytes == 0 ? 1 : bytes);
    if (block == nullptr) {
      throw std::bad_alloc();
    }
    return block;
  }
  // Map one huge page more than needed, then unmap the ends so that what
  // remains starts and ends on huge page boundaries.
  granted = round_up(bytes, huge_page);
  const std::size_t mapped = granted + huge_page;
  void* raw = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) {
    throw std::bad_alloc();
  }
  const auto start = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = round_up(start, huge_page);
  if (aligned > start) {
    ::munmap(raw, aligned - start);
  }
  const std::uintptr_t end = start + mapped;
  if (end > aligned + granted) {
    ::munmap(reinterpret_cast<void*>(aligned + granted), end - aligned - granted);
  }
  void* block = reinterpret_cast<void*>(aligned);
  // Advice only: where the kernel has no huge pages it uses small ones.
  ::madvise(block, granted, MADV_HUGEPAGE);
  return block;
}

void free_big(void* block, std::size_t granted) noexcept
{
  if (block == nullptr) {
    return;
  }
  if (granted < mapped_from) {
    std::free(block);
  } else {
    ::munmap(block, granted);
  }
}

} // namespace orgaudit
