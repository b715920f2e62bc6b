#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include <orgaudit/core/directory_lock.hpp>

#include "history_fixture.hpp"

using namespace orgaudit;

TEST_CASE("a directory lock makes a second holder wait until the first lets go")
{
  const test::TemporaryDatabase scratch;
  const std::filesystem::path dir = std::filesystem::path(scratch.path()).parent_path();
  std::atomic<bool> waited{false};
  std::atomic<bool> second_holds{false};
  auto first = std::make_unique<DirectoryLock>(dir);
  REQUIRE(first->held());
  std::thread second([&] {
    const DirectoryLock lock(dir, [&] { waited = true; });
    second_holds = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(waited);
  CHECK_FALSE(second_holds);
  first.reset();
  second.join();
  CHECK(second_holds);
  // No lock file is left behind: the lock is on the directory itself.
  CHECK(std::distance(std::filesystem::directory_iterator(dir),
                      std::filesystem::directory_iterator()) == 0);
}

TEST_CASE("a directory that cannot be locked is left to the writer to report")
{
  const DirectoryLock lock("/nonexistent/orgaudit-out");
  CHECK_FALSE(lock.held());
}
