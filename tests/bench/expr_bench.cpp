// Measures the expression engine on its own: how long a 20-indicator rule set
// takes to compile, and what evaluating over 1M organizations costs in time
// and in heap allocations (counted by replacing the global operator new).

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include <orgaudit/data/dataset.hpp>
#include <orgaudit/expr/compiler.hpp>
#include <orgaudit/expr/evaluator.hpp>

namespace {

std::size_t g_allocations = 0;

} // namespace

// The replacements pair malloc with free; GCC cannot see that operator new
// below is the matching allocator and warns, wrongly, about the mix.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

void* operator new(std::size_t size)
{
  ++g_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) {
    return p;
  }
  throw std::bad_alloc();
}

void operator delete(void* p) noexcept
{
  std::free(p);
}

void operator delete(void* p, std::size_t) noexcept
{
  std::free(p);
}

namespace {

using namespace orgaudit;
using Clock = std::chrono::steady_clock;

schema::Column column(std::string name, schema::ColumnType type,
                      std::vector<std::string> values = {})
{
  schema::Column c;
  c.name = std::move(name);
  c.type = type;
  for (auto& value : values) {
    c.values.push_back({std::move(value), {}, {}});
  }
  return c;
}

std::shared_ptr<schema::Schema> make_schema()
{
  using T = schema::ColumnType;
  auto s = std::make_shared<schema::Schema>();
  schema::Table orgs{"organizations", "uscc", true, {}, {}, 0};
  orgs.columns = {column("uscc", T::uscc),
                  column("status", T::enumeration, {"active", "deregistered", "revoked"}),
                  column("grade", T::enumeration, {"1A", "2A", "3A", "4A", "5A"}),
                  column("dues_tiers", T::integer),
                  column("registered_on", T::date),
                  column("charter_party_clause", T::boolean)};
  schema::Table reports{"annual_reports", "uscc", false, {}, {}, 0};
  reports.columns = {
      column("uscc", T::uscc), column("year", T::integer),
      column("result", T::enumeration, {"qualified", "basically_qualified", "unqualified"}),
      column("revenue", T::money)};
  s->tables = {orgs, reports};
  return s;
}

data::Dataset make_dataset(std::shared_ptr<schema::Schema> s, std::size_t orgs)
{
  data::Dataset d;
  d.schema = s;
  for (const auto& table : s->tables) {
    data::TableData t;
    t.table = &table;
    for (const auto& c : table.columns) {
      data::ColumnData cd;
      cd.type = c.type;
      cd.present = true;
      t.columns.push_back(std::move(cd));
    }
    d.tables.push_back(std::move(t));
  }
  auto& o = d.tables[0];
  auto& r = d.tables[1];
  r.org_begin.push_back(0);
  for (std::size_t i = 0; i < orgs; ++i) {
    o.columns[0].push_string("51330502MJ0000018C");
    o.columns[1].push_code(static_cast<std::uint8_t>(i % 3));
    if (i % 7 == 0) {
      o.columns[2].push_null();
    } else {
      o.columns[2].push_code(static_cast<std::uint8_t>(i % 5));
    }
    o.columns[3].push_int(static_cast<std::int64_t>(i % 6));
    o.columns[4].push_date(Date{static_cast<std::int32_t>(15000 + i % 4000)});
    o.columns[5].push_code(static_cast<std::uint8_t>(i % 2));
    for (int year = 2023; year <= 2025; ++year) {
      r.columns[0].push_string("51330502MJ0000018C");
      r.columns[1].push_int(year);
      r.columns[2].push_code(static_cast<std::uint8_t>((i + static_cast<std::size_t>(year)) % 3));
      r.columns[3].push_number(static_cast<double>(i % 1000) * 100.0);
      ++r.rows;
    }
    r.org_begin.push_back(static_cast<std::uint32_t>(r.rows));
    ++o.rows;
  }
  return d;
}

const std::vector<std::string> indicators = {
    "org.status == 'active'",
    "org.charter_party_clause",
    "org.grade >= '4A'",
    "org.grade in ['4A', '5A']",
    "org.dues_tiers <= 4",
    "has(org.grade)",
    "days_between(org.registered_on, as_of) > 365",
    "year(org.registered_on) < year(as_of) - 1",
    "last_report.result == 'qualified'",
    "last_report.result == 'qualified' ? 8 : (last_report.result == 'basically_qualified' ? 4 : 0)",
    "annual_reports.exists(r, r.result == 'unqualified')",
    "annual_reports.all(r, r.revenue > 0.0)",
    "size(annual_reports.filter(r, r.year >= year(as_of) - 3)) >= 3",
    "sum(annual_reports.map(r, r.revenue)) / 3.0",
    "max(annual_reports.map(r, r.year)) == year(as_of) - 1",
    "annual_reports.sort_by(r, r.year).last().result != 'unqualified'",
    "avg(annual_reports.map(r, r.revenue)) > 1000.0",
    "org.uscc.matches('^5[123]')",
    "uscc_valid(org.uscc)",
    "annual_reports.exists_one(r, r.result == 'qualified') || org.grade == '5A'",
};

// CPU time of this thread, so the figure means something on a busy machine.
double cpu_ms()
{
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double ms_since(Clock::time_point start)
{
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv)
{
  const std::size_t orgs = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  auto s = make_schema();

  // Compiling a 20-indicator rule set (plus its let:), best of 10 runs.
  double best_compile = 1e9;
  for (int run = 0; run < 10; ++run) {
    const auto start = Clock::now();
    expr::Compiler compiler(s);
    std::vector<expr::Problem> problems;
    compiler.define("last_report", "annual_reports.filter(r, r.year == year(as_of) - 1).first()",
                    problems);
    for (const auto& source : indicators) {
      if (!compiler.compile(source, expr::Expected::any, problems)) {
        std::fprintf(stderr, "does not compile: %s: %s\n", source.c_str(),
                     problems.back().message.c_str());
        return 1;
      }
    }
    best_compile = std::min(best_compile, ms_since(start));
  }
  std::printf("compile %zu indicators + 1 let: %.3f ms\n", indicators.size(), best_compile);

  const data::Dataset dataset = make_dataset(s, orgs);
  expr::Compiler compiler(s);
  std::vector<expr::Problem> problems;
  compiler.define("last_report", "annual_reports.filter(r, r.year == year(as_of) - 1).first()",
                  problems);
  expr::Evaluator evaluator(dataset, Date{20543}); // 2026-03-31

  const std::vector<std::string> measured = {
      "org.dues_tiers > 3",
      "org.status == 'active' && org.grade >= '4A'",
      "days_between(org.registered_on, as_of) > 365",
      "annual_reports.exists(r, r.year == 2025 && r.result == 'qualified')",
      "size(annual_reports.filter(r, r.revenue > 1000.0))",
      "last_report.result == 'qualified'",
  };
  const std::size_t only = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : measured.size();
  for (std::size_t m = 0; m < measured.size(); ++m) {
    if (only < measured.size() && m != only) {
      continue;
    }
    const std::string& source = measured[m];
    const auto program = compiler.compile(source, expr::Expected::any, problems);
    if (!program) {
      std::fprintf(stderr, "does not compile: %s\n", source.c_str());
      return 1;
    }
    evaluator.evaluate(*program, 0); // first use sizes the scratch space
    std::size_t holds = 0;
    const std::size_t allocations_before = g_allocations;
    const auto start = Clock::now();
    const double cpu_start = cpu_ms();
    for (std::size_t org = 0; org < orgs; ++org) {
      const expr::Outcome outcome = evaluator.evaluate(*program, org);
      holds +=
          outcome.kind == expr::Outcome::Kind::value && (outcome.boolean || outcome.number != 0)
              ? 1
              : 0;
    }
    const double elapsed = ms_since(start);
    const double cpu = cpu_ms() - cpu_start;
    std::printf(
        "%-70s %zu orgs: %7.1f ms wall, %7.1f ms CPU (%5.1f ns/org), %zu allocations, %zu hold\n",
        source.c_str(), orgs, elapsed, cpu, cpu * 1e6 / static_cast<double>(orgs),
        g_allocations - allocations_before, holds);
  }
  // The same organization again and again (as rule tests do) must not grow
  // the scratch space: lists made by one evaluation die with it.
  const auto repeated =
      compiler.compile("size(annual_reports.filter(r, r.year > 2023) + [last_report])",
                       expr::Expected::any, problems);
  evaluator.evaluate(*repeated, 0);
  const std::size_t allocations_before = g_allocations;
  for (std::size_t i = 0; i < orgs; ++i) {
    evaluator.evaluate(*repeated, 0);
  }
  std::printf("one organization evaluated %zu times: %zu allocations\n", orgs,
              g_allocations - allocations_before);
  return 0;
}
