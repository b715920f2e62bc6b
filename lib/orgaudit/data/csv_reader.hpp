#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace orgaudit::data {

// An RFC 4180 reader over one big buffer: comma separator, `"` quoting with
// `""` escapes, quoted fields holding commas and newlines, LF or CRLF line
// ends, a UTF-8 BOM skipped; a `"` inside an unquoted field is kept as
// written. Quoted fields are unescaped in place (the text only ever shrinks),
// so no field is copied; blank lines are skipped.
class CsvReader {
 public:
  // Reads from `buffer`, which it rewrites; the buffer must outlive the reader.
  explicit CsvReader(std::string& buffer);

  // Reads the next record; false at the end of the buffer.
  bool next();

  // The fields of the current record, valid until the next call of next().
  std::span<const std::string_view> fields() const { return m_fields; }

  // The physical 1-based line on which the current record starts (a CRLF
  // counts once; newlines inside quotes move later records down).
  std::uint32_t line() const { return m_line; }

  // The 1-based field position whose quote was never closed (the field then
  // runs to the end of the buffer), or 0 if the record is well formed.
  std::size_t unterminated_field() const { return m_unterminated; }

  // The 1-based field position of a field with text after its closing quote
  // (`"a"b`), which is kept as written; 0 if there is none.
  std::size_t stray_quote_field() const { return m_stray_quote; }

  // The 1-based positions of the unquoted fields with a `"` inside
  // (`Deqing "Sunshine" Center`), which are kept as written; empty if none.
  std::span<const std::size_t> bare_quote_fields() const { return m_bare_quotes; }

 private:
  std::string& m_buffer;
  std::size_t m_pos = 0;
  std::uint32_t m_next_line = 1;
  std::uint32_t m_line = 0;
  std::size_t m_unterminated = 0;
  std::size_t m_stray_quote = 0;
  std::vector<std::size_t> m_bare_quotes;
  std::vector<std::string_view> m_fields;
};

// Where byte `offset` of raw CSV `bytes` lies: the line on which its record
// starts and its 1-based field position, as CsvReader would report them.
struct CsvPosition {
  std::uint32_t line = 1;
  std::size_t column = 1;
};
CsvPosition csv_position(std::string_view bytes, std::size_t offset);

} // namespace orgaudit::data
