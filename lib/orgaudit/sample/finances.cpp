#include <algorithm>
#include <cmath>

#include <orgaudit/sample/csv_writer.hpp>
#include <orgaudit/sample/record.hpp>

namespace orgaudit::sample {

namespace {

// Median yearly revenue by type, yuan (an unsourced proposal, docs/contributing.md):
// associations live on dues and services, 民非 on fees and purchases,
// foundations on donations and investment income.
double median_revenue(const OrgProfile& profile)
{
  switch (profile.type) {
  case OrgType::social_group:
    return profile.industry_association ? 900'000 : 250'000;
  case OrgType::social_service_agency:
    return 600'000;
  case OrgType::foundation:
    return profile.region == Region::province ? 8'000'000 : 2'500'000;
  }
  return 250'000;
}

// What an organization does with its annual reports: the years it filed,
// the years it missed (a not_submitted row), and where its rows end.
struct FilingPlan {
  int first_year = 0;
  int last_row_year = 0;   // last year with a row
  int last_filed_year = 0; // years after it, up to last_row_year, were missed
};

// The report deadline of `year` with the registration authority: foundations
// Mar 31, the others May 31 (domain.md §5.1).
Date deadline_of(const OrgContext& context, int year)
{
  return *make_date(year + 1, context.profile.type == OrgType::foundation ? 3 : 5, 31);
}

FilingPlan filing_plan(OrgContext& context)
{
  FilingPlan plan;
  // The first year owed: a 民非 registered in the last six months of a year is
  // exempt for it (民政部令第27号); 社团 and foundations owe it (the rule set's reading).
  const Date registered = context.profile.registered_on;
  const bool exempt = context.profile.type == OrgType::social_service_agency &&
                      registered > *make_date(year_of(registered), 6, 30);
  plan.first_year = year_of(registered) + (exempt ? 1 : 0);
  plan.last_row_year = context.as_of_year - 1;
  plan.last_filed_year = plan.last_row_year;
  if (context.closed()) {
    // Reports stop with the organization: the last row is the latest report due
    // on the day before closed_on. A cleared zombie missed the last two, the
    // first criterion of 民发〔2021〕63号 on that day.
    const Date last_day{context.roles.closed_on.days - 1};
    const int due_year = last_day > deadline_of(context, year_of(last_day) - 1)
                             ? year_of(last_day) - 1
                             : year_of(last_day) - 2;
    plan.last_row_year = due_year;
    plan.last_filed_year = context.cleared_as_dormant() ? due_year - 2 : due_year;
  } else if (context.roles.dormancy == Dormancy::no_reports) {
    // Two to four missed years, ending with the most recent one.
    plan.last_filed_year = plan.last_row_year - context.random.between(2, 4);
  }
  return plan;
}

} // namespace

void write_annual_reports(OrgContext& context)
{
  auto& random = context.random;
  const auto& profile = context.profile;
  const FilingPlan plan = filing_plan(context);
  const bool foundation = profile.type == OrgType::foundation;
  const bool reports_charity = profile.charity || foundation;
  // Most charities meet the 民发〔2016〕189号 ratios; some miss the spending
  // floor in some years, some exceed the admin cap (domain.md §6.1).
  const bool misses_spending = reports_charity && random.chance(0.15);
  const bool heavy_admin = random.chance(0.1);
  const bool lively = context.lively();
  const double revenue_base = median_revenue(profile) * context.size;
  double net_assets = revenue_base * (foundation ? 1.5 : 0.6) * (0.5 + random.unit());
  if (foundation) {
    net_assets = std::max(net_assets, 2'000'000.0); // 原始基金 of a local foundation
  }
  double previous_revenue = revenue_base;
  CsvWriter row(context.out[SampleTable::annual_reports]);

  for (int year = plan.first_year; year <= plan.last_row_year; ++year) {
    const bool missed = year > plan.last_filed_year ||
                        (lively && year <= context.as_of_year - 3 && random.chance(0.015));
    const Date deadline = deadline_of(context, year);
    Date submitted = context.date_between(*make_date(year + 1, 1, 10), deadline);
    // ≈ 5 % filed late (domain.md §10.4), the worse-run organizations more often.
    if (random.chance(0.02 + 0.06 * (1 - context.roles.quality))) {
      submitted = Date{deadline.days + random.between(1, 120)};
    }
    const Date filing_until =
        context.closed() ? Date{context.roles.closed_on.days - 1} : context.as_of;
    if (!missed && submitted > filing_until) {
      if (!context.closed() && year == context.as_of_year - 1) {
        break; // not yet filed: the deadline has not passed or it is late
      }
      submitted = filing_until;
    }
    row.text(context.uscc);
    row.integer(year);
    if (missed) {
      row.text(enum_name(ReportResult::not_submitted));
      for (int i = 0; i < 12; ++i) {
        row.null();
      }
      row.end_row();
      ++context.out.child_rows;
      continue;
    }
    static constexpr int result_weights[] = {86, 10, 4};
    static constexpr int weak_weights[] = {50, 35, 15};
    row.text(enum_name(static_cast<ReportResult>(
        random.weighted(lively ? std::span<const int>(result_weights) : weak_weights))));
    row.date(submitted);

    const double growth = std::exp(0.03 * (year - plan.first_year));
    const double revenue = revenue_base * growth * random.lognormal(1.0, 0.25) * (lively ? 1 : 0.3);
    double charitable = 0;
    double other = 0;
    if (reports_charity) {
      const bool short_year = misses_spending && random.chance(0.6);
      const double floor_base = std::max(previous_revenue, 0.08 * net_assets / 0.7);
      charitable =
          floor_base * (short_year ? 0.3 + 0.35 * random.unit() : 0.72 + 0.3 * random.unit());
      other = revenue * (0.02 + 0.06 * random.unit());
    } else {
      other = revenue * (0.75 + 0.25 * random.unit());
    }
    const double admin_share =
        heavy_admin ? 0.14 + 0.16 * random.unit() : 0.04 + 0.08 * random.unit();
    const double admin = (charitable + other) * admin_share / (1 - admin_share);
    const double total = charitable + other + admin;
    net_assets = std::max(net_assets + revenue - total, 0.05 * revenue);
    previous_revenue = revenue;

    row.money(to_fen(revenue));
    // Charities report the income a donor's time restriction kept them from
    // using that year (民发〔2016〕189号 第十条); the others leave it unreported.
    if (reports_charity) {
      row.money(random.chance(0.3) ? to_fen(revenue * (0.02 + 0.13 * random.unit())) : 0);
    } else {
      row.null();
    }
    row.money(to_fen(total));
    if (reports_charity) {
      row.money(std::min(to_fen(charitable), to_fen(total)));
    } else {
      row.null();
    }
    row.money(to_fen(admin));
    row.money(to_fen(net_assets));
    row.integer(std::max<long long>(1, std::llround(revenue / 150'000 * (0.5 + random.unit()))));
    row.integer(lively ? random.between(1, 4) : random.between(0, 1));
    if (profile.type == OrgType::social_group) {
      row.boolean(random.chance(0.55));
    } else {
      row.null();
    }
    const double quality = context.roles.quality;
    row.boolean(random.chance(foundation ? 0.95 : 0.3 + 0.65 * quality));
    row.boolean(random.chance(lively ? 0.75 + 0.25 * quality : 0.4));
    row.end_row();
    ++context.out.child_rows;
  }
}

} // namespace orgaudit::sample
