#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

#include <orgaudit/core/interrupt.hpp>
#include <orgaudit/core/parallel.hpp>
#include <orgaudit/report/output.hpp>

namespace orgaudit::report {

namespace detail {

// The chunks of one output that are rendered but not yet written, in a ring of
// slots, and the turn to write them, which passes among the rendering
// threads. Thread-safe; used only by render_in_order.
class OrderedChunks {
 public:
  // `window` chunks at most are in flight at once; they are written to `out`.
  OrderedChunks(std::size_t window, Output& out);

  // The empty text chunk `index` renders into, once fewer than `window`
  // chunks before it are unwritten; null once a chunk failed.
  std::string* slot(std::size_t index);
  // Marks chunk `index` rendered, then writes every rendered chunk that is
  // next in order unless another thread is writing them already.
  void done(std::size_t index);
  // Stops the run after a failure: waiting threads get no slot.
  void fail();

 private:
  struct Slot {
    std::string text;
    bool ready = false;
  };
  Output& m_out;
  std::vector<Slot> m_slots;
  std::size_t m_next = 0; // the first chunk not yet written
  bool m_writing = false;
  bool m_failed = false;
  std::mutex m_mutex;
  std::condition_variable m_free;
};

} // namespace detail

// Renders the items [0, count) in chunks of `chunk` items on
// parallel_workers(count, jobs, chunk) threads and writes the chunks to `out`
// in order, so the bytes are the same for any `jobs`. Each thread first makes
// its renderer with make_renderer(worker); renderer(text, begin, end) appends
// the items [begin, end) to `text`. At most two chunks per thread are held at
// once. An interrupt stops it between chunks; the failure of the lowest chunk
// (or the write) that failed is rethrown.
template <typename MakeRenderer>
void render_in_order(std::size_t count, unsigned jobs, std::size_t chunk,
                     MakeRenderer make_renderer, Output& out)
{
  chunk = chunk == 0 ? 1 : chunk;
  detail::OrderedChunks chunks(2 * std::size_t{parallel_workers(count, jobs, chunk)}, out);
  for_each_parallel(count, jobs, chunk, make_renderer,
                    [&](auto& renderer, std::size_t begin, std::size_t end) {
                      std::string* text = chunks.slot(begin / chunk);
                      if (text == nullptr) {
                        return;
                      }
                      try {
                        check_interrupted();
                        renderer(*text, begin, end);
                        chunks.done(begin / chunk);
                      } catch (...) {
                        chunks.fail();
                        throw;
                      }
                    });
}

} // namespace orgaudit::report
