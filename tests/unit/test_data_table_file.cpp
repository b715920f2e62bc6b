#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include <fmt/format.h>

#include <orgaudit/data/limits.hpp>
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

TEST_CASE("the field, record and line limits give the same diagnostics for any piece size")
{
  // Written at run time: a field and a JSON string one byte over 1 MB (an
  // error on their rows, skipped with --lenient), then a CSV record of 17
  // fields of 1 MB and a JSON line of 17 MB (errors that end the file), then
  // rows that are not read.
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / fmt::format("orgaudit-limits-{}", ::getpid());
  std::filesystem::remove_all(dir);
  const std::string good = "51330502MJ0000018C,a,social_group,330502,active,2010-05-04\n";
  const std::string row = "52330521MJ0000026L,{},social_service_agency,330521,active,2024-02-03\n";
  const std::string long_field(max_field_bytes + 1, 'x');
  std::string record;
  for (int field = 0; field < 17; ++field) {
    record += (field == 0 ? "" : ",") + std::string(max_field_bytes, 'y');
  }
  const std::string json = R"({{"uscc":"51330502MJ0000018C","name":"{}","type":"social_group",)"
                           R"("region":"330502","status":"active","registered_on":"2010-05-04"}})";
  struct Case {
    const char* name;
    std::string text;
    std::string expected;
  };
  const Case cases[] = {
      {"organizations.csv",
       "uscc,name,type,region,status,registered_on\n" + good +
           fmt::format(fmt::runtime(row), long_field) + record + "\n" + good,
       "organizations.csv:3:2: error: 字段超过 1 MB（1048576 字节）\n"
       "organizations.csv:4:16: error: 记录超过 16 MB（16777216 字节），文件的其余部分未读取\n"},
      {"organizations.jsonl",
       fmt::format(fmt::runtime(json), "a") + "\n" + fmt::format(fmt::runtime(json), long_field) +
           "\n" + fmt::format(fmt::runtime(json), std::string(max_record_bytes, 'z')) + "\n" +
           fmt::format(fmt::runtime(json), "b") + "\n",
       "organizations.jsonl:2:2: error: name：值超过 1 MB（1048576 字节）\n"
       "organizations.jsonl:3:1: error: 这一行超过 16 MB（16777216 字节），文件的其余部分未读取\n"},
  };
  for (const Case& c : cases) {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / c.name, std::ios::binary) << c.text;
    for (const bool lenient : {false, true}) {
      const Loaded whole = load(dir.string(), lenient, 1, std::size_t{1} << 30);
      CAPTURE(c.name);
      CAPTURE(lenient);
      if (!lenient) {
        CHECK(whole.diagnostics.find(c.expected) != std::string::npos);
      }
      for (const std::size_t bytes : {std::size_t{4093}, std::size_t{65536}, std::size_t{1} << 20,
                                      std::size_t{3} << 20, std::size_t{4} << 20}) {
        CAPTURE(bytes);
        const Loaded pieces = load(dir.string(), lenient, 2, bytes);
        CHECK(pieces.diagnostics == whole.diagnostics);
        CHECK(pieces.dataset == whole.dataset);
      }
    }
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE(
    "a header over max_columns is one error, and unknown columns past the first few are counted")
{
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / fmt::format("orgaudit-columns-{}", ::getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::string header = "uscc,name,type,region,status,registered_on";
  for (std::size_t extra = 0; extra + 6 < max_columns + 1; ++extra) {
    header += fmt::format(",extra{}", extra);
  }
  std::ofstream(dir / "organizations.csv", std::ios::binary) << header << "\n";
  Loaded loaded = load(dir.string(), false, 1, 0);
  CHECK(loaded.diagnostics.find(
            "organizations.csv:1:10001: error: 有 10001 列，超过上限 10000 列\n") !=
        std::string::npos);
  CHECK(loaded.diagnostics.find("extra") == std::string::npos);

  std::ofstream(dir / "organizations.csv", std::ios::binary)
      << "uscc,a1,name,a2,a3,type,a4,a5,a6,a7,a8,region,status,registered_on\n"
      << "51330502MJ0000018C,,a,,,social_group,,,,,,330502,active,2010-05-04\n";
  loaded = load(dir.string(), false, 1, 0);
  CHECK(loaded.diagnostics.find("1:8: warning: 未知的列 \"a5\"") != std::string::npos);
  CHECK(loaded.diagnostics.find("\"a6\"") == std::string::npos);
  CHECK(loaded.diagnostics.find("organizations.csv:1:9: warning: 另有 3 个未知的列（已忽略）\n") !=
        std::string::npos);
  std::filesystem::remove_all(dir);
}
