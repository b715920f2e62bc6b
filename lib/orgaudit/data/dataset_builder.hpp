#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/data/dataset.hpp>
#include <orgaudit/data/options.hpp>
#include <orgaudit/data/table_builder.hpp>

namespace orgaudit::data {

class KeyIndex;

// Assembles a Dataset from one TableBuilder per input file, then runs the
// checks across tables: organizations sorted by USCC with duplicate keys
// found, child rows matched to their organization (orphans reported) and
// grouped by it, a stretch of rows at a time. Every input path (files,
// SQLite, in-memory records) ends here.
class DatasetBuilder {
 public:
  DatasetBuilder(std::shared_ptr<const schema::Schema> schema, const LoadOptions& options,
                 Diagnostics& diagnostics);

  // The language of the messages about the data.
  Lang lang() const { return m_options.lang; }

  // The builder for the rows of schema table `table_index`, read from `source`
  // (the name diagnostics show). Each table is begun at most once; a table
  // never begun is absent from the dataset (unknown, SPEC §2), and one begun
  // without a header is present and empty.
  TableBuilder& begin_table(std::size_t table_index, std::string source);
  // The same, with the table's problems reported to `diagnostics` (one per
  // thread when tables are read in parallel; merged by the caller). Only the
  // builder's set_header, add_row and reject_row report, so `diagnostics` must
  // outlive the reading of the rows, not the DatasetBuilder.
  TableBuilder& begin_table(std::size_t table_index, std::string source, Diagnostics& diagnostics);

  // Reports that schema table `table_index` is not in the input `path`, which
  // was searched for `looked_for` (e.g. "activities.csv or activities.jsonl"):
  // for the organizations table an error at `path`, else one warning at
  // `file` (the name the table's diagnostics would have, e.g.
  // "activities.csv") that the table is unknown and what that means.
  void report_absent(std::size_t table_index, const std::string& path, const std::string& file,
                     std::string_view looked_for);

  // Adds an input file to the dataset's fingerprint (InputFingerprint), as
  // loaded; call in table order.
  void add_input(std::string name, std::string path, std::optional<FileIdentity> identity);

  // The checked dataset, or null if any error was reported (in lenient mode
  // only errors that no skipped row can cure remain errors).
  std::shared_ptr<const Dataset> finish(std::string path);

 private:
  void sort_organizations(TableData& organizations, std::size_t key, std::size_t position,
                          const std::string& key_name);
  // Where diagnostics about `file` go: the index of its table, so that the
  // organizations come first; after every table for a file of none.
  std::size_t table_rank(const std::string& file) const;
  void group_children(TableData& child, const TableBuilder& builder, const KeyIndex& index,
                      std::size_t org_count);
  void gather_table(TableData& table, const std::vector<RowRange>& ranges);

  std::shared_ptr<const schema::Schema> m_schema;
  const LoadOptions& m_options;
  Diagnostics& m_diagnostics;
  std::size_t m_errors_before = 0;
  std::vector<std::optional<TableBuilder>> m_builders;
  std::shared_ptr<InputFingerprint> m_fingerprint;
  std::vector<SkippedRow> m_skipped; // duplicates and orphans; then every row skipped
};

} // namespace orgaudit::data
