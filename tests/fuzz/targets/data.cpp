// The data targets: directories of CSV or JSONL files in any encoding, read in
// pieces of any size, and SQLite files (see targets.hpp for the input layout).

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/data/loader.hpp>

#include "../../unit/dataset_dump.hpp"
#include "../support.hpp"
#include "../targets.hpp"

namespace orgaudit::fuzz {

namespace {

constexpr std::size_t whole_file = std::size_t{1} << 30;

// The load options byte 0 and 1 of a data input pick, for files of `body`
// bytes: pieces of at least a 64th of it, so that a large input is not cut
// into thousands of pieces (which only slows the fuzzer down).
data::LoadOptions options_of(std::uint8_t flags, std::uint8_t piece, std::size_t body)
{
  static constexpr const char* encodings[] = {"auto", "utf-8", "gbk", "gb18030"};
  data::LoadOptions options;
  options.encoding = encodings[flags & 3U];
  options.lenient = (flags & 4U) != 0;
  options.as_of = fuzz_as_of();
  options.jobs = 2;
  options.piece_bytes = piece == 0 ? whole_file : std::max<std::size_t>(piece, body / 64);
  return options;
}

// Writes the tables' files of `body` into a fresh directory; returns its path.
std::string write_tables(std::string_view body, std::string_view extension)
{
  const auto& directory = empty_scratch_dir();
  const auto& tables = shipped_schema()->tables;
  const auto parts = split_parts(body, "%%", tables.size());
  for (std::size_t t = 0; t < parts.size(); ++t) {
    if (parts[t].empty()) {
      continue;
    }
    write_file(directory, tables[t].name + std::string(extension), parts[t]);
  }
  return directory.string();
}

// What a load gives: the dataset as text (or "(none)") and the diagnostics,
// or the message of the error it threw.
struct Outcome {
  std::string dataset;
  std::string diagnostics;
};

Outcome load(const std::string& path, const data::LoadOptions& options)
{
  Diagnostics diagnostics;
  try {
    const auto dataset = data::load_dataset(path, shipped_schema(), options, diagnostics);
    return {dataset ? test::dump(*dataset) : "(none)", diagnostics.format()};
  } catch (const Error& e) {
    return {"(threw)", e.what()};
  }
}

void load_directory(std::string_view input, std::string_view extension)
{
  if (input.size() < 2) {
    return;
  }
  const auto options = options_of(static_cast<std::uint8_t>(input[0]),
                                  static_cast<std::uint8_t>(input[1]), input.size());
  load(write_tables(input.substr(2), extension), options);
}

} // namespace

void csv(std::string_view input)
{
  load_directory(input, ".csv");
}

void jsonl(std::string_view input)
{
  load_directory(input, ".jsonl");
}

void csv_diff(std::string_view input)
{
  if (input.size() < 2) {
    return;
  }
  auto options = options_of(static_cast<std::uint8_t>(input[0]),
                            static_cast<std::uint8_t>(input[1]), input.size());
  const std::string path = write_tables(input.substr(2), ".csv");
  const Outcome pieces = load(path, options);
  options.jobs = 1;
  options.piece_bytes = whole_file;
  const Outcome whole = load(path, options);
  check_equal(whole.diagnostics, pieces.diagnostics, "the diagnostics");
  check_equal(whole.dataset, pieces.dataset, "the datasets");
}

void sqlite(std::string_view input)
{
  const auto& directory = empty_scratch_dir();
  write_file(directory, "data.db", input);
  data::LoadOptions options;
  options.as_of = fuzz_as_of();
  options.jobs = 1;
  load((directory / "data.db").string(), options);
}

} // namespace orgaudit::fuzz
