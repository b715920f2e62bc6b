#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/core/date.hpp>
#include <orgaudit/sample/profile.hpp>
#include <orgaudit/sample/tables.hpp>

namespace orgaudit::sample {

// The Huzhou article's organization-level figures (SPEC §9) scaled to a
// sample of N organizations: each is round(figure × N / 3500), so that at
// N = 3500 they are exactly the article's. The two named demonstration units
// are included when N ≥ 100.
struct ProgramTargets {
  std::size_t high_grade = 0;
  std::size_t brand_orgs = 0;
  std::size_t brand_orgs_provincial = 0;
  std::size_t brand_projects = 0;
  std::size_t leading_figures = 0;
  std::size_t leading_figures_provincial = 0;
  std::size_t best_practices = 0;
  bool demonstration_units = false;
  std::size_t venture_projects = 0;
  std::size_t venture_rounds = 0;
  std::int64_t venture_amount_yuan = 0;
  std::size_t integrity_trainings = 0;
  std::size_t association_interviews = 0;
  std::size_t dormant_cleared = 0;
};

// The targets for a sample of `organizations` organizations.
ProgramTargets program_targets(std::size_t organizations);

// The names of the two city-level integrity demonstration units of the article.
inline constexpr const char* demonstration_unit_names[2] = {"湖州市电梯行业协会", "湖州市重庆商会"};

// Why an active organization meets the national dormancy criteria of
// 民发〔2021〕63号 (domain.md §3.1), or none.
enum class Dormancy : std::uint8_t {
  none,
  no_reports,        // no annual report for the two most recent years
  never_active,      // no activity since registration (≥ 1 year ago)
  no_scope_activity, // no in-scope activity since the cut-off date
  unreachable        // cannot be contacted at its address
};

// What the calibration decided for one organization.
struct OrgRoles {
  Status status = Status::active;
  // Closed organizations (status not active): when and why.
  Date closed_on;
  ClosedReason closed_reason = ClosedReason::dormant;
  std::uint8_t grade = 0; // 0 none, 1..5 = 1A..5A
  Date grade_awarded_on;  // when grade > 0: at least two full years after registration
  Dormancy dormancy = Dormancy::none;
  // How well run it is, in [0, 1]: shared by every row writer so that a good
  // organization is good at most things (graded ones better, dormant ones worse).
  double quality = 0;
  bool interview = false;
  std::int8_t demonstration_unit = -1; // index into demonstration_unit_names, or -1
};

// An honor the calibration placed (brand, leading figure, best practice,
// demonstration unit); the generator adds county-level ones of its own,
// which no program figure counts.
struct PlannedHonor {
  std::uint32_t org = 0;
  int year = 0;
  HonorKind kind = HonorKind::brand_org;
  HonorLevel level = HonorLevel::city;
};

// An organization's leader attending one of the bureau's integrity-training
// sessions (清廉大讲堂): written as an integrity_training activity on that date.
struct PlannedTraining {
  std::uint32_t org = 0;
  Date date;
};

// A venture-philanthropy (公益创投) project of one of the rounds.
struct PlannedProject {
  std::uint32_t org = 0;
  int year = 0;
  std::int64_t amount_yuan = 0;
};

// Every organization's profile and roles, and the planned honors, venture
// projects and training attendances sorted by organization, computed once before rows are
// generated.
struct SamplePlan {
  std::uint64_t seed = 0;
  Date as_of;
  ProgramTargets targets;
  std::vector<OrgProfile> profiles;
  std::vector<OrgRoles> roles;
  // Organization names, distinct as long as the word lists allow: organization
  // i's is names_arena[name_offsets[i], name_offsets[i + 1]).
  std::string names_arena;
  std::vector<std::uint32_t> name_offsets;
  std::vector<PlannedHonor> honors;
  std::vector<PlannedProject> venture_projects;
  // Every attendance of every session, sorted by organization then date; each
  // of the targets.integrity_trainings session dates has at least one.
  std::vector<PlannedTraining> trainings;

  std::string_view name(std::size_t org) const
  {
    return std::string_view(names_arena)
        .substr(name_offsets[org], name_offsets[org + 1] - name_offsets[org]);
  }
};

// Plans a sample of `organizations` organizations (≥ 1) so that the program
// figures computed from its rows equal program_targets(organizations)
// whenever enough organizations qualify (always from a few hundred on).
SamplePlan make_plan(std::size_t organizations, std::uint64_t seed, Date as_of);

} // namespace orgaudit::sample
