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
  // The last day with any activity: as_of for an active organization, the day
  // before closed_on for a closed one, and for a cleared zombie Dec 31 three
  // years before the year of the day before its closed_on (so that it meets
  // the activity criterion of 民发〔2021〕63号 then).
  Date active_until;
  // The last day of the organization's records (incidents, resolutions):
  // closed_on, or as_of while active.
  Date records_until;
  PartyOrg party_org = PartyOrg::none;
  double size = 1; // revenue multiplier, log-normal around 1
  std::span<const PlannedHonor> honors;
  std::span<const PlannedProject> venture_projects;
  std::span<const PlannedTraining> trainings;
  ChunkText& out;

  bool closed() const { return roles.status != Status::active; }
  bool cleared_as_dormant() const
  {
    return closed() && roles.closed_reason == ClosedReason::dormant;
  }
  // Active and meeting no dormancy criterion.
  bool lively() const { return !closed() && roles.dormancy == Dormancy::none; }
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
