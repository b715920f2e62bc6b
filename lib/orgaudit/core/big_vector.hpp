#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>

namespace orgaudit {

// Memory for arrays of millions of values. Blocks of a megabyte or more are
// mapped on their own and advised for transparent huge pages, so that filling
// them costs one page fault per 2 MiB instead of one per 4 KiB (a fault is
// dear on a virtual machine: tens of microseconds); smaller ones come from the
// heap. `granted` receives the size actually reserved, which free_big takes.
void* allocate_big(std::size_t bytes, std::size_t& granted);
void free_big(void* block, std::size_t granted) noexcept;

// A growable array of trivially copyable values in allocate_big memory: the
// storage of a dataset's columns. Like std::vector, but growing never
// value-initializes and clear() keeps the memory for the next fill.
template <typename T> class BigVector {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  BigVector() = default;
  BigVector(std::size_t count, T value) { resize(count, value); }
  BigVector(const BigVector& other) { append(other.data(), other.size()); }
  BigVector(BigVector&& other) noexcept
      : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)),
        m_capacity(std::exchange(other.m_capacity, 0)), m_granted(std::exchange(other.m_granted, 0))
  {
  }
  BigVector& operator=(BigVector other) noexcept
  {
    swap(other);
    return *this;
  }
  ~BigVector() { free_big(m_data, m_granted); }

  void swap(BigVector& other) noexcept
  {
    std::swap(m_data, other.m_data);
    std::swap(m_size, other.m_size);
    std::swap(m_capacity, other.m_capacity);
    std::swap(m_granted, other.m_granted);
  }

  std::size_t size() const { return m_size; }
  bool empty() const { return m_size == 0; }
  T* data() { return m_data; }
  const T* data() const { return m_data; }
  T* begin() { return m_data; }
  T* end() { return m_data + m_size; }
  const T* begin() const { return m_data; }
  const T* end() const { return m_data + m_size; }
  T& operator[](std::size_t i) { return m_data[i]; }
  const T& operator[](std::size_t i) const { return m_data[i]; }
  T& back() { return m_data[m_size - 1]; }
  const T& back() const { return m_data[m_size - 1]; }

  void push_back(T value)
  {
    if (m_size == m_capacity) {
      grow(m_size + 1);
    }
    m_data[m_size++] = value;
  }

  // Appends `count` values copied from `values`.
  void append(const T* values, std::size_t count)
  {
    if (count == 0) {
      return;
    }
    reserve(m_size + count);
    std::memcpy(static_cast<void*>(m_data + m_size), values, count * sizeof(T));
    m_size += count;
  }

  // Makes room for `count` values in all without moving them again.
  void reserve(std::size_t count)
  {
    if (count > m_capacity) {
      grow(count);
    }
  }

  void resize(std::size_t count, T value)
  {
    reserve(count);
    std::fill(m_data + std::min(m_size, count), m_data + count, value);
    m_size = count;
  }

  // Makes the size `count`, leaving new values unset, for the caller to write.
  void resize_for_overwrite(std::size_t count)
  {
    reserve(count);
    m_size = count;
  }

  // Forgets the values, keeping the memory.
  void clear() { m_size = 0; }

  bool operator==(const BigVector& other) const
  {
    return m_size == other.m_size &&
           (m_size == 0 || std::memcmp(m_data, other.m_data, m_size * sizeof(T)) == 0);
  }

 private:
  void grow(std::size_t needed)
  {
    const std::size_t count = std::max({needed, m_capacity * 2, std::size_t{16}});
    std::size_t granted = 0;
    T* fresh = static_cast<T*>(allocate_big(count * sizeof(T), granted));
    if (m_size > 0) {
      std::memcpy(static_cast<void*>(fresh), m_data, m_size * sizeof(T));
    }
    free_big(m_data, m_granted);
    m_data = fresh;
    m_capacity = granted / sizeof(T);
    m_granted = granted;
  }

  T* m_data = nullptr;
  std::size_t m_size = 0;
  std::size_t m_capacity = 0;
  std::size_t m_granted = 0;
};

} // namespace orgaudit
