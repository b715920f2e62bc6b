#pragma once

// A loaded dataset written out as text, for comparing two loads of the same
// input (the unit tests and the differential fuzz target).

#include <bit>
#include <cstdint>
#include <string>

#include <fmt/format.h>

#include <orgaudit/data/dataset.hpp>

namespace orgaudit::test {

// Every cell of every table, its lines and its grouping, as text.
inline std::string dump(const data::Dataset& dataset)
{
  std::string out;
  for (const data::TableData& table : dataset.tables) {
    out += fmt::format("table {} from {} absent {} rows {}\nlines", table.table->name, table.source,
                       table.absent, table.rows);
    for (std::uint32_t line : table.source_lines.to_vector()) {
      out += fmt::format(" {}", line);
    }
    out += "\norg_begin";
    for (std::uint32_t begin : table.org_begin) {
      out += fmt::format(" {}", begin);
    }
    out += "\n";
    for (const data::ColumnData& column : table.columns) {
      out += fmt::format("column present {}:", column.present);
      for (std::size_t row = 0; row < table.rows; ++row) {
        if (column.is_null(row)) {
          out += " null";
          continue;
        }
        switch (column.type) {
        case schema::ColumnType::integer:
          out += fmt::format(" {}", column.int_at(row));
          break;
        case schema::ColumnType::number:
        case schema::ColumnType::money:
          out += fmt::format(" {:x}", std::bit_cast<std::uint64_t>(column.number_at(row)));
          break;
        case schema::ColumnType::date:
          out += fmt::format(" {}", column.date_at(row).days);
          break;
        case schema::ColumnType::boolean:
        case schema::ColumnType::enumeration:
          out += fmt::format(" {}", column.code_at(row));
          break;
        case schema::ColumnType::string:
        case schema::ColumnType::uscc:
          out += fmt::format(" [{}]", column.string_at(row));
          break;
        }
      }
      out += "\n";
    }
  }
  for (const data::SkippedRow& row : dataset.skipped_rows) {
    out += fmt::format("skipped {} {}:{} [{}] [{}] {}\n", row.table, row.file, row.line, row.uscc,
                       row.name, row.reason);
  }
  return out;
}

} // namespace orgaudit::test
