#include <orgaudit/sample/profile.hpp>

#include <algorithm>

#include <orgaudit/sample/random.hpp>

namespace orgaudit::sample {

namespace {

constexpr int first_registration_year = 1990;

// Shares of the six Huzhou authorities (市本级 registers the most; the
// counties by population). An unsourced proposal, see docs/contributing.md.
constexpr std::array<int, 6> region_weights = {18, 19, 14, 16, 18, 15};

Date random_registration(Random& random, Date as_of)
{
  const int last_year = year_of(as_of);
  const int span = last_year - first_registration_year + 1;
  // The maximum of two uniform years has density ∝ t: registrations grew
  // since 1990, and ≈10 % of organizations are under two years old (the
  // province's total is flat since 2020, so new ones replace cleared ones).
  int offset = 0;
  for (int i = 0; i < 2; ++i) {
    offset = std::max(offset, random.between(0, span - 1));
  }
  const int year = first_registration_year + offset;
  const Date start = *make_date(year, 1, 1);
  const Date end = year == last_year ? as_of : *make_date(year, 12, 31);
  return Date{start.days + random.between(0, end.days - start.days)};
}

} // namespace

std::string_view region_code(Region region)
{
  static constexpr std::array<std::string_view, 7> codes = {"330500", "330502", "330503", "330521",
                                                            "330522", "330523", "330000"};
  return codes[static_cast<std::size_t>(region)];
}

std::string_view region_prefix(Region region)
{
  static constexpr std::array<std::string_view, 7> prefixes = {
      "湖州市", "吴兴区", "南浔区", "德清县", "长兴县", "安吉县", "浙江省"};
  return prefixes[static_cast<std::size_t>(region)];
}

OrgProfile make_profile(std::uint64_t seed, std::uint64_t index, Date as_of)
{
  Random random(stream_seed(seed, index, 0));
  OrgProfile profile;
  static constexpr std::array<int, 3> type_weights = {37, 61, 2};
  profile.type = static_cast<OrgType>(random.weighted(type_weights));
  profile.region = static_cast<Region>(random.weighted(region_weights));
  profile.registered_on = random_registration(random, as_of);
  switch (profile.type) {
  case OrgType::social_group:
    profile.industry_association = random.chance(0.15);
    profile.charity = !profile.industry_association && random.chance(0.03);
    break;
  case OrgType::social_service_agency:
    profile.charity = random.chance(0.04);
    break;
  case OrgType::foundation:
    profile.charity = random.chance(0.85);
    if (random.chance(0.15)) {
      profile.region = Region::province;
    }
    break;
  }
  profile.public_fundraising =
      profile.charity && random.chance(profile.type == OrgType::foundation ? 0.25 : 0.08);
  // Most local foundations were registered 非公募; the 公募 ones mostly hold the public-
  // fundraising qualification too (an unsourced proposal).
  if (profile.type == OrgType::foundation &&
      random.chance(profile.public_fundraising ? 0.8 : 0.08)) {
    profile.foundation_type = FoundationType::public_;
  }
  return profile;
}

OrgProfile demonstration_unit_profile(int year, Date as_of)
{
  OrgProfile profile;
  profile.type = OrgType::social_group;
  profile.region = Region::city;
  profile.industry_association = true;
  profile.registered_on = std::min(as_of, *make_date(year, 6, 18));
  return profile;
}

} // namespace orgaudit::sample
