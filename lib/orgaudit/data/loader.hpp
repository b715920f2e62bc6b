#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/data/dataset.hpp>
#include <orgaudit/data/options.hpp>
#include <orgaudit/schema/schema.hpp>

namespace orgaudit::data {

// Loads and validates a dataset (SPEC §2): a directory with one NAME.csv or
// NAME.jsonl per table (organizations required), a SQLite file (*.db,
// *.sqlite), or "builtin:samples/huzhou". Every problem goes to
// `diagnostics` as `file:line:col`, sorted by file then line; returns null
// when there are errors (with options.lenient, bad rows are skipped with a
// warning each and counted in Dataset::skipped_rows). Throws IoError when a
// file cannot be read at all.
std::shared_ptr<const Dataset> load_dataset(const std::string& path,
                                            std::shared_ptr<const schema::Schema> schema,
                                            const LoadOptions& options, Diagnostics& diagnostics);

// One table of text records held in memory, e.g. the organization of a rule
// test written inline in YAML. A nullopt or empty cell is null.
struct TextTable {
  std::string table;               // schema table name, e.g. "annual_reports"
  std::string source;              // the name diagnostics show, e.g. "tests/x.yaml"
  std::vector<std::string> header; // canonical column names or aliases
  std::uint32_t header_line = 0;
  struct Row {
    std::vector<std::optional<std::string>> cells; // aligned with header
    std::uint32_t line = 0;
  };
  std::vector<Row> rows;
  bool absent = false; // declared unknown (no header, no rows): absent from the dataset
};

// Builds and validates a dataset from in-memory tables with the same checks
// as load_dataset. An unknown table name is an error. A table not given is
// empty (known: nothing happened), unless given with `absent`, which leaves it
// absent from the dataset (unknown, SPEC §2), as a file missing from a
// directory does.
std::shared_ptr<const Dataset> build_dataset(std::span<const TextTable> tables,
                                             std::shared_ptr<const schema::Schema> schema,
                                             const LoadOptions& options, Diagnostics& diagnostics,
                                             const std::string& path = "(memory)");

} // namespace orgaudit::data
