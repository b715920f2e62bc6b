#include <orgaudit/sample/plan.hpp>

#include <algorithm>
#include <cmath>

#include <orgaudit/core/grade_validity.hpp>
#include <orgaudit/sample/closures.hpp>
#include <orgaudit/sample/draw.hpp>
#include <orgaudit/sample/names.hpp>
#include <orgaudit/sample/random.hpp>

namespace orgaudit::sample {

namespace {

constexpr double article_organizations = 3500.0;
// 2600余万 over 500 projects: 26.4 million yuan, ¥52,800 a project on average.
constexpr std::int64_t venture_mean_yuan = 52'800;
constexpr std::size_t article_rounds = 8;
// Share of active organizations dormant under the national criteria: 4.4 % of
// the active ones is ≈ 4 % of all (domain.md §10.4: 3–6 %).
constexpr double dormant_share = 0.044;
// The integrity-training sessions run from Jan 1 this many years before
// as_of's year (the campaign began in 2021-22) to as_of.
constexpr int training_years = 4;
// Share of active organizations holding any grade (domain.md §9: 20–30 %).
constexpr double graded_share = 0.25;
// Share of the graded organizations outside the 4A+ target whose grade has
// expired (an unsourced proposal).
constexpr double expired_share = 0.15;

std::size_t scaled(double figure, std::size_t organizations)
{
  return static_cast<std::size_t>(
      std::llround(figure * static_cast<double>(organizations) / article_organizations));
}

// Shuffles `pool` with the organizations holding higher grades first, which
// is how brand and best-practice selections favour 4A+ (domain.md §10.2).
Pool by_grade_then_random(Pool pool, const std::vector<OrgRoles>& roles, Random& random)
{
  pool = choose(std::move(pool), pool.size(), random);
  std::stable_sort(pool.begin(), pool.end(), [&](std::uint32_t a, std::uint32_t b) {
    const int rank_a =
        roles[a].demonstration_unit >= 0 ? 3 : (roles[a].grade >= 4 ? 2 : roles[a].grade > 0);
    const int rank_b =
        roles[b].demonstration_unit >= 0 ? 3 : (roles[b].grade >= 4 ? 2 : roles[b].grade > 0);
    return rank_a > rank_b;
  });
  return pool;
}

class Planner {
 public:
  Planner(SamplePlan& plan) : m_plan(plan), m_as_of_year(year_of(plan.as_of)) {}

  void run()
  {
    place_demonstration_units();
    close_organizations(m_plan);
    make_dormant();
    grade();
    assess();
    honor();
    interview();
    train();
    fund_ventures();
    std::stable_sort(m_plan.honors.begin(), m_plan.honors.end(),
                     [](const PlannedHonor& a, const PlannedHonor& b) { return a.org < b.org; });
    std::stable_sort(
        m_plan.venture_projects.begin(), m_plan.venture_projects.end(),
        [](const PlannedProject& a, const PlannedProject& b) { return a.org < b.org; });
    std::sort(m_plan.trainings.begin(), m_plan.trainings.end(),
              [](const PlannedTraining& a, const PlannedTraining& b) {
                return a.org != b.org ? a.org < b.org : a.date < b.date;
              });
  }

 private:
  Random random_for(std::uint64_t step) const { return step_random(m_plan, step); }

  int registered_year(std::uint32_t org) const
  {
    return year_of(m_plan.profiles[org].registered_on);
  }
  // The same date `years` calendar years after organization `org`'s registration.
  Date registered_plus(std::uint32_t org, int years) const
  {
    return *add_years(m_plan.profiles[org].registered_on, years);
  }
  bool is_active(std::uint32_t org) const { return m_plan.roles[org].status == Status::active; }
  bool is_lively(std::uint32_t org) const
  {
    return is_active(org) && m_plan.roles[org].dormancy == Dormancy::none;
  }

  template <typename Predicate> Pool pool_of(Predicate predicate) const
  {
    return sample::pool_of(m_plan, predicate);
  }

  void place_demonstration_units()
  {
    if (!m_plan.targets.demonstration_units) {
      return;
    }
    for (std::uint32_t unit = 0; unit < 2; ++unit) {
      m_plan.profiles[unit] = demonstration_unit_profile(unit == 0 ? 2004 : 2009, m_plan.as_of);
      m_plan.roles[unit].demonstration_unit = static_cast<std::int8_t>(unit);
      m_plan.honors.push_back(
          {unit, m_as_of_year - 1, HonorKind::integrity_demo_unit, HonorLevel::city});
    }
  }

  void make_dormant()
  {
    Random random = random_for(2);
    const Pool active = pool_of([&](std::uint32_t org) { return is_active(org); });
    const Pool pool = pool_of([&](std::uint32_t org) {
      return is_active(org) && m_plan.roles[org].demonstration_unit < 0 &&
             registered_year(org) <= m_as_of_year - 3;
    });
    const auto count =
        static_cast<std::size_t>(std::llround(dormant_share * static_cast<double>(active.size())));
    static constexpr int weights[] = {55, 15, 15, 15};
    for (const std::uint32_t org : choose(pool, count, random)) {
      m_plan.roles[org].dormancy = static_cast<Dormancy>(1 + random.weighted(weights));
    }
  }

  void grade()
  {
    Random random = random_for(3);
    // 民政部令第39号 第六条: registered at least two full years before the award.
    Pool pool = pool_of([&](std::uint32_t org) {
      return is_lively(org) && registered_plus(org, 2) <= m_plan.as_of;
    });
    // The demonstration units are among the 4A+ organizations.
    std::stable_partition(pool.begin(), pool.end(), [&](std::uint32_t org) {
      return m_plan.roles[org].demonstration_unit >= 0;
    });
    const std::size_t units = m_plan.targets.demonstration_units ? 2 : 0;
    Pool rest(pool.begin() + static_cast<std::ptrdiff_t>(std::min(units, pool.size())), pool.end());
    rest = choose(std::move(rest), rest.size(), random);
    pool.resize(std::min(units, pool.size()));
    pool.insert(pool.end(), rest.begin(), rest.end());

    const std::size_t high = std::min(m_plan.targets.high_grade, pool.size());
    const std::size_t active = pool_of([&](std::uint32_t org) { return is_active(org); }).size();
    const auto graded = std::max<std::size_t>(
        high, static_cast<std::size_t>(std::llround(graded_share * static_cast<double>(active))));
    for (std::size_t i = 0; i < pool.size() && i < graded; ++i) {
      OrgRoles& roles = m_plan.roles[pool[i]];
      roles.grade_awarded_on = award_date(pool[i], i >= high, random);
      if (i < high) {
        roles.grade = random.chance(0.25) ? 5 : 4;
      } else if (grade_valid_on(roles.grade_awarded_on, m_plan.as_of)) {
        static constexpr int weights[] = {20, 35, 45};
        roles.grade = static_cast<std::uint8_t>(1 + random.weighted(weights));
      } else {
        // An expired grade may be a 4A or 5A the organization has not renewed:
        // the 4A+ figure does not count it.
        static constexpr int weights[] = {15, 30, 35, 15, 5};
        roles.grade = static_cast<std::uint8_t>(1 + random.weighted(weights));
      }
    }
  }

  // A grade is awarded two full years or more after registration; it is valid
  // on as_of unless `may_expire` and the draw (expired_share) makes it one of
  // the expired ones, awarded five to eight years before as_of.
  Date award_date(std::uint32_t org, bool may_expire, Random& random) const
  {
    const Date earliest = registered_plus(org, 2);
    const Date expired_to = *add_years(m_plan.as_of, -5);
    if (may_expire && earliest <= expired_to && random.chance(expired_share)) {
      return date_between(random, std::max(earliest, *add_years(m_plan.as_of, -8)), expired_to);
    }
    const Date award =
        date_between(random, std::max(earliest, Date{expired_to.days + 1}), m_plan.as_of);
    // Around Feb 29 the day after expired_to can be a day short: as_of is always valid.
    return grade_valid_on(award, m_plan.as_of) ? award : m_plan.as_of;
  }

  void add_honors(Pool chosen, std::size_t provincial, HonorKind kind, int first_year,
                  Random& random)
  {
    for (std::size_t i = 0; i < chosen.size(); ++i) {
      const int earliest = std::max(first_year, registered_year(chosen[i]) + 2);
      const int year = random.between(std::min(earliest, m_as_of_year - 1), m_as_of_year - 1);
      m_plan.honors.push_back(
          {chosen[i], year, kind, i < provincial ? HonorLevel::province : HonorLevel::city});
    }
  }

  // 两品牌一领军, selected for seven years (the article), and the 百佳范例.
  void honor()
  {
    Random random = random_for(4);
    const Pool eligible = pool_of([&](std::uint32_t org) {
      return is_lively(org) && registered_year(org) <= m_as_of_year - 3;
    });
    const auto& targets = m_plan.targets;
    const int first_year = m_as_of_year - 7;
    auto take = [&](std::size_t count) {
      Pool pool = by_grade_then_random(eligible, m_plan.roles, random);
      pool.resize(std::min(count, pool.size()));
      return pool;
    };
    add_honors(take(targets.brand_orgs), targets.brand_orgs_provincial, HonorKind::brand_org,
               first_year, random);
    add_honors(choose(eligible, targets.brand_projects, random), 0, HonorKind::brand_project,
               first_year, random);
    add_honors(take(targets.leading_figures), targets.leading_figures_provincial,
               HonorKind::leading_figure, first_year, random);
    add_honors(take(targets.best_practices), targets.best_practices, HonorKind::best_practice,
               m_as_of_year - 2, random);
  }

  void interview()
  {
    Random random = random_for(5);
    Pool pool = pool_of([&](std::uint32_t org) {
      return m_plan.profiles[org].industry_association && is_active(org) &&
             m_plan.roles[org].demonstration_unit < 0;
    });
    Pool chosen = choose(pool, m_plan.targets.association_interviews, random);
    if (chosen.size() < m_plan.targets.association_interviews) {
      const Pool others = pool_of([&](std::uint32_t org) {
        return m_plan.profiles[org].industry_association && !is_active(org);
      });
      const Pool extra =
          choose(others, m_plan.targets.association_interviews - chosen.size(), random);
      chosen.insert(chosen.end(), extra.begin(), extra.end());
    }
    for (const std::uint32_t org : chosen) {
      m_plan.roles[org].interview = true;
    }
  }

  // Quality: skewed low for lively ungraded organizations, higher for graded
  // ones (an evaluation rewards what the integrity rules check), low for
  // dormant and cleared ones.
  void assess()
  {
    Random random = random_for(8);
    for (std::uint32_t org = 0; org < m_plan.roles.size(); ++org) {
      OrgRoles& roles = m_plan.roles[org];
      const double u = random.unit();
      if (roles.demonstration_unit >= 0) {
        roles.quality = 1.0;
      } else if (!is_lively(org)) {
        roles.quality = 0.15 * u;
      } else if (roles.grade >= 4) {
        roles.quality = 0.5 + 0.35 * u;
      } else if (roles.grade > 0) {
        roles.quality = 0.3 + 0.55 * u;
      } else {
        // Skewed low: an ungraded organization is rarely a model one.
        roles.quality = 0.1 + 0.7 * std::pow(u, 1.5);
      }
    }
  }

  // 已组织培训90余次: the bureau's sessions on distinct dates; lively
  // organizations' leaders attend some (0.5 to 4.5 a year by quality), and
  // every session has at least one attendee.
  void train()
  {
    Random random = random_for(6);
    const std::size_t sessions = m_plan.targets.integrity_trainings;
    const Pool pool = pool_of([&](std::uint32_t org) { return is_lively(org); });
    if (pool.empty() || sessions == 0) {
      return;
    }
    const Date from = *make_date(m_as_of_year - training_years, 1, 1);
    const int span = m_plan.as_of.days - from.days + 1;
    std::vector<int> offsets;
    while (offsets.size() < std::min<std::size_t>(sessions, static_cast<std::size_t>(span))) {
      const int offset = random.between(0, span - 1);
      if (std::find(offsets.begin(), offsets.end(), offset) == offsets.end()) {
        offsets.push_back(offset);
      }
    }
    std::sort(offsets.begin(), offsets.end());
    const double per_year = static_cast<double>(offsets.size()) * 365.0 / span;
    std::vector<bool> attended(offsets.size(), false);
    for (const std::uint32_t org : pool) {
      const double rate = (0.5 + 4.0 * m_plan.roles[org].quality) / per_year;
      for (std::size_t s = 0; s < offsets.size(); ++s) {
        const Date date{from.days + offsets[s]};
        if (m_plan.profiles[org].registered_on <= date && random.chance(rate)) {
          m_plan.trainings.push_back({org, date});
          attended[s] = true;
        }
      }
    }
    for (std::size_t s = 0; s < offsets.size(); ++s) {
      if (attended[s]) {
        continue;
      }
      const Date date{from.days + offsets[s]};
      std::uint32_t org = pool[random.below(pool.size())];
      for (int attempt = 0; attempt < 64 && m_plan.profiles[org].registered_on > date; ++attempt) {
        org = pool[random.below(pool.size())];
      }
      m_plan.trainings.push_back({org, date});
    }
  }

  // 公益创投: the rounds are the years before as_of's year; project j is in
  // round j mod rounds, run by a lively non-association organization that
  // existed that year; amounts are scaled to the target total.
  void fund_ventures()
  {
    const auto& targets = m_plan.targets;
    if (targets.venture_projects == 0) {
      return;
    }
    Random random = random_for(7);
    Pool pool = pool_of([&](std::uint32_t org) {
      return is_lively(org) && !m_plan.profiles[org].industry_association &&
             m_plan.profiles[org].type != OrgType::foundation;
    });
    if (pool.empty()) {
      pool = pool_of([&](std::uint32_t org) { return is_active(org); });
    }
    if (pool.empty()) {
      pool.push_back(0);
    }
    std::vector<double> draws(targets.venture_projects);
    double total = 0;
    for (auto& draw : draws) {
      draw = std::clamp(random.lognormal(45'000, 0.5), 10'000.0, 200'000.0);
      total += draw;
    }
    std::int64_t assigned = 0;
    for (std::size_t j = 0; j < targets.venture_projects; ++j) {
      const int year = m_as_of_year - static_cast<int>(targets.venture_rounds) +
                       static_cast<int>(j % targets.venture_rounds);
      std::uint32_t org = pool[random.below(pool.size())];
      for (int attempt = 0; attempt < 32 && registered_year(org) >= year; ++attempt) {
        org = pool[random.below(pool.size())];
      }
      const double share = draws[j] * static_cast<double>(targets.venture_amount_yuan) / total;
      const std::int64_t amount = std::llround(share / 100.0) * 100;
      assigned += amount;
      m_plan.venture_projects.push_back({org, year, amount});
    }
    // Rounding to hundreds leaves a small remainder: the first project takes it.
    m_plan.venture_projects.front().amount_yuan += targets.venture_amount_yuan - assigned;
  }

  SamplePlan& m_plan;
  int m_as_of_year;
};

} // namespace

ProgramTargets program_targets(std::size_t organizations)
{
  ProgramTargets targets;
  targets.high_grade = scaled(150, organizations);
  targets.brand_orgs = scaled(133, organizations);
  targets.brand_orgs_provincial = scaled(20, organizations);
  targets.brand_projects = scaled(123, organizations);
  targets.leading_figures = scaled(105, organizations);
  targets.leading_figures_provincial = scaled(51, organizations);
  targets.best_practices = scaled(8, organizations);
  targets.demonstration_units = organizations >= 100;
  targets.venture_projects = scaled(500, organizations);
  targets.venture_rounds = std::min(article_rounds, targets.venture_projects);
  targets.venture_amount_yuan =
      static_cast<std::int64_t>(targets.venture_projects) * venture_mean_yuan;
  // 已组织培训90余次: 96 sessions at the article's size.
  targets.integrity_trainings = scaled(96, organizations);
  targets.association_interviews = scaled(66, organizations);
  targets.dormant_cleared = scaled(309, organizations);
  return targets;
}

SamplePlan make_plan(std::size_t organizations, std::uint64_t seed, Date as_of)
{
  SamplePlan plan;
  plan.seed = seed;
  plan.as_of = as_of;
  plan.targets = program_targets(organizations);
  plan.profiles.resize(organizations);
  plan.roles.resize(organizations);
  for (std::size_t i = 0; i < organizations; ++i) {
    plan.profiles[i] = make_profile(seed, i, as_of);
  }
  Planner(plan).run();
  assign_names(plan);
  return plan;
}

} // namespace orgaudit::sample
