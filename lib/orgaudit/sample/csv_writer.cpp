#include <orgaudit/sample/csv_writer.hpp>

namespace orgaudit::sample {

namespace {

void append_unsigned(std::string& out, std::uint64_t value, int min_digits)
{
  char digits[24];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0 || count < min_digits);
  while (count > 0) {
    out.push_back(digits[--count]);
  }
}

void append_signed(std::string& out, std::int64_t value)
{
  if (value < 0) {
    out.push_back('-');
    append_unsigned(out, 0 - static_cast<std::uint64_t>(value), 1);
  } else {
    append_unsigned(out, static_cast<std::uint64_t>(value), 1);
  }
}

} // namespace

void CsvWriter::separator()
{
  if (m_row_started) {
    m_out.push_back(',');
  }
  m_row_started = true;
}

void CsvWriter::text(std::string_view value)
{
  separator();
  // A plain loop: find_first_of with a four-character set calls memchr per
  // byte, and this is the generator's hottest path.
  bool plain = true;
  for (const char c : value) {
    if (c == ',' || c == '"' || c == '\n' || c == '\r') {
      plain = false;
      break;
    }
  }
  if (plain) {
    m_out.append(value);
    return;
  }
  m_out.push_back('"');
  for (const char c : value) {
    if (c == '"') {
      m_out.push_back('"');
    }
    m_out.push_back(c);
  }
  m_out.push_back('"');
}

void CsvWriter::integer(std::int64_t value)
{
  separator();
  append_signed(m_out, value);
}

void CsvWriter::money(std::int64_t fen)
{
  separator();
  if (fen < 0) {
    m_out.push_back('-');
  }
  const std::uint64_t magnitude =
      fen < 0 ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  append_unsigned(m_out, magnitude / 100, 1);
  m_out.push_back('.');
  append_unsigned(m_out, magnitude % 100, 2);
}

void CsvWriter::date(Date value)
{
  separator();
  const YearMonthDay ymd = to_ymd(value);
  if (ymd.year < 0 || ymd.year > 9999) {
    append_signed(m_out, ymd.year);
    m_out.push_back('-');
    append_unsigned(m_out, static_cast<std::uint64_t>(ymd.month), 2);
    m_out.push_back('-');
    append_unsigned(m_out, static_cast<std::uint64_t>(ymd.day), 2);
    return;
  }
  const char text[10] = {static_cast<char>('0' + ymd.year / 1000),
                         static_cast<char>('0' + ymd.year / 100 % 10),
                         static_cast<char>('0' + ymd.year / 10 % 10),
                         static_cast<char>('0' + ymd.year % 10),
                         '-',
                         static_cast<char>('0' + ymd.month / 10),
                         static_cast<char>('0' + ymd.month % 10),
                         '-',
                         static_cast<char>('0' + ymd.day / 10),
                         static_cast<char>('0' + ymd.day % 10)};
  m_out.append(text, sizeof(text));
}

void CsvWriter::boolean(bool value)
{
  separator();
  m_out.append(value ? "true" : "false");
}

void CsvWriter::null()
{
  separator();
}

void CsvWriter::end_row()
{
  m_out.push_back('\n');
  m_row_started = false;
}

} // namespace orgaudit::sample
