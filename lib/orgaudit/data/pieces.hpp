#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <orgaudit/core/big_vector.hpp>
#include <orgaudit/core/file_reader.hpp>
#include <orgaudit/data/jsonl_reader.hpp>
#include <orgaudit/data/table_builder.hpp>

namespace orgaudit::data {

// The size of the pieces a large file is cut into: 4 MiB, or the value of the
// environment variable ORGAUDIT_CHUNK_BYTES (read once, at the first call),
// which tests set to a few bytes to put a piece boundary everywhere.
std::size_t piece_bytes();

// Bytes [from, to) of a file: copied into a reused buffer, or a view when the
// file is in memory. It grows at its end when a record runs past it.
class PieceBuffer {
 public:
  // Holds [from, to), clipped to the file.
  void load(const FileReader& file, std::uint64_t from, std::uint64_t to);
  // Takes in as many bytes again after the end; false if the file has no more.
  bool grow(const FileReader& file);

  std::string_view view() const { return m_view; }
  std::uint64_t from() const { return m_from; }
  std::uint64_t to() const { return m_from + m_view.size(); }
  // True if the buffer reaches the end of the file.
  bool complete() const { return m_complete; }

 private:
  BigVector<char> m_bytes;
  std::string_view m_view;
  std::uint64_t m_from = 0;
  bool m_complete = false;
};

// One piece of a file, read: where it began and ended (line starts; the end
// is the first line start at or past the piece's nominal end, as the piece's
// own reading found it), the line ends in between, its rows and problems.
struct Piece {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::uint32_t lines = 0;
  bool swallowed = false; // an unterminated quote took the rest of the file
  bool valid_utf8 = true; // bytes [begin, end) are UTF-8
  TypedRows rows;         // typing passes
  JsonlScan scan;         // JSONL's first pass
};

// Where the first line of a piece [offset, limit) begins: the first line
// start at or after `offset` (`jsonl`: only LF ends a line), or `limit` when
// none is found before the piece's end. Reads into
// `buffer`, which then holds the bytes from offset - 1 to past `limit`.
std::uint64_t first_line_start(const FileReader& file, std::uint64_t offset, std::uint64_t limit,
                               bool jsonl, PieceBuffer& buffer);

// Reads the CSV records that start in [start, limit) — `start` being a line
// start — into `piece` with `typer`, up to the first line start at or after
// `limit`. `buffer` must hold the bytes from at most `start` on.
void read_csv_piece(const FileReader& file, std::uint64_t start, std::uint64_t limit,
                    PieceBuffer& buffer, RowTyper& typer, Piece& piece);

// Checks that bytes [piece.begin, piece.end) in `buffer` are UTF-8.
void check_utf8(const PieceBuffer& buffer, Piece& piece);

// Takes in the whole lines of a JSONL piece, [start, first line start at or
// after limit), into `buffer`; sets piece.begin, end and lines.
void load_jsonl_piece(const FileReader& file, std::uint64_t start, std::uint64_t limit,
                      PieceBuffer& buffer, Piece& piece);

// The header row of a CSV file, read from its start: its fields, the line it
// is on, where the rows after it begin and the line ends before them.
// Nullopt for a file of blank lines or none.
struct CsvHeader {
  std::vector<std::string> fields;
  std::uint32_t line = 0;
  std::size_t unterminated_field = 0;
  std::size_t oversized_field = 0; // CsvReader::oversized_field
  std::size_t long_field = 0;      // the first field over max_field_bytes, or 0
  std::vector<std::size_t> bare_quote_fields;
  std::uint64_t body = 0;
  std::uint32_t lines = 0;
};
std::optional<CsvHeader> read_csv_header(const FileReader& file, PieceBuffer& buffer);

// The 1-based position of the first field over max_field_bytes, or 0.
std::size_t oversized_field(std::span<const std::string_view> fields);
// The message for a field over max_field_bytes, in `lang`.
std::string field_too_long(Lang lang);

// Warns, in `diagnostics`, of each field of a record in `fields` at
// `bare_quotes` (1-based) whose `"` was kept as written (SPEC §2).
void warn_bare_quotes(std::span<const std::string_view> fields,
                      std::span<const std::size_t> bare_quotes, const std::string& source,
                      std::uint32_t line, Lang lang, Diagnostics& diagnostics);

} // namespace orgaudit::data
