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

// Six organizations whose figures are worked out by hand in the test below;
// child rows are grouped by organization in USCC order, as the loader leaves them.
std::map<std::string, std::string> hand_built_files()
{
  using orgaudit::sample::OrgType;
  std::vector<OrgSpec> orgs = {
      {uscc(OrgType::social_group, "000001"),
       "湖州市电梯行业协会,social_group,true,active,5A",
       {"2020,brand_org,city,a", "2022,brand_org,province,b", "2025,integrity_demo_unit,city,c",
        "2024,best_practice,province,d"},
       {"2019,venture_philanthropy,10000.50"},
       {"2025-03-01,integrity_training", "2025-04-01,integrity_training"},
       {"2024-05-01,interview", "2025-05-01,interview"}},
      {uscc(OrgType::social_group, "000002"),
       "湖州市重庆商会,social_group,true,active,4A",
       {"2025,integrity_demo_unit,city,e", "2021,brand_org,county,f",
        "2022,leading_figure,province,g"},
       {"2020,government_purchase,99999"},
       {"2025-01-01,training"},
       {"2024-06-01,interview"}},
      {uscc(OrgType::social_service_agency, "000003"),
       "某服务中心,social_service_agency,false,deregistered,4A",
       {"2023,brand_org,city,h"},
       {},
       {},
       {}},
      {uscc(OrgType::foundation, "000004"), "某基金会,foundation,false,revoked,", {}, {}, {}, {}},
      {uscc(OrgType::social_group, "000005"),
       "某学会,social_group,false,certificate_revoked,3A",
       {},
       {},
       {},
       {"2023-01-01,interview"}},
      {uscc(OrgType::social_group, "000006"),
       "某行业协会,social_group,true,active,3A",
       {"2021,brand_project,county,i", "2022,leading_figure,city,j", "2023,best_practice,city,k",
        "2023,integrity_demo_unit,county,l"},
       {"2019,venture_philanthropy,20000", "2020,venture_philanthropy,5000"},
       // Two organizations at the 2025-03-01 session: one session, not two.
       {"2024-01-01,integrity_training", "2025-03-01,integrity_training"},
       {"2024-01-01,warning"}},
  };
  std::sort(orgs.begin(), orgs.end(),
            [](const OrgSpec& a, const OrgSpec& b) { return a.uscc < b.uscc; });
  std::map<std::string, std::string> files = {
      {"organizations", "uscc,name,type,industry_association,status,grade\n"},
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

void check_hand_built(const ProgramFigures& figures)
{
  CHECK(figures.high_grade == 2);
  CHECK(figures.brand_orgs == 2);
  CHECK(figures.brand_orgs_provincial == 1);
  CHECK(figures.brand_projects == 1);
  CHECK(figures.leading_figures == 2);
  CHECK(figures.leading_figures_provincial == 1);
  CHECK(figures.best_practices == 1);
  CHECK(figures.demonstration_units ==
        std::vector<std::string>{"湖州市电梯行业协会", "湖州市重庆商会"});
  CHECK(figures.venture_projects == 3);
  CHECK(figures.venture_rounds == 2);
  CHECK(figures.venture_amount == doctest::Approx(35000.50));
  CHECK(figures.integrity_trainings == 3);
  CHECK(figures.association_interviews == 2);
  CHECK(figures.dormant_cleared == 3);
}

} // namespace

TEST_CASE("program figures are counted from the rows, by the definitions of program.hpp")
{
  std::vector<std::string> problems;
  auto dataset =
      fixture::dataset_from_csv(hand_built_files(), *orgaudit::make_date(2026, 11, 27), problems);
  REQUIRE(problems.empty());
  CHECK(dataset.organization_count() == 6);

  SUBCASE("child rows found by their uscc")
  {
    check_hand_built(compute_program_figures(dataset));
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
    check_hand_built(compute_program_figures(dataset));
  }
}

TEST_CASE("absent tables and columns count zero")
{
  std::vector<std::string> problems;
  const std::map<std::string, std::string> files = {
      {"organizations", "uscc,name,type,status\n" +
                            orgaudit::sample::make_uscc(orgaudit::sample::OrgType::social_group,
                                                        "330502", "000001") +
                            ",某协会,social_group,revoked\n"}};
  auto dataset = fixture::dataset_from_csv(files, *orgaudit::make_date(2026, 11, 27), problems);
  REQUIRE(problems.empty());
  auto& grade = dataset.tables[0].columns[*dataset.tables[0].table->column_index("grade")];
  grade.present = false;
  grade.codes.clear();
  const ProgramFigures figures = compute_program_figures(dataset);
  CHECK(figures.high_grade == 0);
  CHECK(figures.dormant_cleared == 1);
  CHECK(figures.brand_orgs == 0);
  CHECK(figures.venture_projects == 0);
  CHECK(figures.venture_amount == 0);
  CHECK(figures.integrity_trainings == 0);
  CHECK(figures.association_interviews == 0);
  CHECK(figures.demonstration_units.empty());
}
