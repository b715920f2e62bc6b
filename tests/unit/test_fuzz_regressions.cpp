#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <orgaudit/core/file.hpp>

#include "../fuzz/targets.hpp"

// Every input a fuzz target once crashed on (tests/data/fuzz-regressions/
// TARGET/*) goes through the same target again: a crash, a sanitizer report in
// the sanitizer build, or an exception escaping fails the test.
TEST_CASE("fuzz regressions: each saved input runs through its target")
{
  const std::filesystem::path root = std::string(ORGAUDIT_TEST_DATA) + "/fuzz-regressions";
  std::size_t inputs = 0;
  for (const auto& target : orgaudit::fuzz::targets()) {
    const auto folder = root / std::string(target.name);
    if (!std::filesystem::is_directory(folder)) {
      continue;
    }
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      const std::string input = orgaudit::read_file(entry.path().string());
      CAPTURE(entry.path().string());
      CHECK_NOTHROW(target.run(input));
      ++inputs;
    }
  }
  CHECK(inputs >= 6);
}
