#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/data/table_builder.hpp>

namespace orgaudit::data {

// JSON Lines (one object per line; keys are column names or aliases; native
// JSON strings, numbers, booleans and null) are read in two passes, each over
// whole lines and so over any piece of a file: scan_jsonl finds the header —
// every key, in order of first appearance — and the lines that are not JSON
// objects; type_jsonl then types each object, a key missing from a line being
// null. Line numbers count from 1 at the start of `text`; at the start of a
// file (`file_start`) a BOM is skipped. Blank lines are skipped. Both passes
// stop at a line over max_record_bytes (limits.hpp): no line after it is read.
struct JsonlScan {
  std::vector<std::string> keys; // no more than max_columns + 1
  std::uint32_t first_line = 0;  // the first line holding an object, or 0
  bool cut = false;              // a line over max_record_bytes ended the text
};

// Pass one: adds the keys of `text` to `scan`; each line that is not a JSON
// object is an error in `diagnostics`, named `source`.
void scan_jsonl(std::string_view text, bool file_start, const std::string& source, Lang lang,
                JsonlScan& scan, Diagnostics& diagnostics);

// Pass two: types each object line of `text` into `typer`, its values placed
// by `keys` (the header); a string value over max_field_bytes is an error on
// its row. True if a line over max_record_bytes ended the text.
bool type_jsonl(std::string_view text, bool file_start, std::span<const std::string> keys,
                RowTyper& typer);

} // namespace orgaudit::data
