#include <orgaudit/data/loader.hpp>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include <orgaudit/core/builtin.hpp>
#include <orgaudit/core/file.hpp>
#include <orgaudit/core/interrupt.hpp>
#include <orgaudit/core/parallel.hpp>
#include <orgaudit/core/sha256.hpp>
#include <orgaudit/data/csv_reader.hpp>
#include <orgaudit/data/dataset_builder.hpp>
#include <orgaudit/data/encoding.hpp>
#include <orgaudit/data/jsonl_reader.hpp>
#include <orgaudit/data/sqlite_reader.hpp>

namespace orgaudit::data {

namespace {

// Warns of each unquoted field of the current record with a `"` inside,
// which is not RFC 4180 but is kept as written (SPEC §2).
void warn_bare_quotes(const CsvReader& reader, const std::string& source, Diagnostics& diagnostics)
{
  for (std::size_t field : reader.bare_quote_fields()) {
    const std::string_view value = reader.fields()[field - 1];
    std::string quoted = "\"";
    for (char c : value) {
      if (c == '"') {
        quoted += '"';
      }
      quoted += c;
    }
    quoted += '"';
    diagnostics.warning(source, reader.line(), field,
                        fmt::format("quote inside an unquoted field, kept as written: {} "
                                    "(RFC 4180 would write {})",
                                    value, quoted));
  }
}

// Reads a CSV file already decoded to UTF-8 into `builder`.
void read_csv_table(std::string& text, TableBuilder& builder, Diagnostics& diagnostics)
{
  CsvReader reader(text);
  if (!reader.next()) {
    diagnostics.error(builder.source(), 0, 0, "empty file: no header row");
    return;
  }
  if (reader.unterminated_field() != 0) {
    diagnostics.error(builder.source(), reader.line(), reader.unterminated_field(),
                      "unterminated quoted field in the header");
    return;
  }
  warn_bare_quotes(reader, builder.source(), diagnostics);
  if (!builder.set_header(reader.fields(), reader.line())) {
    return;
  }
  std::vector<Cell> cells;
  std::size_t records = 0;
  while (reader.next()) {
    if ((++records & 0xFFF) == 0) {
      check_interrupted();
    }
    if (reader.unterminated_field() != 0) {
      // The open quote swallowed the rest of the file: no row after it can be trusted.
      diagnostics.error(builder.source(), reader.line(), reader.unterminated_field(),
                        "unterminated quoted field (the quote runs to the end of the file)");
      return;
    }
    warn_bare_quotes(reader, builder.source(), diagnostics);
    if (reader.stray_quote_field() != 0) {
      builder.reject_row(reader.line(), reader.stray_quote_field(),
                         "text after a closing quote (write \"\" for a quote inside a field)");
      continue;
    }
    cells.clear();
    for (std::string_view field : reader.fields()) {
      cells.push_back(Cell::of_text(field));
    }
    builder.add_row(cells, reader.line());
  }
}

// Decodes `bytes` per --encoding; false (with the error reported) if impossible.
bool decode(std::string& bytes, const std::string& source, bool csv, Encoding encoding,
            Diagnostics& diagnostics)
{
  const DecodeResult result = decode_to_utf8(bytes, encoding);
  if (result.converted) {
    diagnostics.warning(source, 0, 0,
                        "not valid UTF-8; read as GB18030 (pass --encoding gb18030 to say so)");
  }
  if (result.ok) {
    return true;
  }
  if (csv) {
    const CsvPosition at = csv_position(bytes, result.bad_offset);
    diagnostics.error(source, at.line, at.column, result.message);
  } else {
    const auto line =
        1 + std::count(bytes.begin(),
                       bytes.begin() + static_cast<std::ptrdiff_t>(result.bad_offset), '\n');
    diagnostics.error(source, static_cast<std::size_t>(line), 1, result.message);
  }
  return false;
}

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

// One file of a directory dataset, read by whichever worker takes it.
struct TableInput {
  std::size_t table = 0;
  std::string name; // e.g. "organizations.csv"
  std::string path;
  bool csv = true;
  std::uintmax_t size = 0;
  TableBuilder* builder = nullptr;
  Diagnostics diagnostics;
  std::string digest;
  std::size_t bytes = 0;
  std::exception_ptr failure;
};

void read_table_input(TableInput& input, Encoding encoding)
{
  std::string bytes = read_file(input.path);
  input.bytes = bytes.size();
  input.digest = sha256_hex(bytes);
  if (!decode(bytes, input.name, input.csv, encoding, input.diagnostics)) {
    return;
  }
  if (input.csv) {
    read_csv_table(bytes, *input.builder, input.diagnostics);
  } else {
    read_jsonl_table(bytes, *input.builder, input.diagnostics);
  }
}

// Reads the tables' files in parallel, largest first, each into its own
// TableBuilder and diagnostics; the diagnostics and the fingerprint are then
// put together in table order, so the result does not depend on the timing.
void read_directory(const std::string& path, const schema::Schema& schema, Encoding encoding,
                    unsigned jobs, DatasetBuilder& builder, Diagnostics& diagnostics)
{
  std::vector<std::unique_ptr<TableInput>> inputs;
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
                        fmt::format("both {} and {} exist; keep one", csv_name, jsonl_name));
      continue;
    }
    if (!has_csv && !has_jsonl) {
      builder.report_absent(t, path, csv_name, fmt::format("{} or {}", csv_name, jsonl_name));
      continue;
    }
    auto input = std::make_unique<TableInput>();
    input->table = t;
    input->name = has_csv ? csv_name : jsonl_name;
    input->path = join_path(path, input->name);
    if (const auto reason = not_a_regular_file(input->path)) {
      diagnostics.error(input->name, 0, 0, *reason);
      continue;
    }
    input->csv = has_csv;
    input->size = file_size_or_zero(input->path);
    input->builder = &builder.begin_table(t, input->name, input->diagnostics);
    inputs.push_back(std::move(input));
  }
  std::vector<TableInput*> queue;
  for (const auto& input : inputs) {
    queue.push_back(input.get());
  }
  std::stable_sort(queue.begin(), queue.end(),
                   [](const TableInput* a, const TableInput* b) { return a->size > b->size; });
  // A failure is kept with its table and rethrown in table order below.
  for_each_parallel(queue.size(), jobs, [&](std::size_t i) {
    try {
      read_table_input(*queue[i], encoding);
    } catch (...) {
      queue[i]->failure = std::current_exception();
    }
  });
  for (const auto& input : inputs) {
    if (input->failure) {
      std::rethrow_exception(input->failure);
    }
  }
  for (const auto& input : inputs) {
    builder.add_input_digest(input->name, input->bytes, input->digest);
    diagnostics.append(input->diagnostics);
  }
}

} // namespace

std::shared_ptr<const Dataset> load_dataset(const std::string& path,
                                            std::shared_ptr<const schema::Schema> schema,
                                            const LoadOptions& options, Diagnostics& diagnostics)
{
  const auto encoding = parse_encoding(options.encoding);
  if (!encoding) {
    throw UsageError(
        fmt::format("unknown encoding \"{}\" (use auto, utf-8, gbk or gb18030)", options.encoding));
  }
  DatasetBuilder builder(schema, options, diagnostics);
  std::error_code ec;
  if (path.starts_with(builtin_prefix) || std::filesystem::is_directory(path, ec)) {
    read_directory(path, *schema, *encoding, options.jobs, builder, diagnostics);
  } else if (const auto reason = not_a_regular_file(path)) {
    diagnostics.error(path, 0, 0, *reason + " (--data takes a directory or a SQLite file)");
  } else if (std::filesystem::is_regular_file(path, ec) && is_sqlite_path(path)) {
    read_sqlite(path, *schema, builder, diagnostics);
  } else if (std::filesystem::exists(path, ec)) {
    diagnostics.error(path, 0, 0, "not a directory or a SQLite file (*.db, *.sqlite)");
  } else {
    diagnostics.error(path, 0, 0, "no such directory or file");
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
                        fmt::format("unknown table \"{}\"", input.table));
      continue;
    }
    if (seen[*index]) {
      diagnostics.error(input.source, input.header_line, 0,
                        fmt::format("table \"{}\" is given twice", input.table));
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
