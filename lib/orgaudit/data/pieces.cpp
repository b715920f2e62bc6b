#include <orgaudit/data/pieces.hpp>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include <orgaudit/core/interrupt.hpp>
#include <orgaudit/core/text.hpp>
#include <orgaudit/data/csv_reader.hpp>
#include <orgaudit/data/limits.hpp>
#include <orgaudit/data/wording.hpp>

namespace orgaudit::data {

namespace {

// Read past a piece's end, for the record that runs over it.
constexpr std::uint64_t slack = 64 * 1024;

} // namespace

std::size_t piece_bytes()
{
  static const std::size_t bytes = [] {
    std::size_t value = 0;
    if (const char* text = std::getenv("ORGAUDIT_CHUNK_BYTES")) {
      const std::string_view view(text);
      const auto [end, ec] = std::from_chars(view.data(), view.data() + view.size(), value);
      if (ec != std::errc() || end != view.data() + view.size()) {
        value = 0;
      }
    }
    return value > 0 ? value : std::size_t{4} << 20;
  }();
  return bytes;
}

void PieceBuffer::load(const FileReader& file, std::uint64_t from, std::uint64_t to)
{
  to = std::min(to, file.size());
  from = std::min(from, to);
  m_from = from;
  m_complete = to == file.size();
  if (const auto memory = file.in_memory()) {
    m_view = memory->substr(from, to - from);
    return;
  }
  m_bytes.resize_for_overwrite(to - from);
  const std::size_t got = file.read_at(from, to - from, m_bytes.data());
  // A file that shrank while it was read ends where its bytes do.
  m_complete = m_complete || got < to - from;
  m_view = std::string_view(m_bytes.data(), got);
}

bool PieceBuffer::grow(const FileReader& file)
{
  if (m_complete) {
    return false;
  }
  const std::uint64_t to = this->to();
  const std::uint64_t wanted =
      std::min(file.size(), to + std::max<std::uint64_t>(m_view.size(), slack));
  m_complete = wanted == file.size();
  if (const auto memory = file.in_memory()) {
    m_view = memory->substr(m_from, wanted - m_from);
    return true;
  }
  const std::size_t kept = m_view.size();
  m_bytes.resize_for_overwrite(wanted - m_from);
  const std::size_t got = file.read_at(to, wanted - to, m_bytes.data() + kept);
  m_complete = m_complete || got < wanted - to;
  m_view = std::string_view(m_bytes.data(), kept + got);
  return true;
}

std::uint64_t first_line_start(const FileReader& file, std::uint64_t offset, std::uint64_t limit,
                               bool jsonl, PieceBuffer& buffer)
{
  if (offset == 0) {
    buffer.load(file, 0, limit + slack);
    return 0;
  }
  buffer.load(file, offset - 1, limit + slack);
  for (;;) {
    const std::string_view text = buffer.view();
    std::size_t start = std::string_view::npos;
    if (jsonl) {
      const std::size_t newline = text.find('\n');
      start = newline == std::string_view::npos ? newline : newline + 1;
    } else {
      start = next_line_start(text, 1);
    }
    if (start != std::string_view::npos) {
      return buffer.from() + start;
    }
    if (buffer.to() > limit) {
      // No record starts in the piece: the one over it is read by the pieces before.
      return limit;
    }
    if (!buffer.grow(file)) {
      return file.size();
    }
  }
}

std::size_t oversized_field(std::span<const std::string_view> fields)
{
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].size() > max_field_bytes) {
      return i + 1;
    }
  }
  return 0;
}

std::string field_too_long(Lang lang)
{
  return say(Wording::field_too_long, lang, max_field_bytes >> 20, max_field_bytes);
}

void warn_bare_quotes(std::span<const std::string_view> fields,
                      std::span<const std::size_t> bare_quotes, const std::string& source,
                      std::uint32_t line, Lang lang, Diagnostics& diagnostics)
{
  for (std::size_t field : bare_quotes) {
    const std::string_view value = fields[field - 1];
    std::string quoted = "\"";
    for (char c : value) {
      if (c == '"') {
        quoted += '"';
      }
      quoted += c;
    }
    quoted += '"';
    diagnostics.warning(source, line, field, say(Wording::bare_quote, lang, value, quoted));
  }
}

std::optional<CsvHeader> read_csv_header(const FileReader& file, PieceBuffer& buffer)
{
  buffer.load(file, 0, slack);
  for (;;) {
    CsvReader reader(buffer.view(), 0, buffer.complete());
    if (reader.next()) {
      CsvHeader header;
      header.fields.assign(reader.fields().begin(), reader.fields().end());
      header.line = reader.line();
      header.unterminated_field = reader.unterminated_field();
      header.oversized_field = reader.oversized_field();
      header.long_field = oversized_field(reader.fields());
      header.bare_quote_fields.assign(reader.bare_quote_fields().begin(),
                                      reader.bare_quote_fields().end());
      header.body = reader.position();
      header.lines = reader.lines_passed();
      return header;
    }
    if (!reader.incomplete() || !buffer.grow(file)) {
      return std::nullopt;
    }
  }
}

void read_csv_piece(const FileReader& file, std::uint64_t start, std::uint64_t limit,
                    PieceBuffer& buffer, RowTyper& typer, Piece& piece)
{
  piece.begin = start;
  piece.end = start;
  piece.lines = 0;
  if (start >= limit) {
    return;
  }
  const auto relative = static_cast<std::size_t>(start - buffer.from());
  const auto check_nul = [&] {
    typer.set_may_hold_nul(buffer.view().find('\0', relative) != std::string_view::npos);
  };
  check_nul();
  CsvReader reader(buffer.view(), relative, buffer.complete(), start == 0);
  reader.stop_at(static_cast<std::size_t>(limit - buffer.from()));
  const std::string& source = typer.source();
  std::size_t records = 0;
  for (;;) {
    if (!reader.next()) {
      if (reader.incomplete() && buffer.grow(file)) {
        reader.extend(buffer.view(), buffer.complete());
        check_nul();
        continue;
      }
      break;
    }
    if ((++records & 0xFFF) == 0) {
      check_interrupted();
    }
    const std::uint32_t line = reader.line();
    if (reader.unterminated_field() != 0) {
      // The open quote swallowed the rest of the file: no row after it can be trusted.
      piece.rows.diagnostics.error(source, line, reader.unterminated_field(),
                                   say(Wording::unterminated_quote, typer.lang()));
      piece.swallowed = true;
      piece.end = file.size();
      return;
    }
    if (reader.oversized_field() != 0) {
      piece.rows.diagnostics.error(
          source, line, reader.oversized_field(),
          say(Wording::record_too_long, typer.lang(), max_record_bytes >> 20, max_record_bytes));
      piece.swallowed = true;
      piece.end = file.size();
      return;
    }
    warn_bare_quotes(reader.fields(), reader.bare_quote_fields(), source, line, typer.lang(),
                     piece.rows.diagnostics);
    if (reader.stray_quote_field() != 0) {
      typer.reject_row(line, reader.stray_quote_field(),
                       say(Wording::text_after_quote, typer.lang()));
      continue;
    }
    if (const std::size_t field = oversized_field(reader.fields()); field != 0) {
      typer.reject_row(line, field, field_too_long(typer.lang()));
      continue;
    }
    typer.add_row(reader.fields(), line);
  }
  piece.end = buffer.from() + reader.position();
  piece.lines = reader.lines_passed();
}

void check_utf8(const PieceBuffer& buffer, Piece& piece)
{
  const std::uint64_t end = std::min(piece.end, buffer.to());
  const std::string_view text =
      buffer.view().substr(static_cast<std::size_t>(piece.begin - buffer.from()),
                           static_cast<std::size_t>(end - piece.begin));
  const auto bad = first_invalid_utf8(text);
  // A piece cut short by a record over the limit may end inside a character.
  const bool cut_character = end < piece.end && bad && *bad + 4 > text.size();
  piece.valid_utf8 = !bad || cut_character;
}

void load_jsonl_piece(const FileReader& file, std::uint64_t start, std::uint64_t limit,
                      PieceBuffer& buffer, Piece& piece)
{
  piece.begin = start;
  piece.end = start;
  piece.lines = 0;
  if (start >= limit) {
    return;
  }
  for (;;) {
    const std::string_view text = buffer.view();
    const std::size_t newline =
        text.find('\n', static_cast<std::size_t>(limit - 1 - buffer.from()));
    if (newline != std::string_view::npos) {
      piece.end = buffer.from() + newline + 1;
      break;
    }
    if (buffer.to() - (limit - 1) > max_record_bytes + 1) {
      // The line over the piece's end is too long: it is cut here, and reported.
      piece.end = buffer.to();
      break;
    }
    if (!buffer.grow(file)) {
      piece.end = buffer.to();
      break;
    }
  }
  const std::string_view text = buffer.view().substr(
      static_cast<std::size_t>(start - buffer.from()), static_cast<std::size_t>(piece.end - start));
  piece.lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace orgaudit::data
