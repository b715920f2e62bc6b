#include <orgaudit/data/column_data.hpp>

#include <algorithm>
#include <stdexcept>

namespace orgaudit::data {

using schema::ColumnType;

namespace {

bool narrow_type(ColumnType type)
{
  return type == ColumnType::integer || type == ColumnType::number || type == ColumnType::money ||
         type == ColumnType::date;
}

bool text_type(ColumnType type)
{
  return type == ColumnType::string || type == ColumnType::uscc;
}

// The index of the last run starting at or before `row`.
std::size_t last_at_or_before(const std::uint32_t* starts, std::size_t count, std::size_t row)
{
  return static_cast<std::size_t>(std::upper_bound(starts, starts + count, row) - starts) - 1;
}

} // namespace

void ColumnData::use_runs()
{
  m_runs = true;
}

bool ColumnData::is_null(std::size_t row) const
{
  switch (type) {
  case ColumnType::integer:
  case ColumnType::number:
  case ColumnType::money:
  case ColumnType::date:
    return m_narrow[row] == null_narrow;
  case ColumnType::boolean:
  case ColumnType::enumeration:
    return m_codes[row] == null_code;
  case ColumnType::string:
  case ColumnType::uscc:
    return string_at(row).empty();
  }
  return true;
}

std::int64_t ColumnData::wide_at(std::size_t row) const
{
  const auto found = std::lower_bound(m_wide.begin(), m_wide.end(), row,
                                      [](const Wide& w, std::size_t r) { return w.row < r; });
  return found->bits;
}

std::size_t ColumnData::run_of(std::size_t row) const
{
  return last_at_or_before(m_run_rows.data(), m_run_rows.size(), row);
}

void ColumnData::push_wide(std::int64_t bits)
{
  m_wide.push_back({static_cast<std::uint32_t>(m_narrow.size()), bits});
  m_narrow.push_back(wide_marker);
}

void ColumnData::push_null()
{
  switch (type) {
  case ColumnType::integer:
  case ColumnType::number:
  case ColumnType::money:
  case ColumnType::date:
    m_narrow.push_back(null_narrow);
    break;
  case ColumnType::boolean:
  case ColumnType::enumeration:
    m_codes.push_back(null_code);
    break;
  case ColumnType::string:
  case ColumnType::uscc:
    push_string({});
    break;
  }
}

void ColumnData::push_int(std::int64_t value)
{
  if (value > wide_marker && value <= std::numeric_limits<std::int32_t>::max()) {
    m_narrow.push_back(static_cast<std::int32_t>(value));
  } else if (value == null_int) {
    m_narrow.push_back(null_narrow);
  } else {
    push_wide(value);
  }
}

void ColumnData::push_number(double value)
{
  if (std::isnan(value)) {
    m_narrow.push_back(null_narrow);
    return;
  }
  // Whole cents are stored as such when reading them back gives the very same
  // double, bit for bit (so -0.0 is kept apart).
  const double scaled = value * 100.0;
  if (std::fabs(scaled) < 2.1e9) {
    const auto cents = static_cast<std::int32_t>(std::llround(scaled));
    if (cents / 100.0 == value && (cents != 0 || !std::signbit(value))) {
      m_narrow.push_back(cents);
      return;
    }
  }
  push_wide(std::bit_cast<std::int64_t>(value));
}

void ColumnData::append_text(std::string_view value)
{
  if (m_arena.size() + value.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("text column larger than 4 GiB");
  }
  m_arena.append(value.data(), value.size());
  m_offsets.push_back(static_cast<std::uint32_t>(m_arena.size()));
}

void ColumnData::push_string(std::string_view value)
{
  if (!m_runs) {
    append_text(value);
    return;
  }
  if (m_run_rows.empty() || run_value(m_run_rows.size() - 1) != value) {
    m_run_rows.push_back(static_cast<std::uint32_t>(m_rows));
    append_text(value);
  }
  ++m_rows;
}

std::size_t ColumnData::size() const
{
  switch (type) {
  case ColumnType::integer:
  case ColumnType::number:
  case ColumnType::money:
  case ColumnType::date:
    return m_narrow.size();
  case ColumnType::boolean:
  case ColumnType::enumeration:
    return m_codes.size();
  case ColumnType::string:
  case ColumnType::uscc:
    return m_runs ? m_rows : m_offsets.size() - 1;
  }
  return 0;
}

void ColumnData::reserve(std::size_t rows, std::size_t text_bytes)
{
  if (narrow_type(type)) {
    m_narrow.reserve(rows);
  } else if (text_type(type)) {
    if (!m_runs) {
      m_offsets.reserve(rows + 1);
    }
    m_arena.reserve(text_bytes);
  } else {
    m_codes.reserve(rows);
  }
}

void ColumnData::clear()
{
  m_narrow.clear();
  m_codes.clear();
  m_wide.clear();
  m_offsets.resize(1, 0);
  m_arena.clear();
  m_run_rows.clear();
  m_rows = 0;
}

void ColumnData::append(const ColumnData& other)
{
  const auto first_row = static_cast<std::uint32_t>(size());
  if (narrow_type(type)) {
    m_narrow.append(other.m_narrow.data(), other.m_narrow.size());
    for (const Wide& wide : other.m_wide) {
      m_wide.push_back({first_row + wide.row, wide.bits});
    }
    return;
  }
  if (!text_type(type)) {
    m_codes.append(other.m_codes.data(), other.m_codes.size());
    return;
  }
  if (m_runs && other.m_runs) {
    for (std::size_t run = 0; run < other.run_count(); ++run) {
      const std::string_view value = other.run_value(run);
      if (m_run_rows.empty() || run_value(m_run_rows.size() - 1) != value) {
        m_run_rows.push_back(first_row + other.m_run_rows[run]);
        append_text(value);
      }
    }
    m_rows += other.m_rows;
    return;
  }
  if (!m_runs && !other.m_runs) {
    const std::uint32_t base = m_offsets.back();
    if (m_arena.size() + other.m_arena.size() > std::numeric_limits<std::uint32_t>::max()) {
      throw std::length_error("text column larger than 4 GiB");
    }
    m_arena.append(other.m_arena.data(), other.m_arena.size());
    m_offsets.reserve(m_offsets.size() + other.m_offsets.size() - 1);
    for (std::size_t i = 1; i < other.m_offsets.size(); ++i) {
      m_offsets.push_back(base + other.m_offsets[i]);
    }
    return;
  }
  for (std::size_t row = 0; row < other.size(); ++row) {
    push_string(other.string_at(row));
  }
}

void ColumnData::gather(const ColumnData& source, std::span<const RowRange> ranges)
{
  clear();
  std::size_t rows = 0;
  for (const RowRange& range : ranges) {
    rows += range.end - range.begin;
  }
  if (narrow_type(type)) {
    m_narrow.reserve(rows);
    for (const RowRange& range : ranges) {
      const auto first_row = static_cast<std::uint32_t>(m_narrow.size());
      m_narrow.append(source.m_narrow.data() + range.begin, range.end - range.begin);
      if (source.m_wide.empty()) {
        continue;
      }
      auto wide = std::lower_bound(source.m_wide.begin(), source.m_wide.end(), range.begin,
                                   [](const Wide& w, std::uint32_t r) { return w.row < r; });
      for (; wide != source.m_wide.end() && wide->row < range.end; ++wide) {
        m_wide.push_back({first_row + wide->row - range.begin, wide->bits});
      }
    }
    std::sort(m_wide.begin(), m_wide.end(),
              [](const Wide& a, const Wide& b) { return a.row < b.row; });
    return;
  }
  if (!text_type(type)) {
    m_codes.reserve(rows);
    for (const RowRange& range : ranges) {
      m_codes.append(source.m_codes.data() + range.begin, range.end - range.begin);
    }
    return;
  }
  if (!m_runs) {
    m_offsets.reserve(rows + 1);
  }
  for (const RowRange& range : ranges) {
    if (range.begin == range.end) {
      continue;
    }
    if (!source.m_runs) {
      for (std::uint32_t row = range.begin; row < range.end; ++row) {
        push_string(source.string_at(row));
      }
      continue;
    }
    // Walk the runs the range overlaps, a run at a time.
    std::size_t run = source.run_of(range.begin);
    std::uint32_t row = range.begin;
    while (row < range.end) {
      const std::uint32_t run_end = run + 1 < source.run_count()
                                        ? source.m_run_rows[run + 1]
                                        : static_cast<std::uint32_t>(source.m_rows);
      const std::uint32_t stop = std::min(run_end, range.end);
      const std::string_view value = source.run_value(run);
      if (m_runs) {
        if (m_run_rows.empty() || run_value(m_run_rows.size() - 1) != value) {
          m_run_rows.push_back(static_cast<std::uint32_t>(m_rows));
          append_text(value);
        }
        m_rows += stop - row;
      } else {
        for (std::uint32_t r = row; r < stop; ++r) {
          append_text(value);
        }
      }
      row = stop;
      ++run;
    }
  }
}

void SourceLines::push_back(std::uint32_t line)
{
  if (m_run_rows.empty() ||
      m_run_lines.back() + (m_rows - m_run_rows.back()) != static_cast<std::size_t>(line)) {
    m_run_rows.push_back(static_cast<std::uint32_t>(m_rows));
    m_run_lines.push_back(line);
  }
  ++m_rows;
}

std::size_t SourceLines::run_of(std::size_t row) const
{
  return last_at_or_before(m_run_rows.data(), m_run_rows.size(), row);
}

std::uint32_t SourceLines::operator[](std::size_t row) const
{
  const std::size_t run = run_of(row);
  return m_run_lines[run] + static_cast<std::uint32_t>(row - m_run_rows[run]);
}

void SourceLines::clear()
{
  m_run_rows.clear();
  m_run_lines.clear();
  m_rows = 0;
}

void SourceLines::append(const SourceLines& other, std::uint32_t offset)
{
  for (std::size_t run = 0; run < other.m_run_rows.size(); ++run) {
    const std::size_t end =
        run + 1 < other.m_run_rows.size() ? other.m_run_rows[run + 1] : other.m_rows;
    const std::uint32_t line = other.m_run_lines[run] + offset;
    push_back(line);
    // The rest of the run follows on consecutive lines.
    m_rows += end - other.m_run_rows[run] - 1;
  }
}

void SourceLines::gather(const SourceLines& source, std::span<const RowRange> ranges)
{
  clear();
  for (const RowRange& range : ranges) {
    std::uint32_t row = range.begin;
    while (row < range.end) {
      const std::size_t run = source.run_of(row);
      const std::size_t run_end =
          run + 1 < source.m_run_rows.size() ? source.m_run_rows[run + 1] : source.m_rows;
      const auto stop = static_cast<std::uint32_t>(std::min<std::size_t>(run_end, range.end));
      push_back(source[row]);
      m_rows += stop - row - 1;
      row = stop;
    }
  }
}

std::vector<std::uint32_t> SourceLines::to_vector() const
{
  std::vector<std::uint32_t> lines;
  lines.reserve(m_rows);
  for (std::size_t row = 0; row < m_rows; ++row) {
    lines.push_back((*this)[row]);
  }
  return lines;
}

} // namespace orgaudit::data
