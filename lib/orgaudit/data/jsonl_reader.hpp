#pragma once

#include <string_view>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/data/table_builder.hpp>

namespace orgaudit::data {

// Reads JSON Lines (one object per line; keys are column names or aliases;
// native JSON strings, numbers, booleans and null) into `builder`. The header
// is every key in order of first appearance; a key missing from a line is
// null. The line of a row is its line in the file. Lines that are not JSON
// objects are errors; blank lines are skipped.
void read_jsonl_table(std::string_view text, TableBuilder& builder, Diagnostics& diagnostics);

} // namespace orgaudit::data
