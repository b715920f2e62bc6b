#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>

#include <orgaudit/sample/names.hpp>
#include <orgaudit/sample/plan.hpp>

using namespace orgaudit::sample;

namespace {

bool ends_with_any(const std::string& name, std::initializer_list<std::string_view> endings)
{
  for (const auto ending : endings) {
    if (name.ends_with(ending)) {
      return true;
    }
  }
  return false;
}

} // namespace

TEST_CASE("names read as organizations of their type and region")
{
  Random random(3);
  for (int r = 0; r < 6; ++r) {
    const auto region = static_cast<Region>(r);
    for (int i = 0; i < 200; ++i) {
      OrgProfile profile;
      profile.region = region;
      profile.type = OrgType::social_group;
      profile.industry_association = true;
      std::string name = make_organization_name(random, profile);
      CAPTURE(name);
      CHECK(name.starts_with(region_prefix(region)));
      CHECK(ends_with_any(name, {"协会", "商会"}));
      CHECK(name != demonstration_unit_names[0]);
      CHECK(name != demonstration_unit_names[1]);

      profile.industry_association = false;
      name = make_organization_name(random, profile);
      CHECK(ends_with_any(name, {"会", "团"}));

      profile.type = OrgType::social_service_agency;
      name = make_organization_name(random, profile);
      CHECK(name.size() > region_prefix(region).size() + 6);

      profile.type = OrgType::foundation;
      name = make_organization_name(random, profile);
      CHECK(name.ends_with("基金会"));
    }
  }
}

TEST_CASE("a name placing an organization in a town takes the town from its own county")
{
  Random random(5);
  for (int r = 0; r < 7; ++r) {
    const auto region = static_cast<Region>(r);
    CAPTURE(region_code(region));
    const bool county = region != Region::city && region != Region::province;
    CHECK(towns_of(region).empty() == !county);
    std::size_t placed = 0;
    for (int i = 0; i < 300; ++i) {
      OrgProfile profile;
      profile.region = region;
      profile.type = i % 2 == 0 ? OrgType::social_group : OrgType::social_service_agency;
      const std::string name = make_organization_name(random, profile);
      CAPTURE(name);
      for (int other = 0; other < 7; ++other) {
        for (const std::string_view town : towns_of(static_cast<Region>(other))) {
          const bool found = name.find(town) != std::string::npos;
          placed += found ? 1 : 0;
          CHECK((!found || other == r));
        }
      }
    }
    CHECK((placed > 0) == county); // about a third of county-level names
  }
}

TEST_CASE("a city-sized sample has distinct names, a larger one mostly distinct")
{
  const auto as_of = *orgaudit::make_date(2026, 11, 27);
  // The word lists hold a few hundred spellings per type and region, so
  // beyond a city's size names start to repeat.
  for (const auto& [orgs, share] : {std::pair<std::size_t, double>{3500, 0.995}, {20000, 0.75}}) {
    CAPTURE(orgs);
    const SamplePlan plan = make_plan(orgs, 2026, as_of);
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < orgs; ++i) {
      REQUIRE_FALSE(plan.name(i).empty());
      names.insert(plan.name(i));
    }
    CHECK(static_cast<double>(names.size()) >= share * static_cast<double>(orgs));
  }
}

TEST_CASE("project titles are non-empty and varied")
{
  Random random(9);
  std::set<std::string> titles;
  for (int i = 0; i < 500; ++i) {
    const std::string title = make_project_title(random);
    REQUIRE_FALSE(title.empty());
    titles.insert(title);
  }
  CHECK(titles.size() > 450);
}
