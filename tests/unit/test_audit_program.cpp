#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <orgaudit/audit/program.hpp>
#include <orgaudit/sample/uscc.hpp>

#include "fixture_dataset.hpp"

using orgaudit::audit::compute_program_figures;
using orgaudit::audit::ProgramFigures;

namespace {

struct OrgSpec {
  std::string uscc;
  std::string row;                 // the organizations row after the uscc
  std::vector<std::string> honors; // rows after the uscc
  std::vector<std::string> projects;
  std::vector<std::string> activities;
  std::vector<std::string> incidents;
};

std::string uscc(orgaudit::sample::OrgType type, const char* tail)
{
  return orgaudit::sample::make_uscc(type, "330500", tail);
}

// Nine organizations whose figures are worked out by hand in the test below;
// child rows are grouped by organization in USCC order, as the loader leaves them.
std::map<std::string, std::string> hand_built_files()
{
  using orgaudit::sample::OrgType;
  std::vector<OrgSpec> orgs = {
      {uscc(OrgType::social_group, "000001"),
       "湖州市电梯行业协会,social_group,true,active,,,5A,2024-05-01",
       {"2020,brand_org,city,a", "2022,brand_org,province,b", "2025,integrity_demo_unit,city,c",
        "2024,best_practice,province,d", "2025,best_practice,province,d2",
        "2024,brand_project,city,m"},
       {"2019,venture_philanthropy,10000.50"},
       {"2025-03-01,integrity_training", "2025-04-01,integrity_training"},
       {"2024-05-01,interview", "2025-05-01,interview"}},
      // Awarded 2021-11-28 under the 2011 rules: valid to 2026-11-27, the as_of.
      {uscc(OrgType::social_group, "000002"),
       "湖州市重庆商会,social_group,true,active,,,4A,2021-11-28",
       {"2025,integrity_demo_unit,city,e", "2021,brand_org,county,f",
        "2022,leading_figure,province,g"},
       {"2020,government_purchase,99999"},
       {"2025-01-01,training"},
       {"2024-06-01,interview"}},
      {uscc(OrgType::social_service_agency, "000003"),
       "某服务中心,social_service_agency,false,deregistered,2024-03-01,voluntary,4A,2024-01-01",
       {"2023,brand_org,city,h"},
       {},
       {},
       {}},
      {uscc(OrgType::foundation, "000004"),
       "某基金会,foundation,false,revoked,2024-01-01,dormant,,",
       {},
       {},
       {},
       {}},
      {uscc(OrgType::social_group, "000005"),
       "某学会,social_group,false,certificate_revoked,2025-05-01,violation,3A,2022-01-01",
       {},
       {},
       {},
       {"2023-01-01,interview"}},
      {uscc(OrgType::social_group, "000006"),
       "某行业协会,social_group,true,active,,,3A,2023-01-01",
       {"2021,brand_project,county,i", "2022,leading_figure,city,j", "2023,best_practice,city,k",
        "2023,integrity_demo_unit,county,l", "2024,leading_figure,county,n"},
       {"2019,venture_philanthropy,20000", "2020,venture_philanthropy,5000"},
       // Two organizations at the 2025-03-01 session: one session, not two.
       {"2024-01-01,integrity_training", "2025-03-01,integrity_training"},
       {"2024-01-01,warning"}},
      // Awarded 2021-11-27: expired on 2026-11-27.
      {uscc(OrgType::social_group, "000007"),
       "某商会,social_group,true,active,,,5A,2021-11-27",
       {},
       {},
       {},
       {}},
      // Closed as dormant after as_of: on the register, with a valid 4A, on as_of; not yet cleared.
      {uscc(OrgType::social_service_agency, "000008"),
       "某中心,social_service_agency,false,deregistered,2026-12-01,dormant,4A,2026-03-05",
       {},
       {},
       {},
       {}},
      // A 4A grade without an award date cannot be shown valid.
      {uscc(OrgType::social_group, "000009"),
       "某研究会,social_group,false,active,,,4A,",
       {},
       {},
       {},
       {}},
  };
  std::sort(orgs.begin(), orgs.end(),
            [](const OrgSpec& a, const OrgSpec& b) { return a.uscc < b.uscc; });
  std::map<std::string, std::string> files = {
      {"organizations", "uscc,name,type,industry_association,status,closed_on,closed_reason,grade,"
                        "grade_awarded_on\n"},
      {"honors", "uscc,year,kind,level,title\n"},
      {"projects", "uscc,year,source,amount\n"},
      {"activities", "uscc,date,kind\n"},
      {"incidents", "uscc,date,kind\n"}};
  for (const auto& org : orgs) {
    files["organizations"] += org.uscc + "," + org.row + "\n";
    for (const auto& row : org.honors) {
      files["honors"] += org.uscc + "," + row + "\n";
    }
    for (const auto& row : org.projects) {
      files["projects"] += org.uscc + "," + row + "\n";
    }
    for (const auto& row : org.activities) {
      files["activities"] += org.uscc + "," + row + "\n";
    }
    for (const auto& row : org.incidents) {
      files["incidents"] += org.uscc + "," + row + "\n";
    }
  }
  return files;
}

const orgaudit::Date as_of = *orgaudit::make_date(2026, 11, 27);

void check_hand_built(const ProgramFigures& figures)
{
  CHECK(figures.organizations == 9);
  CHECK(figures.high_grade == 3); // 000001, 000002 and 000008
  CHECK(figures.brand_orgs == 2);
  CHECK(figures.brand_orgs_provincial == 1);
  CHECK(figures.brand_projects == 1); // the county one is not counted
  CHECK(figures.leading_figures == 2);
  CHECK(figures.leading_figures_provincial == 1);
  CHECK(figures.best_practices == 1); // one organization, two examples
  CHECK(figures.demonstration_units ==
        std::vector<std::string>{"湖州市电梯行业协会", "湖州市重庆商会"});
  CHECK(figures.venture_projects == 3);
  CHECK(figures.venture_rounds == 2);
  CHECK(figures.venture_amount == doctest::Approx(35000.50));
  CHECK(figures.integrity_trainings == 3);
  CHECK(figures.association_interviews == 2);
  CHECK(figures.dormant_cleared == 1); // 000004; 000008 closes after as_of
}

// The hand-built dataset, loaded as of the end of 2026 so that 000008's
// closing date is no error; the figures are computed as of `as_of`.
orgaudit::data::Dataset hand_built_dataset()
{
  std::vector<std::string> problems;
  auto dataset =
      fixture::dataset_from_csv(hand_built_files(), *orgaudit::make_date(2026, 12, 31), problems);
  REQUIRE(problems.empty());
  return dataset;
}

} // namespace

TEST_CASE("program figures are counted from the rows, by the definitions of program.hpp")
{
  auto dataset = hand_built_dataset();
  CHECK(dataset.organization_count() == 9);

  SUBCASE("child rows found by their uscc")
  {
    check_hand_built(compute_program_figures(fixture::select_all(std::move(dataset), as_of)));
  }
  SUBCASE("child rows grouped by organization, as the loader leaves them")
  {
    for (auto& table : dataset.tables) {
      if (table.table->is_root) {
        continue;
      }
      table.org_begin.assign(dataset.organization_count() + 1, 0);
      const auto& uscc_column = table.columns[0];
      std::size_t row = 0;
      for (std::size_t org = 0; org < dataset.organization_count(); ++org) {
        table.org_begin[org] = static_cast<std::uint32_t>(row);
        const auto key = dataset.organizations().columns[0].string_at(org);
        while (row < table.rows && uscc_column.string_at(row) == key) {
          ++row;
        }
      }
      table.org_begin.back() = static_cast<std::uint32_t>(row);
      REQUIRE(row == table.rows);
    }
    check_hand_built(compute_program_figures(fixture::select_all(std::move(dataset), as_of)));
  }
}

TEST_CASE("program figures count only the organizations of the selection (--org, --region)")
{
  auto results = fixture::select_all(hand_built_dataset(), as_of);
  // 000001 (湖州市电梯行业协会) and 000004 (the cleared foundation) only.
  std::vector<orgaudit::audit::OrgResult> selection;
  for (const auto& org : results.organizations) {
    const auto code = results.dataset->organizations().columns[0].string_at(org.org);
    if (code == uscc(orgaudit::sample::OrgType::social_group, "000001") ||
        code == uscc(orgaudit::sample::OrgType::foundation, "000004")) {
      selection.push_back(org);
    }
  }
  REQUIRE(selection.size() == 2);
  results.organizations = selection;
  const ProgramFigures figures = compute_program_figures(results);
  CHECK(figures.organizations == 2);
  CHECK(figures.high_grade == 1);
  CHECK(figures.brand_orgs == 1);
  CHECK(figures.brand_orgs_provincial == 1);
  CHECK(figures.brand_projects == 1);
  CHECK(figures.leading_figures == 0);
  CHECK(figures.best_practices == 1);
  CHECK(figures.demonstration_units == std::vector<std::string>{"湖州市电梯行业协会"});
  CHECK(figures.venture_projects == 1);
  CHECK(figures.venture_amount == doctest::Approx(10000.50));
  CHECK(figures.integrity_trainings == 2);
  CHECK(figures.association_interviews == 1);
  CHECK(figures.dormant_cleared == 1);
}

TEST_CASE("the 4A+ figure counts a grade on its last valid day, not on its first expired one")
{
  // 000002's 2011-rule grade expires on 2026-11-28, 000001's 2024 grade on 2029-05-01.
  CHECK(compute_program_figures(
            fixture::select_all(hand_built_dataset(), *orgaudit::make_date(2026, 11, 28)))
            .high_grade == 2);
}

TEST_CASE("empty tables and absent columns count zero")
{
  std::vector<std::string> problems;
  const std::map<std::string, std::string> files = {
      {"organizations", "uscc,name,type,status\n" +
                            orgaudit::sample::make_uscc(orgaudit::sample::OrgType::social_group,
                                                        "330502", "000001") +
                            ",某协会,social_group,revoked\n"}};
  auto dataset = fixture::dataset_from_csv(files, as_of, problems);
  REQUIRE(problems.empty());
  auto& grade = dataset.tables[0].columns[*dataset.tables[0].table->column_index("grade")];
  grade.present = false;
  grade.clear();
  const ProgramFigures figures = compute_program_figures(fixture::select_all(dataset, as_of));
  CHECK(figures.high_grade == 0);
  CHECK(figures.dormant_cleared == 0); // no closed_reason column
  CHECK(figures.brand_orgs == 0);
  CHECK(figures.venture_projects == 0);
  CHECK(figures.venture_amount == 0);
  CHECK(figures.integrity_trainings == 0);
  CHECK(figures.association_interviews == 0);
  CHECK(figures.demonstration_units.empty());
}

TEST_CASE("figures read from an absent table are unknown, not zero")
{
  auto dataset = hand_built_dataset();
  for (auto& table : dataset.tables) {
    table.absent = table.table->name == "activities" || table.table->name == "projects";
  }
  const ProgramFigures figures = compute_program_figures(fixture::select_all(dataset, as_of));
  CHECK_FALSE(figures.activities_known);
  CHECK_FALSE(figures.projects_known);
  CHECK(figures.honors_known);
  CHECK(figures.incidents_known);
  CHECK(figures.brand_orgs == 2);
}
