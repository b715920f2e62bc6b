#include "history_fixture.hpp"

#include <atomic>
#include <unistd.h>

namespace orgaudit::test {

history::Run fixture_run(const ReportFixture& fixture, const std::string& as_of)
{
  history::RunInfo info;
  info.command = "score";
  info.started_at = "2026-12-06T03:04:05Z";
  info.finished_at = "2026-12-06T03:04:06Z";
  info.as_of = *parse_date(as_of);
  info.tool_version = "TEST";
  info.dataset_path = "tests/data/fixture";
  info.dataset_sha256 = std::string(64, 'd');
  info.options = "{\"org\": []}";
  return history::snapshot(fixture.results, info);
}

TemporaryDatabase::TemporaryDatabase()
{
  static std::atomic<int> counter{0};
  m_dir = std::filesystem::temp_directory_path() /
          ("orgaudit-history-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(m_dir);
  std::filesystem::create_directories(m_dir);
  m_path = (m_dir / "runs.db").string();
}

TemporaryDatabase::~TemporaryDatabase()
{
  std::error_code ignored;
  std::filesystem::remove_all(m_dir, ignored);
}

} // namespace orgaudit::test
