#include <orgaudit/sample/generator.hpp>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

#include <orgaudit/core/error.hpp>
#include <orgaudit/core/file.hpp>
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

SampleSummary generate_sample(const SampleOptions& options, TableSink& sink)
{
  if (options.organizations == 0) {
    throw std::invalid_argument("a sample needs at least one organization");
  }
  if (year_of(options.as_of) < earliest_as_of_year) {
    throw std::invalid_argument("a sample's as_of must be in 1995 or later");
  }
  const SamplePlan plan = make_plan(options.organizations, options.seed, options.as_of);
  const UsccSerials serials(options.seed, options.organizations);
  for (std::size_t t = 0; t < sample_table_count; ++t) {
    sink.write(static_cast<SampleTable>(t), table_header(static_cast<SampleTable>(t)));
  }

  const std::size_t chunks = (options.organizations + chunk_size - 1) / chunk_size;
  unsigned jobs =
      options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, chunks));
  std::vector<ChunkText> buffers(jobs);
  SampleSummary summary;
  summary.organizations = options.organizations;
  // Each batch generates `jobs` consecutive chunks in parallel and writes
  // them in order: the bytes depend on the chunk, never on the thread.
  for (std::size_t first = 0; first < chunks; first += jobs) {
    const std::size_t batch = std::min<std::size_t>(jobs, chunks - first);
    auto run = [&](std::size_t slot) {
      const std::size_t begin = (first + slot) * chunk_size;
      const std::size_t end = std::min(options.organizations, begin + chunk_size);
      generate_chunk(plan, serials, begin, end, buffers[slot]);
    };
    if (batch == 1) {
      run(0);
    } else {
      std::vector<std::jthread> workers;
      for (std::size_t slot = 1; slot < batch; ++slot) {
        workers.emplace_back(run, slot);
      }
      run(0);
    }
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
