#pragma once

// Runs for the history tests: the report fixture's results in stored form,
// and a temporary database file that is removed afterwards.

#include <filesystem>
#include <string>

#include <orgaudit/history/run.hpp>

#include "report_fixture.hpp"

namespace orgaudit::test {

// The report fixture's nine organizations as a run recorded by `score` on
// `as_of` ("2026-06-30" unless given).
history::Run fixture_run(const ReportFixture& fixture, const std::string& as_of = "2026-06-30");

// A database path in a fresh temporary directory, removed with the object.
class TemporaryDatabase {
 public:
  TemporaryDatabase();
  ~TemporaryDatabase();
  TemporaryDatabase(const TemporaryDatabase&) = delete;
  TemporaryDatabase& operator=(const TemporaryDatabase&) = delete;
  const std::string& path() const { return m_path; }

 private:
  std::filesystem::path m_dir;
  std::string m_path;
};

} // namespace orgaudit::test
