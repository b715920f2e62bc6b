#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>

#include <orgaudit/core/date.hpp>
#include <orgaudit/sample/plan.hpp>
#include <orgaudit/sample/random.hpp>
#include <orgaudit/sample/tables.hpp>

namespace orgaudit::sample {

// The CSV text of a run of organizations, one buffer per table (no header).
struct ChunkText {
  std::array<std::string, sample_table_count> tables;
  std::size_t child_rows = 0;

  std::string& operator[](SampleTable table) { return tables[static_cast<std::size_t>(table)]; }
};

// Everything the writers of one organization's rows share.
struct OrgContext {
  const SamplePlan& plan;
  const OrgProfile& profile;
  const OrgRoles& roles;
  Random& random;
  std::string uscc;
  Date as_of;
  int as_of_year = 0;
  // Jan 1 two years before as_of's year: the national criterion's cut-off
  // for in-scope activity (domain.md §10.3 Z3).
  Date scope_cutoff;
  // Cleared organizations: the year their status changed; their reports and
  // activity stop three years before. Others: as_of's year + 1.
  int cleared_year = 0;
  PartyOrg party_org = PartyOrg::none;
  double size = 1; // revenue multiplier, log-normal around 1
  std::span<const PlannedHonor> honors;
  std::span<const PlannedProject> venture_projects;
  std::span<const PlannedTraining> trainings;
  ChunkText& out;

  bool cleared() const { return roles.status != Status::active; }
  // A date uniform in [from, to] (to ≥ from).
  Date date_between(Date from, Date to) const
  {
    return Date{from.days + random.between(0, to.days - from.days)};
  }
};

// Money in fen from a yuan amount, rounded to whole yuan when `whole` is set.
std::int64_t to_fen(double yuan, bool whole = false);

// Writes the organizations row and every child row of one organization.
void write_organization(const SamplePlan& plan, std::size_t index, const std::string& uscc,
                        std::span<const PlannedHonor> honors,
                        std::span<const PlannedProject> venture_projects,
                        std::span<const PlannedTraining> trainings, ChunkText& out);

void write_policies(OrgContext& context);
void write_annual_reports(OrgContext& context);
void write_activities(OrgContext& context);
void write_projects(OrgContext& context);
void write_incidents(OrgContext& context);
void write_honors(OrgContext& context);

} // namespace orgaudit::sample
