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
// file (`file_start`) a BOM is skipped. Blank lines are skipped.
struct JsonlScan {
  std::vector<std::string> keys;
  std::uint32_t first_line = 0; // the first line holding an object, or 0
};

// Pass one: adds the keys of `text` to `scan`; each line that is not a JSON
// object is an error in `diagnostics`, named `source`.
void scan_jsonl(std::string_view text, bool file_start, const std::string& source, Lang lang,
                JsonlScan& scan, Diagnostics& diagnostics);

// Pass two: types each object line of `text` into `typer`, its values placed
// by `keys` (the header).
void type_jsonl(std::string_view text, bool file_start, std::span<const std::string> keys,
                RowTyper& typer);

} // namespace orgaudit::data
