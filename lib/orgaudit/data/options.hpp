#pragma once

#include <cstddef>
#include <string>

#include <orgaudit/core/date.hpp>
#include <orgaudit/core/lang.hpp>

namespace orgaudit::data {

// How a dataset is read and checked. `encoding` is "auto", "utf-8", "gbk" or
// "gb18030" (SPEC §2); `as_of` is the audit date, after which event dates get
// a warning; with `lenient`, rows with errors are skipped with a warning each
// instead of failing the load. Files are cut into pieces of `piece_bytes`
// (0: 4 MiB, or ORGAUDIT_CHUNK_BYTES; tests choose small ones) read and
// checked in parallel, `jobs` at a time. Messages about the data are in
// `lang`.
struct LoadOptions {
  std::string encoding = "auto";
  Date as_of;
  bool lenient = false;
  Lang lang = Lang::zh;
  unsigned jobs = 0;           // pieces read at once; 0: one per core
  std::size_t piece_bytes = 0; // 0: piece_bytes()
};

} // namespace orgaudit::data
