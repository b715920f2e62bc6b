#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <orgaudit/audit/program.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/core/file.hpp>
#include <orgaudit/sample/generator.hpp>

#include "fixture_dataset.hpp"

using namespace orgaudit::sample;

namespace {

class StringSink : public TableSink {
 public:
  void write(SampleTable table, std::string_view text) override
  {
    files[std::string(table_name(table))].append(text);
  }
  std::map<std::string, std::string> files;
};

std::map<std::string, std::string> generate(std::size_t orgs, std::uint64_t seed, unsigned jobs,
                                            orgaudit::Date as_of = *orgaudit::make_date(2026, 11,
                                                                                        27))
{
  StringSink sink;
  SampleOptions options;
  options.organizations = orgs;
  options.seed = seed;
  options.as_of = as_of;
  options.jobs = jobs;
  generate_sample(options, sink);
  return sink.files;
}

const orgaudit::Date huzhou_as_of = *orgaudit::make_date(2026, 11, 27);

// The calibrated dataset of samples/huzhou, generated once for the tests below.
const std::map<std::string, std::string>& huzhou()
{
  static const auto files = generate(3500, 2026, 0);
  return files;
}

} // namespace

TEST_CASE("the same options give the same bytes, whatever the number of threads")
{
  const auto one = generate(5000, 7, 1);
  CHECK(one == generate(5000, 7, 3));
  CHECK(one == generate(5000, 7, 0));
  CHECK(one.size() == sample_table_count);
  const auto other = generate(5000, 8, 1);
  for (const auto& [table, text] : one) {
    CAPTURE(table);
    CHECK(text != other.at(table));
  }
}

TEST_CASE("a single organization is a valid dataset")
{
  std::vector<std::string> problems;
  const auto dataset = fixture::dataset_from_csv(generate(1, 1, 0), huzhou_as_of, problems, true);
  CHECK(problems.empty());
  CHECK(dataset.organization_count() == 1);
}

TEST_CASE("samples/huzhou passes the checks of SPEC §2.2 and reproduces the article's figures")
{
  std::vector<std::string> problems;
  const auto dataset = fixture::dataset_from_csv(huzhou(), huzhou_as_of, problems, true);
  CHECK(problems.size() == 0);
  for (std::size_t i = 0; i < problems.size() && i < 10; ++i) {
    MESSAGE(problems[i]);
  }
  REQUIRE(dataset.organization_count() == 3500);

  const auto figures =
      orgaudit::audit::compute_program_figures(fixture::select_all(dataset, huzhou_as_of));
  CHECK(figures.high_grade == 150);
  CHECK(figures.brand_orgs == 133);
  CHECK(figures.brand_orgs_provincial == 20);
  CHECK(figures.brand_projects == 123);
  CHECK(figures.leading_figures == 105);
  CHECK(figures.leading_figures_provincial == 51);
  CHECK(figures.best_practices == 8);
  CHECK(figures.demonstration_units ==
        std::vector<std::string>{"湖州市电梯行业协会", "湖州市重庆商会"});
  CHECK(figures.venture_projects == 500);
  CHECK(figures.venture_rounds == 8);
  CHECK(figures.venture_amount >= 26'000'000.0); // 2600余万
  CHECK(figures.venture_amount < 27'000'000.0);
  CHECK(figures.integrity_trainings >= 90);
  CHECK(figures.integrity_trainings < 100); // 90余次
  CHECK(figures.association_interviews == 66);
  CHECK(figures.dormant_cleared == 309);
}

TEST_CASE("the committed samples/huzhou is the generator's output")
{
  for (const auto& [table, text] : huzhou()) {
    CAPTURE(table);
    const std::string path = std::string(ORGAUDIT_SOURCE_DIR) + "/samples/huzhou/" + table + ".csv";
    CHECK(orgaudit::read_file(path) == text);
  }
}

TEST_CASE("samples/huzhou follows the distributions of domain.md §9–10")
{
  const auto& files = huzhou();
  const auto orgs = fixture::parse_csv(files.at("organizations"));
  // Fields by header name, so that the test reads the columns it means.
  const auto field = [](const std::vector<std::string>& header, std::string_view name) {
    const auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t status = field(orgs[0], "status");
  const std::size_t registered_on = field(orgs[0], "registered_on");
  const std::size_t reachable = field(orgs[0], "address_reachable");
  std::unordered_map<std::string, std::size_t> index;
  std::map<std::string, int> types;
  std::set<std::string> names;
  std::size_t active = 0;
  for (std::size_t i = 1; i < orgs.size(); ++i) {
    index[orgs[i][0]] = i;
    ++types[orgs[i][2]];
    names.insert(orgs[i][1]);
    active += orgs[i][status] == "active" ? 1 : 0;
  }
  CHECK(types["social_group"] == doctest::Approx(0.37 * 3500).epsilon(0.06));
  CHECK(types["social_service_agency"] == doctest::Approx(0.61 * 3500).epsilon(0.06));
  CHECK(types["foundation"] == doctest::Approx(0.02 * 3500).epsilon(0.3));
  CHECK(names.size() >= 3500 * 99 / 100);

  // The national dormancy criteria (民发〔2021〕63号), evaluated on the rows.
  const auto as_of = huzhou_as_of;
  const orgaudit::Date cutoff = *orgaudit::make_date(2024, 1, 1);
  std::vector<int> filed(orgs.size(), 0);
  const auto reports = fixture::parse_csv(files.at("annual_reports"));
  const std::size_t charitable = field(reports[0], "charitable_expenses");
  const std::size_t total = field(reports[0], "total_expenses");
  for (const auto& r : reports) {
    if (r[0] != "uscc" && (r[1] == "2025" || r[1] == "2024") && r[2] != "not_submitted") {
      ++filed[index.at(r[0])];
    }
    if (r[0] != "uscc" && !r[charitable].empty()) {
      CHECK(std::stod(r[charitable]) <= std::stod(r[total]));
    }
  }
  std::vector<bool> early(orgs.size(), false);
  std::vector<bool> recent(orgs.size(), false);
  for (const auto& a : fixture::parse_csv(files.at("activities"))) {
    if (a[0] == "uscc") {
      continue;
    }
    const std::size_t i = index.at(a[0]);
    const auto date = *orgaudit::parse_date(a[1]);
    const auto registered = *orgaudit::parse_date(orgs[i][registered_on]);
    early[i] = early[i] || date.days - registered.days <= 365;
    recent[i] = recent[i] || (date >= cutoff && a[3] == "true");
  }
  std::vector<bool> abnormal(orgs.size(), false);
  for (const auto& incident : fixture::parse_csv(files.at("incidents"))) {
    if (incident[0] != "uscc" && incident[2] == "abnormal_list" && incident[5].empty()) {
      abnormal[index.at(incident[0])] = true;
    }
  }
  std::size_t dormant = 0;
  std::size_t listed = 0;
  for (std::size_t i = 1; i < orgs.size(); ++i) {
    if (orgs[i][status] != "active") {
      continue;
    }
    const auto registered = *orgaudit::parse_date(orgs[i][registered_on]);
    const bool z1 = orgaudit::year_of(registered) <= 2023 && filed[i] == 0;
    const bool z2 = as_of.days - registered.days > 365 && !early[i];
    const bool z3 = registered < cutoff && !recent[i];
    const bool z4 = orgs[i][reachable] == "false";
    dormant += z1 || z2 || z3 || z4 ? 1 : 0;
    listed += abnormal[i] ? 1 : 0;
  }
  CHECK(static_cast<double>(dormant) / static_cast<double>(active) ==
        doctest::Approx(0.04).epsilon(0.25));
  CHECK(static_cast<double>(listed) / static_cast<double>(active) ==
        doctest::Approx(0.03).epsilon(0.4));
}

TEST_CASE("options the generator cannot honour are usage errors, named as sample's options")
{
  StringSink sink;
  SampleOptions options;
  options.organizations = 0;
  options.as_of = huzhou_as_of;
  CHECK_THROWS_WITH_AS(generate_sample(options, sink), "--orgs must be at least 1",
                       orgaudit::UsageError);
  options.organizations = max_organizations + 1;
  CHECK_THROWS_WITH_AS(generate_sample(options, sink), "--orgs must be at most 100000000",
                       orgaudit::UsageError);
  options.organizations = 10;
  options.as_of = *orgaudit::make_date(1994, 12, 31);
  CHECK_THROWS_WITH_AS(
      generate_sample(options, sink),
      "--as-of must be in 1995 or later (the sample's registrations start in 1990)",
      orgaudit::UsageError);
  CHECK_THROWS_AS(write_sample(options, "never-created"), orgaudit::UsageError);
  CHECK_FALSE(std::filesystem::exists("never-created"));
  options.as_of = *orgaudit::make_date(1995, 1, 1);
  CHECK_NOTHROW(generate_sample(options, sink));
}
