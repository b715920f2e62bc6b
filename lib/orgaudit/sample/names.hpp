#pragma once

#include <span>
#include <string>
#include <string_view>

#include <orgaudit/sample/plan.hpp>
#include <orgaudit/sample/profile.hpp>
#include <orgaudit/sample/random.hpp>

namespace orgaudit::sample {

// A Chinese name that reads like a real organization of the profile's type,
// field and region: industry associations and chambers of commerce
// (湖州市物流行业协会, 南浔区温州商会), other 社团 (德清县摄影家协会), 民非 service
// centres, schools and social-work agencies (安吉县春晖社会工作服务中心) and
// foundations (长兴县仁爱慈善基金会). Built from word lists, so names rarely
// repeat; never one of the two named demonstration units.
std::string make_organization_name(Random& random, const OrgProfile& profile);

// The towns and streets (乡镇、街道) of `region`'s county (domain.md §8.2a),
// which county-level names may place an organization in; empty for the city
// (330500) and the province, whose organizations are named after no town.
std::span<const std::string_view> towns_of(Region region);

// The title of a public-welfare project, e.g. "乐龄助餐暖心服务项目".
std::string make_project_title(Random& random);

// Names every organization of `plan` (names_arena, name_offsets), in index
// order, redrawing a name (up to 16 times) when it is taken, so that a
// dataset rarely holds two organizations of the same name. Once the word
// lists run out (tens of thousands of organizations: more than 1 % of names
// found no free spelling) redrawing stops and names repeat, which keeps the
// cost linear. The demonstration units keep their names.
void assign_names(SamplePlan& plan);

} // namespace orgaudit::sample
