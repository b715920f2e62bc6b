#include <orgaudit/sample/closures.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include <orgaudit/sample/draw.hpp>

namespace orgaudit::sample {

namespace {

// Zombies are cleared at least this many years after registration, so that
// two missed report years and the activity cut-off fit before the closing day.
constexpr int dormant_min_age_years = 4;
// The campaign years in which the zombies were cleared: the five before as_of.
constexpr int clearing_years = 5;
// Closures for other reasons in the ten years before as_of, as shares of all
// organizations (unsourced proposals; no program figure counts them): 自行注销,
// 合并/分立, and 撤销/吊销 for violations.
constexpr double voluntary_share = 0.02;
constexpr double merger_share = 0.003;
constexpr double violation_share = 0.0025;
constexpr int other_closing_years = 10;

// The same date `years` calendar years after organization `org`'s registration.
Date registered_plus(const SamplePlan& plan, std::uint32_t org, int years)
{
  return *add_years(plan.profiles[org].registered_on, years);
}

// The days the bureau closed zombies on: it announces them in batches, one in
// each half of the campaign years before as_of (an unsourced proposal),
// ascending; at least as_of itself.
std::vector<Date> clearing_batches(const SamplePlan& plan, Random& random)
{
  const Date campaign_from = *add_years(plan.as_of, -clearing_years);
  std::vector<Date> batches;
  for (int year = year_of(campaign_from); year <= year_of(plan.as_of); ++year) {
    for (const bool first_half : {true, false}) {
      const Date day = date_between(random, *make_date(year, first_half ? 1 : 7, 1),
                                    *make_date(year, first_half ? 6 : 12, first_half ? 30 : 31));
      if (day > campaign_from && day <= plan.as_of) {
        batches.push_back(day);
      }
    }
  }
  if (batches.empty()) {
    batches.push_back(plan.as_of);
  }
  return batches;
}

// Cleared zombies (清理僵尸型社会组织): closed on a batch day, at least
// dormant_min_age_years after registration; the row writers stop their
// reports and activity so that on the day before closed_on they meet the
// national criteria of 民发〔2021〕63号.
void clear_dormant(SamplePlan& plan)
{
  Random random = step_random(plan, 1);
  const std::vector<Date> batches = clearing_batches(plan, random);
  const Pool pool = pool_of(plan, [&](std::uint32_t org) {
    return plan.roles[org].demonstration_unit < 0 &&
           registered_plus(plan, org, dormant_min_age_years) <= batches.back();
  });
  for (const std::uint32_t org : choose(pool, plan.targets.dormant_cleared, random)) {
    // 安庆 2021: 94 deregistered, 47 revoked (domain.md §9).
    static constexpr int weights[] = {67, 33};
    Status status = random.weighted(weights) == 0 ? Status::deregistered : Status::revoked;
    if (status == Status::revoked && plan.profiles[org].charity && random.chance(0.5)) {
      status = Status::certificate_revoked;
    }
    OrgRoles& roles = plan.roles[org];
    roles.status = status;
    roles.closed_reason = ClosedReason::dormant;
    const auto first = std::lower_bound(batches.begin(), batches.end(),
                                        registered_plus(plan, org, dormant_min_age_years));
    roles.closed_on = first[static_cast<std::ptrdiff_t>(
        random.below(static_cast<std::uint64_t>(batches.end() - first)))];
  }
}

// Organizations closed for other reasons than dormancy, at least a year
// after registration; their reports and activity go on until they close.
void close_others(SamplePlan& plan)
{
  Random random = step_random(plan, 9);
  const auto count = [&](double share) {
    return static_cast<std::size_t>(
        std::llround(share * static_cast<double>(plan.profiles.size())));
  };
  const Date from = *add_years(plan.as_of, -other_closing_years);
  for (const ClosedReason reason :
       {ClosedReason::voluntary, ClosedReason::merger, ClosedReason::violation}) {
    const Pool pool = pool_of(plan, [&](std::uint32_t org) {
      return plan.roles[org].status == Status::active && plan.roles[org].demonstration_unit < 0 &&
             registered_plus(plan, org, 1) <= plan.as_of;
    });
    const double share = reason == ClosedReason::voluntary ? voluntary_share
                         : reason == ClosedReason::merger  ? merger_share
                                                           : violation_share;
    for (const std::uint32_t org : choose(pool, count(share), random)) {
      OrgRoles& roles = plan.roles[org];
      roles.closed_reason = reason;
      roles.closed_on =
          date_between(random, std::max(from, registered_plus(plan, org, 1)), plan.as_of);
      roles.status = Status::deregistered;
      if (reason == ClosedReason::violation) {
        roles.status = plan.profiles[org].charity && random.chance(0.5)
                           ? Status::certificate_revoked
                           : Status::revoked;
      }
    }
  }
}

} // namespace

void close_organizations(SamplePlan& plan)
{
  clear_dormant(plan);
  close_others(plan);
}

} // namespace orgaudit::sample
