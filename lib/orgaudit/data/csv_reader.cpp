#include <orgaudit/data/csv_reader.hpp>

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

CsvReader::CsvReader(std::string& buffer) : m_buffer(buffer)
{
  if (std::string_view(m_buffer).starts_with(utf8_bom)) {
    m_pos = utf8_bom.size();
  }
}

bool CsvReader::next()
{
  m_fields.clear();
  m_unterminated = 0;
  m_stray_quote = 0;
  m_bare_quotes.clear();
  char* data = m_buffer.data();
  const std::size_t size = m_buffer.size();
  // Blank lines separate nothing: skip them, counting each.
  while (m_pos < size && (data[m_pos] == '\n' || data[m_pos] == '\r')) {
    if (data[m_pos] == '\n') {
      ++m_next_line;
    } else if (m_pos + 1 < size && data[m_pos + 1] == '\n') {
      ++m_pos;
      ++m_next_line;
    } else {
      ++m_next_line;
    }
    ++m_pos;
  }
  if (m_pos >= size) {
    return false;
  }
  m_line = m_next_line;
  for (;;) {
    std::size_t start = m_pos;
    std::size_t end = m_pos;
    if (m_pos < size && data[m_pos] == '"') {
      // Quoted: copy the text down over the quotes as `""` pairs collapse.
      ++m_pos;
      start = m_pos;
      std::size_t write = m_pos;
      bool closed = false;
      while (m_pos < size) {
        const char c = data[m_pos];
        if (c == '"') {
          if (m_pos + 1 < size && data[m_pos + 1] == '"') {
            data[write++] = '"';
            m_pos += 2;
            continue;
          }
          ++m_pos;
          closed = true;
          break;
        }
        if (c == '\n') {
          ++m_next_line;
        } else if (c == '\r' && !(m_pos + 1 < size && data[m_pos + 1] == '\n')) {
          ++m_next_line;
        }
        data[write++] = c;
        ++m_pos;
      }
      end = write;
      if (!closed) {
        m_unterminated = m_fields.size() + 1;
      } else if (m_pos < size && data[m_pos] != ',' && data[m_pos] != '\n' && data[m_pos] != '\r') {
        // Text after the closing quote: keep it, the way spreadsheets do.
        if (m_stray_quote == 0) {
          m_stray_quote = m_fields.size() + 1;
        }
        while (m_pos < size && data[m_pos] != ',' && data[m_pos] != '\n' && data[m_pos] != '\r') {
          data[end++] = data[m_pos++];
        }
      }
    } else {
      m_pos = field_end(data, m_pos, size);
      if (m_pos < size && data[m_pos] == '"') {
        // Not RFC 4180, but common in exports: the quote is kept as written.
        m_bare_quotes.push_back(m_fields.size() + 1);
        do {
          m_pos = field_end(data, m_pos + 1, size);
        } while (m_pos < size && data[m_pos] == '"');
      }
      end = m_pos;
    }
    m_fields.emplace_back(data + start, end - start);
    if (m_pos >= size) {
      break;
    }
    if (data[m_pos] == ',') {
      ++m_pos;
      if (m_pos >= size) {
        m_fields.emplace_back();
        break;
      }
      continue;
    }
    // End of the record: LF, CRLF or a lone CR.
    if (data[m_pos] == '\r' && m_pos + 1 < size && data[m_pos + 1] == '\n') {
      ++m_pos;
    }
    ++m_pos;
    ++m_next_line;
    break;
  }
  return true;
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
