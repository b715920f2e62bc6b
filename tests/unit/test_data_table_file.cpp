#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <orgaudit/data/loader.hpp>
#include <orgaudit/schema/loader.hpp>

#include "dataset_dump.hpp"

using namespace orgaudit;
using namespace orgaudit::data;

namespace {

std::shared_ptr<const schema::Schema> shipped_schema()
{
  static const auto loaded = [] {
    Diagnostics diagnostics;
    return schema::load_schema(std::string(schema::builtin_schema_path), diagnostics);
  }();
  REQUIRE(loaded);
  return loaded;
}

struct Loaded {
  std::string dataset; // dump(), or "(none)"
  std::string diagnostics;
};

Loaded load(const std::string& path, bool lenient, unsigned jobs, std::size_t piece_bytes)
{
  LoadOptions options;
  options.as_of = parse_date("2026-11-27").value();
  options.lenient = lenient;
  options.jobs = jobs;
  options.piece_bytes = piece_bytes;
  Diagnostics diagnostics;
  const auto dataset = load_dataset(path, shipped_schema(), options, diagnostics);
  return {dataset ? test::dump(*dataset) : "(none)", diagnostics.format()};
}

} // namespace

TEST_CASE("files read in pieces of any size give the dataset and diagnostics of one piece")
{
  // Every fixture of the validate tests; `chunked` puts quoted commas, doubled
  // quotes and LF, CRLF and lone CR line ends inside fields, with text after a
  // quoted newline that looks like a record.
  const std::filesystem::path fixtures = std::string(ORGAUDIT_TEST_DATA) + "/validate";
  std::size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(fixtures)) {
    if (!entry.is_directory()) {
      continue;
    }
    const std::string path = entry.path().string();
    std::uintmax_t largest = 0;
    for (const auto& file : std::filesystem::directory_iterator(entry.path())) {
      if (!file.path().stem().string().starts_with("expected")) {
        largest = std::max(largest, file.file_size());
      }
    }
    for (const bool lenient : {false, true}) {
      const Loaded whole = load(path, lenient, 1, std::size_t{1} << 30);
      // A piece boundary at every byte of every file, and at every offset
      // from the start of the rows for the larger pieces.
      for (std::size_t bytes = 1; bytes <= largest + 1; ++bytes) {
        CAPTURE(path);
        CAPTURE(lenient);
        CAPTURE(bytes);
        const Loaded pieces = load(path, lenient, 2, bytes);
        CHECK(pieces.diagnostics == whole.diagnostics);
        CHECK(pieces.dataset == whole.dataset);
      }
    }
    ++checked;
  }
  CHECK(checked >= 14);
}
