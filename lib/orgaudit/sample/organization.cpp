#include <algorithm>
#include <cmath>

#include <orgaudit/sample/csv_writer.hpp>
#include <orgaudit/sample/record.hpp>

namespace orgaudit::sample {

namespace {

// Terms of five years from registration; about one active organization in
// ten (and most dormant ones) is overdue for 换届.
Date term_ends_on(OrgContext& context)
{
  Date end = *add_years(context.profile.registered_on, 5);
  while (end <= context.as_of) {
    end = *add_years(end, 5);
  }
  const double overdue = context.closed()                           ? 1.0
                         : context.roles.dormancy != Dormancy::none ? 0.6
                                                                    : 0.1;
  const Date previous = *add_years(end, -5);
  if (previous > context.profile.registered_on && previous <= context.as_of &&
      context.random.chance(overdue)) {
    return previous;
  }
  return end;
}

void write_organization_row(OrgContext& context, std::string_view name)
{
  auto& random = context.random;
  const auto& profile = context.profile;
  const auto& roles = context.roles;
  CsvWriter row(context.out[SampleTable::organizations]);
  row.text(context.uscc);
  row.text(name);
  row.text(enum_name(profile.type));
  row.boolean(profile.industry_association);
  row.boolean(profile.charity);
  row.boolean(profile.public_fundraising);
  if (profile.type == OrgType::foundation) {
    row.text(enum_name(profile.foundation_type));
  } else {
    row.null();
  }
  row.text(region_code(profile.region));
  row.date(profile.registered_on);
  row.text(enum_name(roles.status));
  if (context.closed()) {
    row.date(roles.closed_on);
    row.text(enum_name(roles.closed_reason));
  } else {
    row.null();
    row.null();
  }
  if (roles.grade > 0) {
    static constexpr std::string_view grades[] = {"1A", "2A", "3A", "4A", "5A"};
    row.text(grades[roles.grade - 1]);
    row.date(roles.grade_awarded_on);
  } else {
    row.null();
    row.null();
  }
  // The demonstration units are exemplary: every clause, an inspector, a
  // secret ballot.
  const bool model = roles.demonstration_unit >= 0;
  row.text(enum_name(context.party_org));
  row.boolean(model || random.chance(context.party_org == PartyOrg::none ? 0.75 : 0.97));
  row.boolean(model || random.chance(0.45 + 0.5 * roles.quality));
  row.boolean(model ||
              (context.party_org != PartyOrg::none && random.chance(0.3 + 0.65 * roles.quality)));
  row.date(term_ends_on(context));
  row.boolean(roles.dormancy != Dormancy::unreachable &&
              !(context.cleared_as_dormant() && random.chance(0.4)));
  if (profile.type == OrgType::social_group) {
    // 会费档次 "一般不超过4个" (domain.md §7.1); a few associations have more.
    static constexpr int tier_weights[] = {7, 20, 35, 30};
    const bool lax = profile.industry_association && random.chance(0.08);
    row.integer(lax && !model ? random.between(5, 6)
                              : 1 + static_cast<int>(random.weighted(tier_weights)));
    row.boolean(model || !(profile.industry_association && random.chance(0.1)));
  } else {
    row.null();
    row.null();
  }
  row.end_row();
}

} // namespace

std::int64_t to_fen(double yuan, bool whole)
{
  if (whole) {
    return std::llround(yuan) * 100;
  }
  return std::llround(yuan * 100.0);
}

void write_policies(OrgContext& context)
{
  auto& random = context.random;
  const bool donations = context.profile.charity || context.profile.type == OrgType::foundation;
  const bool lively = context.lively();
  const double shrink = lively ? 1.0 : 0.5;
  const double shares[] = {0.6, 0.95, 0.25, 0.45, 0.45, 0.5, 0.3, donations ? 0.9 : 0.1, 0.2};
  // Years of the integrity campaign closed most of the gap in lively
  // organizations, the better-run ones most.
  const double lift = lively ? 0.1 + 0.85 * context.roles.quality : 0.0;
  // 清廉 policies (integrity code, conflicts of interest, whistle-blowing)
  // came with the 2021 campaign; the others any time after registration.
  const Date campaign = std::max(context.profile.registered_on, *make_date(2021, 3, 1));
  const Date last = std::max(context.profile.registered_on, context.active_until);
  CsvWriter row(context.out[SampleTable::policies]);
  for (std::size_t i = 0; i < policy_names.size(); ++i) {
    const double share = i == 7 && !donations ? shares[i] : shares[i] + (1 - shares[i]) * lift;
    if (!random.chance(share * shrink)) {
      continue;
    }
    const bool integrity = i == 0 || i == 2 || i == 8;
    const Date from = integrity && campaign <= last ? campaign : context.profile.registered_on;
    row.text(context.uscc);
    row.text(policy_names[i]);
    row.date(context.date_between(from, std::max(from, last)));
    row.end_row();
    ++context.out.child_rows;
  }
}

void write_organization(const SamplePlan& plan, std::size_t index, const std::string& uscc,
                        std::span<const PlannedHonor> honors,
                        std::span<const PlannedProject> venture_projects,
                        std::span<const PlannedTraining> trainings, ChunkText& out)
{
  Random random(stream_seed(plan.seed, index, 1));
  const OrgProfile& profile = plan.profiles[index];
  const OrgRoles& roles = plan.roles[index];
  OrgContext context{
      plan, profile, roles,          random, uscc,   plan.as_of,       year_of(plan.as_of), {},
      {},   {},      PartyOrg::none, 1.0,    honors, venture_projects, trainings,           out};
  context.scope_cutoff = *make_date(context.as_of_year - 2, 1, 1);
  context.active_until = context.as_of;
  context.records_until = context.as_of;
  if (context.closed()) {
    const Date last_day{roles.closed_on.days - 1};
    context.active_until =
        context.cleared_as_dormant() ? *make_date(year_of(last_day) - 3, 12, 31) : last_day;
    context.records_until = roles.closed_on;
  }
  // 两个覆盖: a party organization or at least an instructor almost everywhere.
  static constexpr int party_weights[] = {30, 22, 10, 34, 4};
  context.party_org = roles.demonstration_unit >= 0
                          ? PartyOrg::standalone
                          : static_cast<PartyOrg>(random.weighted(party_weights));
  context.size = random.lognormal(1.0, 0.9);

  write_organization_row(context, plan.name(index));
  write_policies(context);
  write_annual_reports(context);
  write_activities(context);
  write_projects(context);
  write_incidents(context);
  write_honors(context);
}

} // namespace orgaudit::sample
