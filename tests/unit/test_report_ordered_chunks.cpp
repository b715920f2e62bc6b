#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include <orgaudit/core/error.hpp>
#include <orgaudit/report/format.hpp>
#include <orgaudit/report/ordered_chunks.hpp>

#include "report_fixture.hpp"

using namespace orgaudit;

namespace {

std::string numbers(std::size_t count, unsigned jobs, std::size_t chunk)
{
  report::StringOutput out;
  report::render_in_order(
      count, jobs, chunk,
      [](unsigned) {
        return [](std::string& text, std::size_t begin, std::size_t end) {
          for (std::size_t i = begin; i < end; ++i) {
            text += fmt::format("{}\n", i);
          }
        };
      },
      out);
  return out.text();
}

// Throws on its `fail_at`-th write.
class FailingOutput : public report::Output {
 public:
  explicit FailingOutput(int fail_at) : m_left(fail_at) {}
  void write(std::string_view) override
  {
    if (--m_left == 0) {
      throw IoError("disk full");
    }
  }
  void finish() override {}

 private:
  int m_left;
};

} // namespace

TEST_CASE("chunks rendered on several threads are written in order")
{
  const std::string expected = numbers(1000, 1, 1000);
  for (const unsigned jobs : {1u, 2u, 4u, 8u}) {
    for (const std::size_t chunk : {1, 3, 64, 5000}) {
      CAPTURE(jobs);
      CAPTURE(chunk);
      CHECK(numbers(1000, jobs, chunk) == expected);
    }
  }
  CHECK(numbers(0, 4, 3).empty());
}

TEST_CASE("a failed chunk or write stops the rendering and is rethrown")
{
  const auto make_renderer = [](unsigned) {
    return [](std::string& text, std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) {
        if (i == 500) {
          throw std::runtime_error("item 500");
        }
        text += 'x';
      }
    };
  };
  report::StringOutput out;
  CHECK_THROWS_WITH(report::render_in_order(1000, 4, 7, make_renderer, out), "item 500");
  CHECK(out.text().size() <= 500);
  FailingOutput failing(3);
  CHECK_THROWS_AS(
      report::render_in_order(
          1000, 4, 7,
          [](unsigned) { return [](std::string& text, std::size_t, std::size_t) { text += 'x'; }; },
          failing),
      IoError);
}

// The fixture's nine organizations in chunks of one or two on four threads,
// with an evidence source per thread: the bytes of one thread, in every
// format that renders in parallel.
TEST_CASE("json, jsonl, csv and junit are the same for any jobs and chunk size")
{
  const test::ReportFixture f = test::make_report_fixture();
  for (const rules::Lang lang : {rules::Lang::zh, rules::Lang::en}) {
    report::RenderOptions one = f.options;
    one.lang = lang;
    for (const report::Format format : {report::Format::json, report::Format::jsonl,
                                        report::Format::csv, report::Format::junit}) {
      report::StringOutput expected;
      report::render(format, f.results, one, expected);
      for (const std::size_t chunk : {1, 2}) {
        report::RenderOptions many = one;
        many.jobs = 4;
        many.chunk = chunk;
        report::StringOutput actual;
        report::render(format, f.results, many, actual);
        CAPTURE(report::format_name(format));
        CAPTURE(chunk);
        CHECK(actual.text() == expected.text());
      }
    }
  }
}
