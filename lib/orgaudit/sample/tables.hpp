#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace orgaudit::sample {

// The tables `orgaudit sample` writes, in the order of SPEC §2.1.
enum class SampleTable : std::size_t {
  organizations,
  annual_reports,
  policies,
  activities,
  projects,
  incidents,
  honors
};

inline constexpr std::size_t sample_table_count = 7;

// The table's name, which is also its file's stem ("annual_reports").
std::string_view table_name(SampleTable table);

// The header line of the table's CSV file (canonical English column names in
// SPEC §2.1 order), ending with LF.
std::string_view table_header(SampleTable table);

// Canonical enum values of the shipped schema, indexed by the generator's codes.
enum class OrgType : std::uint8_t { social_group, social_service_agency, foundation };
enum class Status : std::uint8_t { active, deregistered, revoked, certificate_revoked };
enum class ClosedReason : std::uint8_t { dormant, voluntary, merger, violation, other };
enum class FoundationType : std::uint8_t { public_, private_ };
enum class PartyOrg : std::uint8_t { standalone, joint, functional, instructor, none };
enum class ReportResult : std::uint8_t {
  qualified,
  basically_qualified,
  unqualified,
  not_submitted
};
enum class ActivityKind : std::uint8_t {
  service,
  public_welfare,
  training,
  integrity_training,
  party_day,
  volunteer,
  board_meeting,
  general_assembly,
  other
};
enum class ProjectSource : std::uint8_t {
  venture_philanthropy,
  government_purchase,
  donation,
  self_funded
};
enum class IncidentKind : std::uint8_t {
  warning,
  fine,
  confiscation,
  suspension,
  abnormal_list,
  serious_list,
  illegal_fee,
  interview,
  complaint,
  rectification_order,
  investigation
};
enum class HonorKind : std::uint8_t {
  brand_org,
  brand_project,
  leading_figure,
  integrity_demo_unit,
  best_practice,
  observation_point
};
enum class HonorLevel : std::uint8_t { county, city, province, national };

std::string_view enum_name(OrgType value);
std::string_view enum_name(Status value);
std::string_view enum_name(ClosedReason value);
std::string_view enum_name(FoundationType value);
std::string_view enum_name(PartyOrg value);
std::string_view enum_name(ReportResult value);
std::string_view enum_name(ActivityKind value);
std::string_view enum_name(ProjectSource value);
std::string_view enum_name(IncidentKind value);
std::string_view enum_name(HonorKind value);
std::string_view enum_name(HonorLevel value);

// Policies (制度) in SPEC order.
inline constexpr std::array<std::string_view, 9> policy_names = {
    "integrity_code",      "financial_management",   "conflict_of_interest",
    "collective_decision", "information_disclosure", "seal_management",
    "procurement",         "donation_management",    "whistleblowing"};

} // namespace orgaudit::sample
