#pragma once

#include <filesystem>

#include <orgaudit/data/dataset.hpp>

namespace orgaudit::data {

// Writes `dataset` as a SQLite database at `target`: one table per schema
// table the input had (an absent table stays absent), named like the CSV
// files, with the columns the input had (every column for a table given
// without a header). Enum values are stored as their canonical names, text
// as TEXT, booleans as 0/1, dates as ISO text, money as REAL. All rows
// go in one transaction into a temporary file beside the target, which is
// renamed onto it only when complete, so a failure never leaves a partial
// database. Throws IoError naming `target` on any failure.
void write_sqlite(const Dataset& dataset, const std::filesystem::path& target);

} // namespace orgaudit::data
