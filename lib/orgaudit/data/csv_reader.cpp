#include <orgaudit/data/csv_reader.hpp>

#include <orgaudit/data/limits.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace orgaudit::data {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// The first comma, LF, CR or `"` at or after `pos`, or `size`: where an
// unquoted field ends, unless it is a `"` inside the field. Sixteen bytes at a
// time where SSE2 is there.
std::size_t field_end(const char* data, std::size_t pos, std::size_t size)
{
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i quote = _mm_set1_epi8('"');
  for (; pos + 16 <= size; pos += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
    const __m128i hits =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, comma), _mm_cmpeq_epi8(block, quote)),
                     _mm_or_si128(_mm_cmpeq_epi8(block, lf), _mm_cmpeq_epi8(block, cr)));
    const int mask = _mm_movemask_epi8(hits);
    if (mask != 0) {
      return pos + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
  }
#endif
  while (pos < size && data[pos] != ',' && data[pos] != '\n' && data[pos] != '\r' &&
         data[pos] != '"') {
    ++pos;
  }
  return pos;
}

} // namespace

CsvReader::CsvReader(std::string_view text, std::size_t start, bool complete, bool file_start)
    : m_text(text), m_complete(complete), m_pos(start)
{
  if (file_start && m_text.substr(start).starts_with(utf8_bom)) {
    m_pos += utf8_bom.size();
  }
}

void CsvReader::extend(std::string_view text, bool complete)
{
  m_text = text;
  m_complete = complete;
}

bool CsvReader::next()
{
  m_fields.clear();
  m_unterminated = 0;
  m_oversized = 0;
  m_stray_quote = 0;
  m_bare_quotes.clear();
  m_unquoted.clear();
  m_unquoted_fields.clear();
  m_incomplete = false;
  const char* data = m_text.data();
  const std::size_t size = m_text.size();
  // Blank lines separate nothing: skip them, counting each.
  for (;;) {
    if (m_pos >= m_limit || (m_pos >= size && m_complete)) {
      return false;
    }
    if (m_pos >= size || (data[m_pos] == '\r' && m_pos + 1 >= size && !m_complete)) {
      m_incomplete = true;
      return false;
    }
    if (data[m_pos] == '\n') {
      ++m_pos;
    } else if (data[m_pos] == '\r') {
      m_pos += m_pos + 1 < size && data[m_pos + 1] == '\n' ? 2 : 1;
    } else {
      break;
    }
    ++m_next_line;
  }
  std::size_t pos = m_pos;
  std::uint32_t line = m_next_line;
  if (!read_record(pos, line)) {
    // The record may go on past the text: leave it for a longer one.
    m_fields.clear();
    m_incomplete = true;
    return false;
  }
  m_line = m_next_line;
  m_pos = pos;
  m_next_line = line;
  for (const Unquoted& field : m_unquoted_fields) {
    m_fields[field.field] = std::string_view(m_unquoted).substr(field.offset, field.size);
  }
  return true;
}

// Reads one record from `pos`, counting its line ends into `line`; false if
// the text ends before the record does and the file goes on. A record is cut
// in the field that holds its byte max_record_bytes: the same field however
// much text follows.
bool CsvReader::read_record(std::size_t& pos, std::uint32_t& line)
{
  const char* data = m_text.data();
  const std::size_t size = m_text.size();
  const std::size_t record_start = pos;
  const auto oversized = [&](std::size_t field) {
    if (pos - record_start <= max_record_bytes) {
      return false;
    }
    m_oversized = field;
    return true;
  };
  for (;;) {
    if (pos < size && data[pos] == '"') {
      if (!read_quoted(pos, line)) {
        if (oversized(m_fields.size() + 1)) {
          m_fields.emplace_back();
          return true;
        }
        return false;
      }
    } else {
      const std::size_t start = pos;
      pos = field_end(data, pos, size);
      if (pos < size && data[pos] == '"') {
        // Not RFC 4180, but common in exports: the quote is kept as written.
        m_bare_quotes.push_back(m_fields.size() + 1);
        do {
          pos = field_end(data, pos + 1, size);
        } while (pos < size && data[pos] == '"');
      }
      m_fields.emplace_back(data + start, pos - start);
    }
    if (oversized(m_fields.size())) {
      return true;
    }
    if (pos >= size) {
      // The end of the file ends the record; the end of a piece may not.
      return m_complete;
    }
    if (data[pos] == ',') {
      ++pos;
      if (pos >= size) {
        m_fields.emplace_back();
        return m_complete;
      }
      continue;
    }
    // The end of the record: LF, CRLF or a lone CR.
    if (data[pos] == '\r') {
      if (pos + 1 >= size && !m_complete) {
        return false;
      }
      if (pos + 1 < size && data[pos + 1] == '\n') {
        ++pos;
      }
    }
    ++pos;
    ++line;
    return true;
  }
}

// Reads a quoted field at `pos`, and any text after its closing quote.
bool CsvReader::read_quoted(std::size_t& pos, std::uint32_t& line)
{
  const char* data = m_text.data();
  const std::size_t size = m_text.size();
  const std::size_t field = m_fields.size();
  ++pos;
  const std::size_t start = pos;
  // Quotes are undone into m_unquoted only once the field turns out to need it.
  bool copied = false;
  std::size_t copy_from = start;
  std::size_t offset = 0;
  bool closed = false;
  while (pos < size) {
    const char c = data[pos];
    if (c == '"') {
      if (pos + 1 >= size && !m_complete) {
        return false;
      }
      if (pos + 1 < size && data[pos + 1] == '"') {
        if (!copied) {
          copied = true;
          offset = m_unquoted.size();
        }
        m_unquoted.append(data + copy_from, pos + 1 - copy_from);
        pos += 2;
        copy_from = pos;
        continue;
      }
      closed = true;
      break;
    }
    if (c == '\n' || (c == '\r' && !(pos + 1 < size && data[pos + 1] == '\n'))) {
      if (c == '\r' && pos + 1 >= size && !m_complete) {
        return false;
      }
      ++line;
    }
    ++pos;
  }
  if (!closed) {
    if (!m_complete) {
      return false;
    }
    m_unterminated = field + 1;
  }
  const std::size_t end = pos;
  pos += closed ? 1 : 0;
  std::size_t stray_from = pos;
  if (closed && pos < size && data[pos] != ',' && data[pos] != '\n' && data[pos] != '\r') {
    // Text after the closing quote: keep it, the way spreadsheets do.
    if (m_stray_quote == 0) {
      m_stray_quote = field + 1;
    }
    while (pos < size && data[pos] != ',' && data[pos] != '\n' && data[pos] != '\r') {
      ++pos;
    }
    if (!copied) {
      copied = true;
      offset = m_unquoted.size();
    }
  }
  if (!copied) {
    m_fields.emplace_back(data + start, end - start);
    return true;
  }
  m_unquoted.append(data + copy_from, end - copy_from);
  m_unquoted.append(data + stray_from, pos - stray_from);
  m_fields.emplace_back();
  m_unquoted_fields.push_back({field, offset, m_unquoted.size() - offset});
  return true;
}

std::size_t next_line_start(std::string_view text, std::size_t offset)
{
  if (offset == 0) {
    return 0;
  }
  for (std::size_t p = offset; p <= text.size(); ++p) {
    const char before = text[p - 1];
    if (before == '\n') {
      return p;
    }
    if (before == '\r') {
      if (p == text.size()) {
        return std::string_view::npos;
      }
      if (text[p] != '\n') {
        return p;
      }
    }
  }
  return std::string_view::npos;
}

CsvPosition csv_position(std::string_view bytes, std::size_t offset)
{
  CsvPosition position;
  std::uint32_t line = 1;
  bool record_started = false;
  bool quoted = false;
  bool at_field_start = true;
  for (std::size_t i = 0; i < bytes.size() && i <= offset; ++i) {
    const char c = bytes[i];
    if (i == offset) {
      if (!record_started) {
        position.line = line;
      }
      break;
    }
    if (!record_started && c != '\n' && c != '\r') {
      record_started = true;
      position.line = line;
      position.column = 1;
    }
    const bool line_end =
        c == '\n' || (c == '\r' && !(i + 1 < bytes.size() && bytes[i + 1] == '\n'));
    if (quoted) {
      if (c == '"') {
        quoted = false;
      }
      line += line_end ? 1 : 0;
      continue;
    }
    if (c == '"' && at_field_start) {
      quoted = true;
    } else if (c == '"') {
      // The second quote of `""` reopens the quoted text.
      quoted = i > 0 && bytes[i - 1] == '"';
    }
    at_field_start = false;
    if (c == ',') {
      ++position.column;
      at_field_start = true;
    } else if (line_end) {
      ++line;
      record_started = false;
      at_field_start = true;
    }
  }
  return position;
}

} // namespace orgaudit::data
