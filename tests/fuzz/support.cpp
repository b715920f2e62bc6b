#include "support.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/rules/loader.hpp>
#include <orgaudit/schema/loader.hpp>

namespace orgaudit::fuzz {

namespace {

std::filesystem::path scratch_path()
{
  return std::filesystem::temp_directory_path() /
         fmt::format("orgaudit-fuzz-{}", static_cast<long>(::getpid()));
}

void remove_scratch()
{
  std::error_code ec;
  std::filesystem::remove_all(scratch_path(), ec);
}

} // namespace

std::shared_ptr<const schema::Schema> shipped_schema()
{
  static const auto loaded = [] {
    Diagnostics diagnostics;
    auto schema = schema::load_schema(std::string(schema::builtin_schema_path), diagnostics);
    if (!schema) {
      std::fputs(diagnostics.format().c_str(), stderr);
      std::abort();
    }
    return schema;
  }();
  return loaded;
}

std::shared_ptr<const rules::RuleSet> shipped_ruleset()
{
  static const auto loaded = [] {
    Diagnostics diagnostics;
    auto ruleset = rules::load_ruleset(rules::builtin_ruleset_path, diagnostics);
    if (!ruleset) {
      std::fputs(diagnostics.format().c_str(), stderr);
      std::abort();
    }
    return ruleset;
  }();
  return loaded;
}

Date fuzz_as_of()
{
  return parse_date("2026-11-27").value();
}

const std::filesystem::path& empty_scratch_dir()
{
  static const std::filesystem::path path = [] {
    remove_scratch();
    std::atexit(remove_scratch);
    return scratch_path();
  }();
  std::filesystem::remove_all(path);
  std::filesystem::create_directories(path);
  return path;
}

void write_file(const std::filesystem::path& directory, const std::string& name,
                std::string_view text)
{
  std::ofstream out(directory / name, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

std::vector<std::string_view> split_parts(std::string_view input, std::string_view separator,
                                          std::size_t most)
{
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  std::size_t line = 0;
  while (parts.size() + 1 < most && line < input.size()) {
    const std::size_t end = std::min(input.find('\n', line), input.size());
    if (input.substr(line, end - line) == separator) {
      parts.push_back(input.substr(start, line - start));
      start = std::min(end + 1, input.size());
    }
    line = end + 1;
  }
  parts.push_back(input.substr(start));
  return parts;
}

void check_equal(const std::string& a, const std::string& b, std::string_view what)
{
  if (a == b) {
    return;
  }
  std::fprintf(stderr, "%.*s differ:\n--- one piece\n%s\n--- pieces\n%s\n",
               static_cast<int>(what.size()), what.data(), a.c_str(), b.c_str());
  std::abort();
}

} // namespace orgaudit::fuzz
