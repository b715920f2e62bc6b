#pragma once

#include <cstddef>

namespace orgaudit::data {

// The most bytes one CSV field or one JSON string value may hold: a longer
// one is an error on its row.
inline constexpr std::size_t max_field_bytes = std::size_t{1} << 20;
// The most bytes one CSV record or one JSONL line may hold: past it the file
// is not read on, and no more than this is ever held for one record.
inline constexpr std::size_t max_record_bytes = std::size_t{16} << 20;
// The most columns a table file may have.
inline constexpr std::size_t max_columns = 10'000;
// How many unknown columns of a table file are named one by one; the rest
// are counted in one warning.
inline constexpr std::size_t named_unknown_columns = 5;

} // namespace orgaudit::data
