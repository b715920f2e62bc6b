#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <orgaudit/core/date.hpp>

namespace orgaudit::sample {

// Appends RFC 4180 records to a string: fields quoted only when they hold a
// comma, a quote, CR or LF (quotes doubled), LF line ends, ISO dates, money
// from integer fen with exactly two decimals, booleans as true/false, and an
// empty cell for null. Numbers are formatted by hand so that output never
// depends on the locale or the C library.
class CsvWriter {
 public:
  explicit CsvWriter(std::string& out) : m_out(out) {}

  void text(std::string_view value);
  void integer(std::int64_t value);
  void money(std::int64_t fen);
  void date(Date value);
  void boolean(bool value);
  void null();
  void end_row();

 private:
  void separator();

  std::string& m_out;
  bool m_row_started = false;
};

} // namespace orgaudit::sample
