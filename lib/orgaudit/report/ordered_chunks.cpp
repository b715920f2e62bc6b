#include <orgaudit/report/ordered_chunks.hpp>

namespace orgaudit::report::detail {

OrderedChunks::OrderedChunks(std::size_t window, Output& out)
    : m_out(out), m_slots(window == 0 ? 1 : window)
{
}

std::string* OrderedChunks::slot(std::size_t index)
{
  std::unique_lock<std::mutex> lock(m_mutex);
  m_free.wait(lock, [&] { return m_failed || index < m_next + m_slots.size(); });
  return m_failed ? nullptr : &m_slots[index % m_slots.size()].text;
}

void OrderedChunks::done(std::size_t index)
{
  std::unique_lock<std::mutex> lock(m_mutex);
  m_slots[index % m_slots.size()].ready = true;
  if (m_writing) {
    return; // the thread writing now writes this chunk too when its turn comes
  }
  m_writing = true;
  while (!m_failed && m_slots[m_next % m_slots.size()].ready) {
    Slot& next = m_slots[m_next % m_slots.size()];
    lock.unlock();
    try {
      m_out.write(next.text);
    } catch (...) {
      lock.lock();
      m_writing = false;
      throw;
    }
    next.text.clear(); // its capacity serves the chunk that takes the slot next
    lock.lock();
    next.ready = false;
    ++m_next;
    m_free.notify_all();
  }
  m_writing = false;
}

void OrderedChunks::fail()
{
  const std::lock_guard<std::mutex> lock(m_mutex);
  m_failed = true;
  m_free.notify_all();
}

} // namespace orgaudit::report::detail
