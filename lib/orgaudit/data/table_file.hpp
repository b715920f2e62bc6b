#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/core/file_reader.hpp>
#include <orgaudit/data/encoding.hpp>
#include <orgaudit/data/pieces.hpp>

namespace orgaudit::data {

class DatasetBuilder;

// One table's CSV or JSONL file, cut into pieces that threads read and type
// at once, their rows put together in file order, so that the result and the
// diagnostics are those of reading the file front to back. A CSV piece is
// read from the first line start in it, a guess (a quoted field may hold
// newlines); when putting pieces together, a piece whose start differs from
// where the one before it ended is read again from there. Only a few pieces
// are held at a time, never the whole file. The work comes in passes of
// pieces: JSONL first finds its header, then types its rows; a file that is
// not UTF-8 is read again, decoded from GB18030 as a whole (SPEC §2).
class TableFile {
 public:
  TableFile(DatasetBuilder& dataset, std::size_t table, std::string name, std::string path,
            bool csv, Encoding encoding, std::size_t piece_size);
  ~TableFile();
  TableFile(const TableFile&) = delete;
  TableFile& operator=(const TableFile&) = delete;

  // Opens the file and reads what precedes the pieces (a CSV header). Throws
  // IoError if the file cannot be read.
  void open();
  // The pieces of the current pass; 0 when there is nothing more to do.
  std::size_t pieces() const { return m_pass == Pass::done ? 0 : m_starts.size() - 1; }
  // Reads piece `piece` of the current pass; any thread, any order. A failure
  // is kept and rethrown by finish_pass().
  void run_piece(std::size_t piece, PieceBuffer& buffer);
  // Ends the current pass; true if another pass of pieces follows.
  bool finish_pass();

  std::uint64_t size() const { return m_size; }
  const std::string& name() const { return m_name; }
  const std::string& path() const { return m_path; }
  const std::optional<FileIdentity>& identity() const { return m_identity; }
  // The file's problems, in reading order.
  const Diagnostics& diagnostics() const { return m_diagnostics; }

 private:
  enum class Pass { scan_keys, type_rows, done };

  void start_reading();
  void read_header();
  void start_pieces(std::uint64_t body, std::uint32_t lines_before);
  void read_piece(std::size_t index, std::uint64_t start, PieceBuffer& buffer, Piece& piece);
  void commit_ready(PieceBuffer& buffer);
  void commit(std::size_t index, Piece& piece, PieceBuffer& buffer);
  void finish_scan();
  bool rest_is_utf8(std::uint64_t from) const;
  void restart_decoded();
  bool decode_whole_file();
  std::unique_ptr<Piece> take_piece();

  DatasetBuilder& m_dataset;
  std::size_t m_table;
  std::string m_name;
  std::string m_path;
  bool m_csv;
  Encoding m_encoding;
  std::size_t m_piece_size;
  std::optional<FileReader> m_reader;
  std::uint64_t m_size = 0;
  std::optional<FileIdentity> m_identity;
  Diagnostics m_diagnostics;
  TableBuilder* m_builder = nullptr;
  Pass m_pass = Pass::done;
  bool m_checked = false; // the text is known to be UTF-8: checked whole, or decoded
  JsonlScan m_keys;
  std::vector<std::uint64_t> m_starts; // nominal piece starts, then the end of the file

  std::mutex m_mutex;
  std::condition_variable m_room;
  std::vector<std::unique_ptr<Piece>> m_done; // read, not yet put together
  std::vector<std::unique_ptr<Piece>> m_free;
  std::size_t m_next = 0; // the next piece to put together
  bool m_committing = false;
  std::atomic<bool> m_abandoned = false; // the pass stopped early: a failure, or not UTF-8
  bool m_swallowed = false;              // an unterminated quote took the rest of the file
  bool m_not_utf8 = false;               // a piece was not UTF-8
  std::uint64_t m_end = 0;               // where the pieces put together end
  std::uint32_t m_lines = 0;             // the line ends before m_end
  bool m_reserved = false;               // the table's columns were sized from the first piece
  std::exception_ptr m_failure;
};

} // namespace orgaudit::data
