#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <orgaudit/audit/program.hpp>
#include <orgaudit/data/loader.hpp>
#include <orgaudit/schema/loader.hpp>

#include "fixture_dataset.hpp"

using namespace orgaudit;

// The committed samples/huzhou, loaded from disk the way `orgaudit score`
// loads it, must give the Huzhou article's figures (SPEC §9): they are the
// sample's calibration targets, so they are asserted as the article states them.
TEST_CASE("samples/huzhou on disk reproduces every program figure of the Huzhou article")
{
  Diagnostics schema_diagnostics;
  const auto schema = schema::load_schema(
      std::string(ORGAUDIT_SOURCE_DIR) + "/rules/schema/social-org.yaml", schema_diagnostics);
  REQUIRE(schema);

  data::LoadOptions options;
  options.as_of = parse_date("2026-11-27").value();
  Diagnostics diagnostics;
  const auto dataset = data::load_dataset(std::string(ORGAUDIT_SOURCE_DIR) + "/samples/huzhou",
                                          schema, options, diagnostics);
  INFO(diagnostics.format());
  REQUIRE(dataset);
  CHECK(diagnostics.empty());
  CHECK(dataset->organization_count() == 3500);

  const auto figures = audit::compute_program_figures(fixture::select_all(*dataset, options.as_of));
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
  CHECK(figures.integrity_trainings >= 90); // 已组织培训90余次
  CHECK(figures.integrity_trainings < 100);
  CHECK(figures.association_interviews == 66);
  CHECK(figures.dormant_cleared == 309);
}
