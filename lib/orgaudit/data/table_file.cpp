#include <orgaudit/data/table_file.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <orgaudit/core/interrupt.hpp>
#include <orgaudit/core/text.hpp>
#include <orgaudit/data/csv_reader.hpp>
#include <orgaudit/data/dataset_builder.hpp>
#include <orgaudit/data/limits.hpp>
#include <orgaudit/data/wording.hpp>

namespace orgaudit::data {

namespace {

// How far reading may run ahead of putting pieces together, in pieces.
constexpr std::size_t max_ahead = 8;
// What is read past a piece at first, for the record that runs over its end.
constexpr std::uint64_t overhang = 64 * 1024;

} // namespace

TableFile::TableFile(DatasetBuilder& dataset, std::size_t table, std::string name, std::string path,
                     bool csv, Encoding encoding, std::size_t piece_size)
    : m_dataset(dataset), m_table(table), m_name(std::move(name)), m_path(std::move(path)),
      m_csv(csv), m_encoding(encoding), m_piece_size(piece_size)
{
}

TableFile::~TableFile() = default;

void TableFile::open()
{
  m_reader.emplace(m_path);
  m_size = m_reader->size();
  m_identity = m_reader->identity();
  if (m_encoding == Encoding::gbk || m_encoding == Encoding::gb18030) {
    if (!decode_whole_file()) {
      return;
    }
  }
  start_reading();
}

void TableFile::start_reading()
{
  m_builder = &m_dataset.begin_table(m_table, m_name, m_diagnostics);
  if (m_csv) {
    read_header();
  } else {
    m_pass = Pass::scan_keys;
    start_pieces(0, 0);
  }
}

void TableFile::read_header()
{
  m_pass = Pass::done;
  PieceBuffer buffer;
  const auto header = read_csv_header(*m_reader, buffer);
  const std::uint64_t body = header ? header->body : 0;
  if (!m_checked && first_invalid_utf8(buffer.view().substr(0, body)).has_value()) {
    restart_decoded();
    return;
  }
  if (!header) {
    m_diagnostics.error(m_name, 0, 0, say(Wording::no_header, m_dataset.lang()));
  } else if (header->unterminated_field != 0) {
    m_diagnostics.error(m_name, header->line, header->unterminated_field,
                        say(Wording::header_unterminated, m_dataset.lang()));
  } else if (header->oversized_field != 0) {
    m_diagnostics.error(
        m_name, header->line, header->oversized_field,
        say(Wording::record_too_long, m_dataset.lang(), max_record_bytes >> 20, max_record_bytes));
  } else if (header->long_field != 0) {
    m_diagnostics.error(m_name, header->line, header->long_field, field_too_long(m_dataset.lang()));
  } else {
    const std::vector<std::string_view> fields(header->fields.begin(), header->fields.end());
    warn_bare_quotes(fields, header->bare_quote_fields, m_name, header->line, m_dataset.lang(),
                     m_diagnostics);
    if (m_builder->set_header(fields, header->line)) {
      m_pass = Pass::type_rows;
      start_pieces(body, header->lines);
      return;
    }
  }
  // No row will be read, but the file's encoding is checked all the same.
  if (!m_checked && !rest_is_utf8(body)) {
    restart_decoded();
  }
}

void TableFile::start_pieces(std::uint64_t body, std::uint32_t lines_before)
{
  m_starts.clear();
  for (std::uint64_t start = body; start < m_size; start += m_piece_size) {
    m_starts.push_back(start);
  }
  m_starts.push_back(m_size);
  m_done.clear();
  m_done.resize(m_starts.size() - 1);
  m_next = 0;
  m_end = body;
  m_lines = lines_before;
  m_abandoned = false;
  m_swallowed = false;
  m_not_utf8 = false;
  m_reserved = false;
}

std::unique_ptr<Piece> TableFile::take_piece()
{
  std::lock_guard lock(m_mutex);
  if (m_free.empty()) {
    return std::make_unique<Piece>();
  }
  auto piece = std::move(m_free.back());
  m_free.pop_back();
  return piece;
}

void TableFile::run_piece(std::size_t index, PieceBuffer& buffer)
{
  try {
    {
      std::unique_lock lock(m_mutex);
      m_room.wait(lock, [&] { return index < m_next + max_ahead || m_abandoned; });
    }
    if (m_abandoned) {
      return;
    }
    check_interrupted();
    auto piece = take_piece();
    const std::uint64_t limit = m_starts[index + 1];
    std::uint64_t start = m_starts[index];
    if (index == 0) {
      buffer.load(*m_reader, start, limit + overhang);
    } else {
      start = first_line_start(*m_reader, start, limit, !m_csv, buffer);
    }
    read_piece(index, start, buffer, *piece);
    {
      std::lock_guard lock(m_mutex);
      m_done[index] = std::move(piece);
    }
    commit_ready(buffer);
  } catch (...) {
    std::lock_guard lock(m_mutex);
    if (!m_failure) {
      m_failure = std::current_exception();
    }
    m_abandoned = true;
    m_room.notify_all();
  }
}

void TableFile::read_piece(std::size_t index, std::uint64_t start, PieceBuffer& buffer,
                           Piece& piece)
{
  const std::uint64_t limit = m_starts[index + 1];
  piece.swallowed = false;
  piece.valid_utf8 = true;
  piece.scan = JsonlScan();
  m_builder->prepare(piece.rows);
  if (m_csv) {
    RowTyper typer(*m_builder, piece.rows);
    read_csv_piece(*m_reader, start, limit, buffer, typer, piece);
  } else if (load_jsonl_piece(*m_reader, start, limit, buffer, piece); piece.end > piece.begin) {
    const std::string_view text =
        buffer.view().substr(static_cast<std::size_t>(piece.begin - buffer.from()),
                             static_cast<std::size_t>(piece.end - piece.begin));
    bool cut = false;
    if (m_pass == Pass::scan_keys) {
      scan_jsonl(text, piece.begin == 0, m_name, m_dataset.lang(), piece.scan,
                 piece.rows.diagnostics);
      cut = piece.scan.cut;
    } else {
      RowTyper typer(*m_builder, piece.rows);
      cut = type_jsonl(text, piece.begin == 0, m_keys.keys, typer);
    }
    if (cut) {
      // A line over the limit ends the file, as an unterminated quote does a CSV file.
      piece.swallowed = true;
      piece.end = m_size;
    }
  }
  if (!m_checked && piece.end > piece.begin) {
    check_utf8(buffer, piece);
  }
}

// Puts the pieces read so far together, in order, on one thread at a time.
void TableFile::commit_ready(PieceBuffer& buffer)
{
  std::unique_lock lock(m_mutex);
  if (m_committing) {
    return; // the thread putting pieces together takes this one too
  }
  m_committing = true;
  while (m_next < m_done.size() && m_done[m_next]) {
    auto piece = std::move(m_done[m_next]);
    const std::size_t index = m_next;
    lock.unlock();
    try {
      commit(index, *piece, buffer);
    } catch (...) {
      lock.lock();
      m_committing = false;
      throw;
    }
    lock.lock();
    m_free.push_back(std::move(piece));
    ++m_next;
    m_room.notify_all();
  }
  m_committing = false;
}

void TableFile::commit(std::size_t index, Piece& piece, PieceBuffer& buffer)
{
  if (m_abandoned || m_swallowed) {
    return;
  }
  if (index > 0 && piece.begin != m_end) {
    // A quoted field ran over the piece's start, which was guessed from its
    // first line end: read it again from where the pieces before it end.
    buffer.load(*m_reader, m_end, m_starts[index + 1] + overhang);
    read_piece(index, m_end, buffer, piece);
  }
  if (!piece.valid_utf8) {
    m_not_utf8 = true;
    m_abandoned = true;
    return;
  }
  if (m_pass == Pass::type_rows) {
    if (!m_reserved && piece.end > piece.begin) {
      // Size the columns once, from the first piece, for the whole file.
      m_reserved = true;
      const double pieces = static_cast<double>(m_size - m_end) / (piece.end - piece.begin);
      m_builder->reserve_like(piece.rows, pieces * 1.05);
    }
    m_builder->append(piece.rows, m_lines);
  } else {
    for (std::string& key : piece.scan.keys) {
      if (std::find(m_keys.keys.begin(), m_keys.keys.end(), key) == m_keys.keys.end()) {
        m_keys.keys.push_back(std::move(key));
      }
    }
    if (m_keys.first_line == 0 && piece.scan.first_line != 0) {
      m_keys.first_line = m_lines + piece.scan.first_line;
    }
    for (Diagnostic diagnostic : piece.rows.diagnostics.items()) {
      diagnostic.line += m_lines;
      m_diagnostics.add(std::move(diagnostic));
    }
  }
  m_lines += piece.lines;
  m_end = piece.end;
  m_swallowed = piece.swallowed;
}

bool TableFile::finish_pass()
{
  if (m_failure) {
    std::rethrow_exception(m_failure);
  }
  if (m_pass == Pass::done) {
    return false;
  }
  if (m_not_utf8) {
    restart_decoded();
  } else if (m_pass == Pass::scan_keys) {
    finish_scan();
  } else {
    m_pass = Pass::done;
  }
  return m_pass != Pass::done;
}

void TableFile::finish_scan()
{
  m_pass = Pass::done;
  if (m_keys.first_line == 0) {
    if (m_diagnostics.error_count() == 0) {
      m_diagnostics.error(m_name, 0, 0, say(Wording::no_json_objects, m_dataset.lang()));
    }
    return;
  }
  const std::vector<std::string_view> header(m_keys.keys.begin(), m_keys.keys.end());
  if (m_builder->set_header(header, m_keys.first_line)) {
    m_pass = Pass::type_rows;
    start_pieces(0, 0);
  }
}

bool TableFile::rest_is_utf8(std::uint64_t from) const
{
  std::string rest(static_cast<std::size_t>(m_size - std::min(from, m_size)), '\0');
  rest.resize(m_reader->read_at(from, rest.size(), rest.data()));
  return !first_invalid_utf8(rest).has_value();
}

void TableFile::restart_decoded()
{
  m_diagnostics = Diagnostics();
  m_pass = Pass::done;
  // The rows of the pieces before the one that was not UTF-8 are dropped, so
  // that a file that cannot be decoded leaves its table as one read whole does.
  m_builder = &m_dataset.begin_table(m_table, m_name, m_diagnostics);
  if (decode_whole_file()) {
    start_reading();
  }
}

// Reads the file whole and decodes it per --encoding (SPEC §2): bytes that
// are not UTF-8 are GB18030 to `auto`, with a warning. False, with the error
// reported at the first bad byte, if that is impossible.
bool TableFile::decode_whole_file()
{
  std::string bytes(static_cast<std::size_t>(m_size), '\0');
  bytes.resize(m_reader->read_at(0, bytes.size(), bytes.data()));
  // On failure the bytes are left as they were, for locating the bad one.
  const DecodeResult result = decode_to_utf8(bytes, m_encoding, m_dataset.lang());
  m_checked = true;
  if (result.converted) {
    m_diagnostics.warning(m_name, 0, 0, say(Wording::read_as_gb18030, m_dataset.lang()));
  }
  if (!result.ok) {
    if (m_csv) {
      const CsvPosition at = csv_position(bytes, result.bad_offset);
      m_diagnostics.error(m_name, at.line, at.column, result.message);
    } else {
      const auto line =
          1 + std::count(bytes.begin(),
                         bytes.begin() + static_cast<std::ptrdiff_t>(result.bad_offset), '\n');
      m_diagnostics.error(m_name, static_cast<std::size_t>(line), 1, result.message);
    }
    return false;
  }
  if (result.converted || m_encoding == Encoding::gbk || m_encoding == Encoding::gb18030) {
    m_reader = FileReader::of_text(std::move(bytes));
    m_size = m_reader->size();
  }
  return true;
}

} // namespace orgaudit::data
