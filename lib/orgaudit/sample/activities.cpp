#include <algorithm>
#include <vector>

#include <orgaudit/sample/csv_writer.hpp>
#include <orgaudit/sample/record.hpp>

namespace orgaudit::sample {

namespace {

struct Activity {
  Date date;
  ActivityKind kind = ActivityKind::service;
  bool in_scope = true;
};

// Everyday kinds (integrity training is placed by the calibration, party
// days by the party organization).
ActivityKind everyday_kind(Random& random)
{
  static constexpr ActivityKind kinds[] = {
      ActivityKind::service,   ActivityKind::public_welfare, ActivityKind::training,
      ActivityKind::volunteer, ActivityKind::board_meeting,  ActivityKind::general_assembly,
      ActivityKind::other};
  static constexpr int weights[] = {32, 16, 16, 11, 13, 5, 7};
  return kinds[random.weighted(weights)];
}

Activity everyday(OrgContext& context, Date from, Date to)
{
  Activity activity;
  activity.date = context.date_between(from, to);
  activity.kind = everyday_kind(context.random);
  activity.in_scope = context.random.chance(activity.kind == ActivityKind::other ? 0.5 : 0.97);
  return activity;
}

// Appends `count` everyday activities in [from, to] when that is not empty.
void add_everyday(OrgContext& context, std::vector<Activity>& activities, Date from, Date to,
                  int count, bool in_scope)
{
  if (to < from) {
    return;
  }
  for (int i = 0; i < count; ++i) {
    Activity activity = everyday(context, from, to);
    if (!in_scope) {
      activity.in_scope = false;
      activity.kind = ActivityKind::other;
    }
    activities.push_back(activity);
  }
}

// Adds `count` activities of `kind` in [from, to] when that is not empty.
void add_kind(OrgContext& context, std::vector<Activity>& activities, Date from, Date to, int count,
              ActivityKind kind)
{
  if (to < from) {
    return;
  }
  for (int i = 0; i < count; ++i) {
    activities.push_back({context.date_between(from, to), kind, true});
  }
}

// A lively organization since the cut-off: a couple of everyday activities a
// year, and in the last 12 months the work the culture, welfare and party
// rules look for, more of it the better run it is (quality).
void add_lively(OrgContext& context, std::vector<Activity>& activities, Date recent_from)
{
  auto& random = context.random;
  const double quality = context.roles.quality;
  // At least one in-scope activity since the cut-off (criterion 3).
  add_kind(context, activities, recent_from, context.as_of, 1, ActivityKind::service);
  const Date year_from = std::max(recent_from, Date{context.as_of.days - 364});
  const int years = context.as_of_year - year_of(recent_from) + 1;
  add_everyday(context, activities, recent_from, Date{year_from.days - 1},
               random.between(years, 2 * years), true);

  const Date to = context.as_of;
  add_kind(context, activities, year_from, to, random.between(1, 6), ActivityKind::service);
  add_kind(context, activities, year_from, to, random.between(0, 2), ActivityKind::board_meeting);
  add_kind(context, activities, year_from, to,
           random.chance(0.45 + 0.55 * quality) ? random.between(2, 5) : random.between(0, 1),
           ActivityKind::public_welfare);
  add_kind(context, activities, year_from, to,
           random.chance(0.5 + 0.5 * quality) ? random.between(1, 3) : 0, ActivityKind::training);
  add_kind(context, activities, year_from, to,
           random.chance(0.4 + 0.55 * quality) ? random.between(1, 3) : 0, ActivityKind::volunteer);
  // 三会一课: quarterly party days where a party organization exists.
  const PartyOrg party = context.party_org;
  if (party == PartyOrg::standalone || party == PartyOrg::joint || party == PartyOrg::functional) {
    add_kind(context, activities, year_from, to,
             random.chance(0.5 + 0.5 * quality) ? random.between(4, 8) : random.between(0, 3),
             ActivityKind::party_day);
  } else if (party == PartyOrg::instructor) {
    add_kind(context, activities, year_from, to, random.between(0, 2), ActivityKind::party_day);
  }
}

} // namespace

void write_activities(OrgContext& context)
{
  auto& random = context.random;
  const Date registered = context.profile.registered_on;
  const Dormancy dormancy = context.roles.dormancy;
  if (dormancy == Dormancy::never_active) {
    return;
  }
  thread_local std::vector<Activity> activities;
  activities.clear();

  // The first activity within a year of registration (national criterion 2).
  const Date last_active = context.active_until;
  const Date first_end = std::min(last_active, Date{registered.days + 330});
  if (registered <= first_end) {
    activities.push_back(everyday(context, registered, first_end));
    activities.back().in_scope = true;
    activities.back().kind = ActivityKind::service;
  }
  // An active organization's history ends before the cut-off (what follows
  // depends on its dormancy); a closed one's when it stopped.
  const Date history_end =
      context.closed() ? last_active : std::min(last_active, Date{context.scope_cutoff.days - 1});
  // A few activities a year in the past (bounded so old organizations do not
  // dominate the file), several a year since the cut-off.
  for (int year = std::max(year_of(registered), year_of(history_end) - 4);
       year <= year_of(history_end); ++year) {
    const Date from = std::max(registered, *make_date(year, 1, 1));
    const Date to = std::min(history_end, *make_date(year, 12, 31));
    add_everyday(context, activities, from, to, random.between(0, 1), true);
  }
  const Date recent_from = std::max(registered, context.scope_cutoff);
  if (!context.closed() && recent_from <= context.as_of) {
    switch (dormancy) {
    case Dormancy::none:
      add_lively(context, activities, recent_from);
      break;
    case Dormancy::no_scope_activity:
      add_everyday(context, activities, recent_from, context.as_of, random.between(0, 2), false);
      break;
    case Dormancy::unreachable:
    case Dormancy::no_reports:
    case Dormancy::never_active:
      break;
    }
  }
  // The bureau's integrity-training sessions (清廉大讲堂) its leaders attended.
  for (const PlannedTraining& training : context.trainings) {
    activities.push_back({training.date, ActivityKind::integrity_training, true});
  }

  std::stable_sort(activities.begin(), activities.end(),
                   [](const Activity& a, const Activity& b) { return a.date < b.date; });
  CsvWriter row(context.out[SampleTable::activities]);
  for (const Activity& activity : activities) {
    row.text(context.uscc);
    row.date(activity.date);
    row.text(enum_name(activity.kind));
    row.boolean(activity.in_scope);
    row.integer(activity.kind == ActivityKind::board_meeting ? random.between(5, 25)
                                                             : random.between(8, 300));
    const bool costs =
        activity.kind == ActivityKind::service || activity.kind == ActivityKind::public_welfare ||
        activity.kind == ActivityKind::training || activity.kind == ActivityKind::volunteer;
    if (costs && random.chance(0.6)) {
      row.money(to_fen(random.lognormal(6'000, 0.9), true));
    } else {
      row.null();
    }
    row.end_row();
    ++context.out.child_rows;
  }
}

} // namespace orgaudit::sample
