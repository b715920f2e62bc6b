#include <orgaudit/data/loader.hpp>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>

#include <fmt/format.h>

#include <orgaudit/core/builtin.hpp>
#include <orgaudit/core/file.hpp>
#include <orgaudit/core/parallel.hpp>
#include <orgaudit/data/dataset_builder.hpp>
#include <orgaudit/data/encoding.hpp>
#include <orgaudit/data/sqlite_reader.hpp>
#include <orgaudit/data/table_file.hpp>
#include <orgaudit/data/wording.hpp>

namespace orgaudit::data {

namespace {

std::string join_path(const std::string& directory, const std::string& name)
{
  if (directory.starts_with(builtin_prefix)) {
    return directory + "/" + name;
  }
  return (std::filesystem::path(directory) / name).string();
}

bool is_sqlite_path(const std::string& path)
{
  const std::string extension = std::filesystem::path(path).extension().string();
  return extension == ".db" || extension == ".sqlite" || extension == ".sqlite3";
}

// Reads the tables' files: each cut into pieces, and the pieces of all files
// read at once, up to `jobs` at a time, largest files first; each file's rows
// and diagnostics are put together in file order, then the diagnostics and
// the fingerprint in table order, so nothing depends on the timing.
void read_directory(const std::string& path, const schema::Schema& schema, Encoding encoding,
                    const LoadOptions& options, DatasetBuilder& builder, Diagnostics& diagnostics)
{
  const std::size_t piece_size = options.piece_bytes > 0 ? options.piece_bytes : piece_bytes();
  std::vector<std::unique_ptr<TableFile>> files;
  for (std::size_t t = 0; t < schema.tables.size(); ++t) {
    const std::string& table = schema.tables[t].name;
    const std::string csv_name = table + ".csv";
    const std::string jsonl_name = table + ".jsonl";
    // Anything at the name counts, so that a directory or a named pipe named
    // like a table is reported as what it is, not taken for an absent table.
    const bool has_csv = path_taken(join_path(path, csv_name));
    const bool has_jsonl = path_taken(join_path(path, jsonl_name));
    if (has_csv && has_jsonl) {
      diagnostics.error(csv_name, 0, 0,
                        say(Wording::both_files, options.lang, csv_name, jsonl_name));
      continue;
    }
    if (!has_csv && !has_jsonl) {
      builder.report_absent(t, path, csv_name,
                            say(Wording::either_file, options.lang, csv_name, jsonl_name));
      continue;
    }
    const std::string name = has_csv ? csv_name : jsonl_name;
    const std::string file_path = join_path(path, name);
    if (const auto reason = not_a_regular_file(file_path)) {
      diagnostics.error(name, 0, 0, *reason);
      continue;
    }
    files.push_back(
        std::make_unique<TableFile>(builder, t, name, file_path, has_csv, encoding, piece_size));
  }
  for (const auto& file : files) {
    file->open();
  }
  std::vector<TableFile*> by_size;
  for (const auto& file : files) {
    by_size.push_back(file.get());
  }
  std::stable_sort(by_size.begin(), by_size.end(),
                   [](const TableFile* a, const TableFile* b) { return a->size() > b->size(); });
  // Each thread reads into a buffer of its own, kept from piece to piece.
  std::mutex buffers_mutex;
  std::vector<std::unique_ptr<PieceBuffer>> buffers;
  bool more = true;
  while (more) {
    std::vector<std::pair<TableFile*, std::size_t>> work;
    for (TableFile* file : by_size) {
      for (std::size_t piece = 0; piece < file->pieces(); ++piece) {
        work.emplace_back(file, piece);
      }
    }
    for_each_parallel(work.size(), options.jobs, [&](std::size_t i) {
      std::unique_ptr<PieceBuffer> buffer;
      {
        std::lock_guard lock(buffers_mutex);
        if (!buffers.empty()) {
          buffer = std::move(buffers.back());
          buffers.pop_back();
        }
      }
      if (!buffer) {
        buffer = std::make_unique<PieceBuffer>();
      }
      work[i].first->run_piece(work[i].second, *buffer);
      std::lock_guard lock(buffers_mutex);
      buffers.push_back(std::move(buffer));
    });
    more = false;
    for (const auto& file : files) {
      more = file->finish_pass() || more;
    }
  }
  for (const auto& file : files) {
    builder.add_input(file->name(), file->path(), file->identity());
    diagnostics.append(file->diagnostics());
  }
}

} // namespace

std::shared_ptr<const Dataset> load_dataset(const std::string& path,
                                            std::shared_ptr<const schema::Schema> schema,
                                            const LoadOptions& options, Diagnostics& diagnostics)
{
  const auto encoding = parse_encoding(options.encoding);
  if (!encoding) {
    throw UsageError(say(Wording::unknown_encoding, options.lang, options.encoding));
  }
  DatasetBuilder builder(schema, options, diagnostics);
  std::error_code ec;
  if (path.starts_with(builtin_prefix) || std::filesystem::is_directory(path, ec)) {
    read_directory(path, *schema, *encoding, options, builder, diagnostics);
  } else if (const auto reason = not_a_regular_file(path)) {
    diagnostics.error(path, 0, 0, *reason + " (--data takes a directory or a SQLite file)");
  } else if (std::filesystem::is_regular_file(path, ec) && is_sqlite_path(path)) {
    read_sqlite(path, *schema, builder, diagnostics);
  } else if (std::filesystem::exists(path, ec)) {
    diagnostics.error(path, 0, 0, say(Wording::not_a_dataset, options.lang));
  } else {
    diagnostics.error(path, 0, 0, say(Wording::no_such_path, options.lang));
  }
  return builder.finish(path);
}

std::shared_ptr<const Dataset> build_dataset(std::span<const TextTable> tables,
                                             std::shared_ptr<const schema::Schema> schema,
                                             const LoadOptions& options, Diagnostics& diagnostics,
                                             const std::string& path)
{
  DatasetBuilder builder(schema, options, diagnostics);
  std::vector<bool> seen(schema->tables.size(), false);
  std::vector<Cell> cells;
  for (const TextTable& input : tables) {
    const auto index = schema->table_index(input.table);
    if (!index) {
      diagnostics.error(input.source, input.header_line, 0,
                        say(Wording::unknown_table, options.lang, input.table));
      continue;
    }
    if (seen[*index]) {
      diagnostics.error(input.source, input.header_line, 0,
                        say(Wording::table_twice, options.lang, input.table));
      continue;
    }
    seen[*index] = true;
    if (input.absent) {
      continue;
    }
    TableBuilder& table_builder = builder.begin_table(*index, input.source);
    const std::vector<std::string_view> header(input.header.begin(), input.header.end());
    if (!table_builder.set_header(header, input.header_line)) {
      continue;
    }
    for (const auto& row : input.rows) {
      cells.clear();
      for (const auto& cell : row.cells) {
        cells.push_back(cell ? Cell::of_text(*cell) : Cell{});
      }
      table_builder.add_row(cells, row.line);
    }
  }
  for (std::size_t t = 0; t < seen.size(); ++t) {
    if (!seen[t]) {
      builder.begin_table(t, path);
    }
  }
  return builder.finish(path);
}

} // namespace orgaudit::data
