#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include <orgaudit/core/date.hpp>
#include <orgaudit/sample/tables.hpp>

namespace orgaudit::sample {

// Registrations start in 1990, so the audit date must leave a few years of history.
inline constexpr int earliest_as_of_year = 1995;

// Far beyond China's 865,000 organizations; it keeps the plan (≈ 100 bytes
// an organization) within memory and the USCC serials distinct.
inline constexpr std::size_t max_organizations = 100'000'000;

struct SampleOptions {
  std::size_t organizations = 0; // ≥ 1
  std::uint64_t seed = 1;
  Date as_of;
  unsigned jobs = 0; // worker threads; 0 = all cores. Never changes the output.
};

struct SampleSummary {
  std::size_t organizations = 0;
  std::size_t child_rows = 0;
};

// Receives the generated CSV text of each table in order: first its header,
// then its rows in organization order, in pieces.
class TableSink {
 public:
  virtual ~TableSink() = default;
  virtual void write(SampleTable table, std::string_view text) = 0;
};

// Throws UsageError (exit 2), worded as `orgaudit sample`'s options, when the
// generator cannot honour `options`: no organizations, more than
// max_organizations, or an as_of before earliest_as_of_year.
void check_sample_options(const SampleOptions& options);

// Generates a synthetic dataset (SPEC §9) into `sink`: the same options give
// the same bytes whatever `jobs` is. Checks the options first
// (check_sample_options). Organizations are generated in chunks of a fixed
// size, so memory does not grow with the number of organizations beyond the
// per-organization plan (a few dozen bytes each).
SampleSummary generate_sample(const SampleOptions& options, TableSink& sink);

// Generates the dataset as DIR/<table>.csv (DIR is created if missing, once
// the options passed check_sample_options), each file written atomically.
// Throws IoError when a file cannot be written.
SampleSummary write_sample(const SampleOptions& options, const std::filesystem::path& directory);

} // namespace orgaudit::sample
