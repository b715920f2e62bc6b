#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <orgaudit/core/error.hpp>
#include <orgaudit/core/file.hpp>

using namespace orgaudit;

namespace {

struct Scratch {
  std::filesystem::path dir;
  Scratch()
      : dir(std::filesystem::temp_directory_path() /
            ("orgaudit-file-" + std::to_string(::getpid())))
  {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  ~Scratch() { std::filesystem::remove_all(dir); }
  std::size_t entries() const
  {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir),
                                                  std::filesystem::directory_iterator()));
  }
};

} // namespace

TEST_CASE("an atomic file replaces an existing file and leaves nothing else behind")
{
  const Scratch scratch;
  const auto target = scratch.dir / "report.json";
  write_file_atomic(target, "old contents, longer than the new");
  REQUIRE(std::filesystem::is_regular_file(target));
  {
    AtomicFile file(target);
    file.write("new");
    CHECK(read_file(target.string()) == "old contents, longer than the new");
    file.commit();
  }
  CHECK(read_file(target.string()) == "new");
  CHECK(scratch.entries() == 1);
  CHECK((std::filesystem::status(target).permissions() & std::filesystem::perms::others_read) !=
        std::filesystem::perms::none);
}

TEST_CASE("an atomic file replaces a symbolic link, not the file it points to")
{
  const Scratch scratch;
  write_file_atomic(scratch.dir / "elsewhere.txt", "kept");
  std::filesystem::create_symlink("elsewhere.txt", scratch.dir / "report.txt");
  write_file_atomic(scratch.dir / "report.txt", "new");
  CHECK_FALSE(std::filesystem::is_symlink(scratch.dir / "report.txt"));
  CHECK(read_file((scratch.dir / "report.txt").string()) == "new");
  CHECK(read_file((scratch.dir / "elsewhere.txt").string()) == "kept");
  CHECK(scratch.entries() == 2);
}

TEST_CASE("an atomic file never replaces a directory")
{
  const Scratch scratch;
  std::filesystem::create_directories(scratch.dir / "report.html");
  // The message gives rename's reason, not that of removing the temporary file.
  CHECK_THROWS_WITH_AS(write_file_atomic(scratch.dir / "report.html", "x"),
                       doctest::Contains("cannot write: Is a directory"), IoError);
  CHECK(std::filesystem::is_directory(scratch.dir / "report.html"));
  CHECK(scratch.entries() == 1);
}

TEST_CASE("files committed together: one that cannot be placed leaves every target as it was")
{
  const Scratch scratch;
  write_file_atomic(scratch.dir / "report.json", "old json");
  std::filesystem::create_directories(scratch.dir / "report.html");
  AtomicFile json(scratch.dir / "report.json");
  AtomicFile csv(scratch.dir / "report.csv");
  AtomicFile html(scratch.dir / "report.html");
  json.write("new json");
  csv.write("new csv");
  html.write("new html");
  CHECK_THROWS_AS(commit_together({&json, &csv, &html}, 2), IoError);
  CHECK(read_file((scratch.dir / "report.json").string()) == "old json");
  CHECK_FALSE(std::filesystem::exists(scratch.dir / "report.csv"));
  CHECK(std::filesystem::is_directory(scratch.dir / "report.html"));
  CHECK(scratch.entries() == 2);
}

TEST_CASE("files committed together all replace their targets")
{
  const Scratch scratch;
  write_file_atomic(scratch.dir / "a.txt", "old a");
  AtomicFile a(scratch.dir / "a.txt");
  AtomicFile b(scratch.dir / "b.txt");
  a.write("new a");
  b.write("new b");
  commit_together({&a, &b}, 2);
  CHECK(read_file((scratch.dir / "a.txt").string()) == "new a");
  CHECK(read_file((scratch.dir / "b.txt").string()) == "new b");
  CHECK(scratch.entries() == 2);
}

TEST_CASE("an atomic file destroyed between put_in_place and finish puts the old file back")
{
  const Scratch scratch;
  write_file_atomic(scratch.dir / "a.txt", "old");
  {
    AtomicFile a(scratch.dir / "a.txt");
    a.write("new");
    a.put_in_place();
    CHECK(read_file((scratch.dir / "a.txt").string()) == "new");
  }
  CHECK(read_file((scratch.dir / "a.txt").string()) == "old");
  CHECK(scratch.entries() == 1);
}

TEST_CASE("an atomic file gets the permissions the umask allows")
{
  const Scratch scratch;
  // default_file_mode reads the umask once per process; compare with it.
  const auto mode = default_file_mode();
  write_file_atomic(scratch.dir / "a.txt", "x");
  const auto perms =
      static_cast<unsigned>(std::filesystem::status(scratch.dir / "a.txt").permissions());
  CHECK(perms == mode);
  CHECK((mode & 0600u) == 0600u);
}

TEST_CASE("not_a_regular_file says what is at a path without opening it")
{
  const Scratch scratch;
  const auto path = [&](const char* name) { return (scratch.dir / name).string(); };
  write_file_atomic(scratch.dir / "file.csv", "a\n");
  std::filesystem::create_directory(scratch.dir / "dir.csv");
  REQUIRE(::mkfifo(path("fifo.csv").c_str(), 0600) == 0);
  std::filesystem::create_symlink("file.csv", scratch.dir / "good-link.csv");
  std::filesystem::create_symlink("gone.csv", scratch.dir / "dangling.csv");
  CHECK_FALSE(not_a_regular_file(path("file.csv")));
  CHECK_FALSE(not_a_regular_file(path("good-link.csv")));
  CHECK_FALSE(not_a_regular_file(path("nothing.csv")));
  CHECK(not_a_regular_file(path("dir.csv")) == "is a directory, not a file");
  CHECK(not_a_regular_file(path("fifo.csv")) == "is a named pipe (FIFO), not a regular file");
  CHECK(not_a_regular_file(path("dangling.csv")) ==
        "is a symbolic link to gone.csv, which does not exist");
  CHECK(path_taken(path("dangling.csv")));
  CHECK_FALSE(path_taken(path("nothing.csv")));
}
