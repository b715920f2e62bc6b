#pragma once

// A scratch directory under the system's temporary directory for tests that
// write files, named after the test and the process, removed afterwards.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace orgaudit::test {

struct ScratchDir {
  std::filesystem::path path;
  explicit ScratchDir(const char* name)
      : path(std::filesystem::temp_directory_path() /
             (std::string("orgaudit-test-") + name + "-" + std::to_string(::getpid())))
  {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~ScratchDir() { std::filesystem::remove_all(path); }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  // Writes `text` to the file `name` in the directory.
  void write(const char* name, std::string_view text) const
  {
    std::ofstream(path / name, std::ios::binary) << text;
  }
};

} // namespace orgaudit::test
