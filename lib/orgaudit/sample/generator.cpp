#include <orgaudit/sample/generator.hpp>

#include <algorithm>
#include <memory>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include <orgaudit/core/error.hpp>
#include <orgaudit/core/file.hpp>
#include <orgaudit/core/parallel.hpp>
#include <orgaudit/sample/plan.hpp>
#include <orgaudit/sample/record.hpp>
#include <orgaudit/sample/uscc.hpp>

namespace orgaudit::sample {

namespace {

constexpr std::size_t chunk_size = 2048;

template <typename Row> std::span<const Row> rows_of(const std::vector<Row>& rows, std::size_t org)
{
  const auto less = [](const Row& row, std::size_t value) { return row.org < value; };
  const auto begin = std::lower_bound(rows.begin(), rows.end(), org, less);
  const auto end = std::lower_bound(begin, rows.end(), org + 1, less);
  return {rows.data() + (begin - rows.begin()), static_cast<std::size_t>(end - begin)};
}

void generate_chunk(const SamplePlan& plan, const UsccSerials& serials, std::size_t begin,
                    std::size_t end, ChunkText& out)
{
  for (auto& text : out.tables) {
    text.clear();
  }
  out.child_rows = 0;
  for (std::size_t index = begin; index < end; ++index) {
    const OrgProfile& profile = plan.profiles[index];
    const std::string uscc =
        make_uscc(profile.type, region_code(profile.region), serials.tail(index));
    write_organization(plan, index, uscc, rows_of(plan.honors, index),
                       rows_of(plan.venture_projects, index), rows_of(plan.trainings, index), out);
  }
}

class FileSink : public TableSink {
 public:
  explicit FileSink(const std::filesystem::path& directory)
  {
    for (std::size_t t = 0; t < sample_table_count; ++t) {
      const auto table = static_cast<SampleTable>(t);
      m_files.push_back(
          std::make_unique<AtomicFile>(directory / (std::string(table_name(table)) + ".csv")));
    }
  }

  void write(SampleTable table, std::string_view text) override
  {
    m_files[static_cast<std::size_t>(table)]->write(text);
  }

  // Either every table file replaces its target or none does.
  void commit()
  {
    std::vector<AtomicFile*> files;
    for (auto& file : m_files) {
      files.push_back(file.get());
    }
    commit_together(files, 1);
  }

 private:
  std::vector<std::unique_ptr<AtomicFile>> m_files;
};

} // namespace

void check_sample_options(const SampleOptions& options)
{
  if (options.organizations < 1) {
    throw UsageError("--orgs must be at least 1");
  }
  if (options.organizations > max_organizations) {
    throw UsageError(fmt::format("--orgs must be at most {}", max_organizations));
  }
  if (year_of(options.as_of) < earliest_as_of_year) {
    throw UsageError(
        fmt::format("--as-of must be in {} or later (the sample's registrations start in 1990)",
                    earliest_as_of_year));
  }
}

SampleSummary generate_sample(const SampleOptions& options, TableSink& sink)
{
  check_sample_options(options);
  const SamplePlan plan = make_plan(options.organizations, options.seed, options.as_of);
  const UsccSerials serials(options.seed, options.organizations);
  for (std::size_t t = 0; t < sample_table_count; ++t) {
    sink.write(static_cast<SampleTable>(t), table_header(static_cast<SampleTable>(t)));
  }

  const std::size_t chunks = (options.organizations + chunk_size - 1) / chunk_size;
  const unsigned jobs = parallel_workers(chunks, options.jobs);
  std::vector<ChunkText> buffers(jobs);
  SampleSummary summary;
  summary.organizations = options.organizations;
  // Each batch generates `jobs` consecutive chunks in parallel and writes
  // them in order: the bytes depend on the chunk, never on the thread.
  for (std::size_t first = 0; first < chunks; first += jobs) {
    const std::size_t batch = std::min<std::size_t>(jobs, chunks - first);
    for_each_parallel(batch, jobs, [&](std::size_t slot) {
      const std::size_t begin = (first + slot) * chunk_size;
      const std::size_t end = std::min(options.organizations, begin + chunk_size);
      generate_chunk(plan, serials, begin, end, buffers[slot]);
    });
    for (std::size_t slot = 0; slot < batch; ++slot) {
      for (std::size_t t = 0; t < sample_table_count; ++t) {
        sink.write(static_cast<SampleTable>(t), buffers[slot].tables[t]);
      }
      summary.child_rows += buffers[slot].child_rows;
    }
  }
  return summary;
}

SampleSummary write_sample(const SampleOptions& options, const std::filesystem::path& directory)
{
  check_sample_options(options);
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) {
    throw IoError("cannot create directory " + directory.string() + ": " + error.message());
  }
  FileSink sink(directory);
  const SampleSummary summary = generate_sample(options, sink);
  sink.commit();
  return summary;
}

} // namespace orgaudit::sample
