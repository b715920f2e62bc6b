#include <orgaudit/sample/tables.hpp>

namespace orgaudit::sample {

namespace {

template <typename Enum, std::size_t N>
std::string_view name_in(const std::array<std::string_view, N>& names, Enum value)
{
  return names[static_cast<std::size_t>(value)];
}

} // namespace

std::string_view table_name(SampleTable table)
{
  static constexpr std::array<std::string_view, sample_table_count> names = {
      "organizations", "annual_reports", "policies", "activities",
      "projects",      "incidents",      "honors"};
  return name_in(names, table);
}

std::string_view table_header(SampleTable table)
{
  static constexpr std::array<std::string_view, sample_table_count> headers = {
      "uscc,name,type,industry_association,charity,public_fundraising,foundation_type,region,"
      "registered_on,status,closed_on,closed_reason,grade,grade_awarded_on,party_org,"
      "charter_party_clause,charter_integrity_clause,discipline_inspector,term_ends_on,"
      "address_reachable,dues_tiers,dues_secret_ballot\n",
      "uscc,year,result,submitted_on,revenue,restricted_revenue,total_expenses,"
      "charitable_expenses,admin_expenses,net_assets,staff,board_meetings,general_assembly,"
      "audited,disclosed\n",
      "uscc,policy,adopted_on\n",
      "uscc,date,kind,in_scope,participants,amount\n",
      "uscc,year,title,source,amount,beneficiaries,status\n",
      "uscc,date,kind,amount,fee_item,resolved_on,note\n",
      "uscc,year,kind,level,title\n"};
  return name_in(headers, table);
}

std::string_view enum_name(OrgType value)
{
  static constexpr std::array<std::string_view, 3> names = {"social_group", "social_service_agency",
                                                            "foundation"};
  return name_in(names, value);
}

std::string_view enum_name(Status value)
{
  static constexpr std::array<std::string_view, 4> names = {"active", "deregistered", "revoked",
                                                            "certificate_revoked"};
  return name_in(names, value);
}

std::string_view enum_name(ClosedReason value)
{
  static constexpr std::array<std::string_view, 5> names = {"dormant", "voluntary", "merger",
                                                            "violation", "other"};
  return name_in(names, value);
}

std::string_view enum_name(FoundationType value)
{
  static constexpr std::array<std::string_view, 2> names = {"public", "private"};
  return name_in(names, value);
}

std::string_view enum_name(PartyOrg value)
{
  static constexpr std::array<std::string_view, 5> names = {"standalone", "joint", "functional",
                                                            "instructor", "none"};
  return name_in(names, value);
}

std::string_view enum_name(ReportResult value)
{
  static constexpr std::array<std::string_view, 4> names = {"qualified", "basically_qualified",
                                                            "unqualified", "not_submitted"};
  return name_in(names, value);
}

std::string_view enum_name(ActivityKind value)
{
  static constexpr std::array<std::string_view, 9> names = {
      "service",   "public_welfare", "training",      "integrity_training",
      "party_day", "volunteer",      "board_meeting", "general_assembly",
      "other"};
  return name_in(names, value);
}

std::string_view enum_name(ProjectSource value)
{
  static constexpr std::array<std::string_view, 4> names = {
      "venture_philanthropy", "government_purchase", "donation", "self_funded"};
  return name_in(names, value);
}

std::string_view enum_name(IncidentKind value)
{
  static constexpr std::array<std::string_view, 11> names = {
      "warning",      "fine",        "confiscation", "suspension", "abnormal_list",
      "serious_list", "illegal_fee", "interview",    "complaint",  "rectification_order",
      "investigation"};
  return name_in(names, value);
}

std::string_view enum_name(HonorKind value)
{
  static constexpr std::array<std::string_view, 6> names = {"brand_org",      "brand_project",
                                                            "leading_figure", "integrity_demo_unit",
                                                            "best_practice",  "observation_point"};
  return name_in(names, value);
}

std::string_view enum_name(HonorLevel value)
{
  static constexpr std::array<std::string_view, 4> names = {"county", "city", "province",
                                                            "national"};
  return name_in(names, value);
}

} // namespace orgaudit::sample
