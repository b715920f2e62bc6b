#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <orgaudit/report/output.hpp>

using namespace orgaudit;

namespace {

std::filesystem::path scratch_dir()
{
  auto dir = std::filesystem::temp_directory_path() /
             ("orgaudit-test-report-output-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

} // namespace

TEST_CASE("a file output appears only when finished")
{
  const auto dir = scratch_dir();
  const auto target = dir / "report.json";
  {
    report::FileOutput out(target);
    out.write("{\"a\": 1}\n");
    CHECK_FALSE(std::filesystem::exists(target));
    out.finish();
  }
  std::ifstream in(target);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == "{\"a\": 1}\n");
  {
    report::FileOutput abandoned(dir / "half.json");
    abandoned.write("{\"a\":");
  }
  CHECK_FALSE(std::filesystem::exists(dir / "half.json"));
  CHECK(std::distance(std::filesystem::directory_iterator(dir),
                      std::filesystem::directory_iterator()) == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a stream output buffers and flushes on finish")
{
  const auto dir = scratch_dir();
  const auto path = dir / "stream.txt";
  std::FILE* file = std::fopen(path.c_str(), "wb");
  REQUIRE(file != nullptr);
  {
    report::StreamOutput out(file, path.string());
    out.write("small ");
    out.write(std::string(100000, 'x'));
    out.write("\n");
    out.finish();
  }
  std::fclose(file);
  CHECK(std::filesystem::file_size(path) == 6 + 100000 + 1);
  std::filesystem::remove_all(dir);
}
