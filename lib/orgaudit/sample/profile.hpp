#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include <orgaudit/core/date.hpp>
#include <orgaudit/sample/tables.hpp>

namespace orgaudit::sample {

// The registering authorities: Huzhou's six (domain.md §8.2) and the
// province, which registers a few foundations.
enum class Region : std::uint8_t { city, wuxing, nanxun, deqing, changxing, anji, province };

// The six-digit code of `region` ("330502").
std::string_view region_code(Region region);
// The name prefix organizations registered there carry ("吴兴区", "湖州市").
std::string_view region_prefix(Region region);

// What the calibration needs to know about an organization before its rows
// are generated: drawn from the run's seed and the organization's index only.
struct OrgProfile {
  OrgType type = OrgType::social_group;
  Region region = Region::city;
  bool industry_association = false;
  bool charity = false;
  bool public_fundraising = false;
  // Foundations only: registered as 公募 or 非公募 (基金会管理条例).
  FoundationType foundation_type = FoundationType::private_;
  Date registered_on;
};

// The profile of organization `index` (see "orgaudit sample" in docs/contributing.md
// for the distributions): types 37/61/2 %, ≈15 % of 社团 industry
// associations, registration years from 1990 to `as_of` weighted toward
// recent years.
OrgProfile make_profile(std::uint64_t seed, std::uint64_t index, Date as_of);

// The profile of the two named demonstration units: city-level industry
// associations registered in `year`.
OrgProfile demonstration_unit_profile(int year, Date as_of);

} // namespace orgaudit::sample
