#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace orgaudit::data {

// An RFC 4180 reader over a piece of a file: comma separator, `"` quoting with
// `""` escapes, quoted fields holding commas and newlines, LF or CRLF line
// ends, a UTF-8 BOM skipped at the start of a file; a `"` inside an unquoted
// field is kept as written; blank lines are skipped; a record longer than
// max_record_bytes is cut in the field where it passes the limit, whatever
// the text it was given. The text is never
// modified: a field is a view into it, or into the reader's own copy when its
// quotes had to be undone. It reads from a line start to the first line start
// at or past a limit, so that a file can be cut into pieces read apart, and
// stops before a record that may go on past the end of its text when the text
// is not the end of the file.
class CsvReader {
 public:
  // Reads `text` from byte `start`, which must begin a line. `complete`: the
  // text runs to the end of the file (else more bytes follow it there).
  // `file_start`: `start` is the start of the file, where a BOM is skipped.
  explicit CsvReader(std::string_view text, std::size_t start = 0, bool complete = true,
                     bool file_start = true);

  // Stops before any record that would start at or past byte `limit`.
  void stop_at(std::size_t limit) { m_limit = limit; }
  // Goes on reading from the same position in `text`, which holds the old
  // text and more after it (`complete` as in the constructor).
  void extend(std::string_view text, bool complete);

  // Reads the next record; false at the end of the text, at the limit, or
  // when the next record may run past an incomplete text (incomplete()).
  bool next();
  // True when next() stopped because it needs more of the file.
  bool incomplete() const { return m_incomplete; }

  // The fields of the current record, valid until the next call of next().
  std::span<const std::string_view> fields() const { return m_fields; }

  // The 1-based line, counted from the start position, on which the current
  // record starts (a CRLF counts once; newlines inside quotes move later
  // records down).
  std::uint32_t line() const { return m_line; }
  // Where reading stands: a line start after the last record (and after any
  // blank lines before the limit), and the line ends passed to get there.
  std::size_t position() const { return m_pos; }
  std::uint32_t lines_passed() const { return m_next_line - 1; }

  // The 1-based field position whose quote was never closed (the field then
  // runs to the end of the file), or 0 if the record is well formed.
  std::size_t unterminated_field() const { return m_unterminated; }

  // The 1-based field position in which the record grew past
  // max_record_bytes (it is cut there, and reading should stop), or 0.
  std::size_t oversized_field() const { return m_oversized; }

  // The 1-based field position of a field with text after its closing quote
  // (`"a"b`), which is kept as written; 0 if there is none.
  std::size_t stray_quote_field() const { return m_stray_quote; }

  // The 1-based positions of the unquoted fields with a `"` inside
  // (`Deqing "Sunshine" Center`), which are kept as written; empty if none.
  std::span<const std::size_t> bare_quote_fields() const { return m_bare_quotes; }

 private:
  bool read_record(std::size_t& pos, std::uint32_t& line);
  bool read_quoted(std::size_t& pos, std::uint32_t& line);

  std::string_view m_text;
  bool m_complete = true;
  std::size_t m_limit = static_cast<std::size_t>(-1);
  std::size_t m_pos = 0;
  std::uint32_t m_next_line = 1;
  std::uint32_t m_line = 0;
  bool m_incomplete = false;
  std::size_t m_unterminated = 0;
  std::size_t m_oversized = 0;
  std::size_t m_stray_quote = 0;
  std::vector<std::size_t> m_bare_quotes;
  std::vector<std::string_view> m_fields;
  std::string m_unquoted; // the text of fields whose quotes were undone
  struct Unquoted {
    std::size_t field, offset, size;
  };
  std::vector<Unquoted> m_unquoted_fields;
};

// Where byte `offset` of raw CSV `bytes` lies: the line on which its record
// starts and its 1-based field position, as CsvReader would report them.
struct CsvPosition {
  std::uint32_t line = 1;
  std::size_t column = 1;
};
CsvPosition csv_position(std::string_view bytes, std::size_t offset);

// The first line start at or after `offset` in `text` (after LF, CRLF or a
// lone CR, or the start of the text), or npos if the text ends first without
// telling (a CR at its very end, whose LF may follow).
std::size_t next_line_start(std::string_view text, std::size_t offset);

} // namespace orgaudit::data
