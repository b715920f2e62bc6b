#include <algorithm>
#include <string>

#include <orgaudit/sample/csv_writer.hpp>
#include <orgaudit/sample/names.hpp>
#include <orgaudit/sample/record.hpp>

namespace orgaudit::sample {

namespace {

void write_project(OrgContext& context, int year, std::string_view title, ProjectSource source,
                   std::int64_t amount_fen)
{
  auto& random = context.random;
  CsvWriter row(context.out[SampleTable::projects]);
  row.text(context.uscc);
  row.integer(year);
  row.text(title);
  row.text(enum_name(source));
  row.money(amount_fen);
  row.integer(random.between(20, 2'000));
  static constexpr std::string_view ongoing = "ongoing";
  if (year >= context.as_of_year) {
    row.text(ongoing);
  } else {
    static constexpr std::string_view statuses[] = {"completed", "ongoing", "terminated"};
    static constexpr int weights[] = {90, 5, 5};
    row.text(statuses[random.weighted(weights)]);
  }
  row.end_row();
  ++context.out.child_rows;
}

struct Incident {
  Date date;
  IncidentKind kind = IncidentKind::warning;
  std::int64_t amount_fen = -1; // -1: null
  int fee_item = 0;             // 0: null
  bool resolvable = true;
};

// The note of an incident of `kind`; an interview of an industry association
// was one of the 专项整治 interviews, any other a bureau's routine one.
std::string_view incident_note(IncidentKind kind, bool industry_association)
{
  if (kind == IncidentKind::interview && !industry_association) {
    return "约谈负责人，督促落实整改";
  }
  static constexpr std::string_view notes[] = {"未按规定办理变更登记，予以警告",
                                               "违反登记管理条例，处以罚款",
                                               "没收违法所得",
                                               "责令限期停止活动",
                                               "未按时报送年度工作报告，列入活动异常名录",
                                               "列入严重违法失信名单",
                                               "违规收取费用，已责令清退",
                                               "行业协会商会专项整治约谈",
                                               "群众投诉，已转办核查",
                                               "责令限期整改",
                                               "立案调查"};
  return notes[static_cast<std::size_t>(kind)];
}

} // namespace

void write_projects(OrgContext& context)
{
  auto& random = context.random;
  const int registered_year = year_of(context.profile.registered_on);
  for (const PlannedProject& venture : context.venture_projects) {
    const int round = static_cast<int>(context.plan.targets.venture_rounds) -
                      (context.as_of_year - venture.year) + 1;
    std::string title = make_project_title(random);
    title.append("（第");
    title.append(std::to_string(round));
    title.append("届公益创投）");
    write_project(context, venture.year, title, ProjectSource::venture_philanthropy,
                  venture.amount_yuan * 100);
  }
  if (!context.lively()) {
    return;
  }
  // 公益创廉 drew most lively organizations into projects (基层治理, 乡村振兴):
  // the better run ones more, trade associations least.
  const double base = context.profile.type == OrgType::foundation              ? 0.75
                      : context.profile.type == OrgType::social_service_agency ? 0.45
                      : context.profile.industry_association                   ? 0.2
                                                                               : 0.3;
  if (!random.chance(base + (1 - base) * 0.8 * context.roles.quality)) {
    return;
  }
  const int first_year =
      std::min(context.as_of_year, std::max(registered_year, context.as_of_year - 5));
  const int count = random.between(1, 3);
  for (int i = 0; i < count; ++i) {
    // The first is a current one (last year's or this year's), the others any
    // of the last five years.
    const int year = random.between(
        i == 0 ? std::max(first_year, context.as_of_year - 1) : first_year, context.as_of_year);
    static constexpr ProjectSource sources[] = {
        ProjectSource::government_purchase, ProjectSource::donation, ProjectSource::self_funded};
    static constexpr int weights[] = {50, 20, 30};
    const ProjectSource source = sources[random.weighted(weights)];
    const double median = source == ProjectSource::government_purchase ? 120'000 : 30'000;
    write_project(context, year, make_project_title(random), source,
                  to_fen(random.lognormal(median, 0.8), true));
  }
}

namespace {

// The penalty that got an organization revoked for a violation: 撤销/吊销
// follow a serious-list trigger (§4.2), here a fine of CNY 50,000 or more or an
// ordered suspension in its last year, with the serious listing.
void add_violation_cause(OrgContext& context, std::vector<Incident>& incidents)
{
  auto& random = context.random;
  const Date last_day{context.records_until.days - 1};
  const Date cause = context.date_between(
      std::max(context.profile.registered_on, Date{last_day.days - 364}), last_day);
  if (random.chance(0.5)) {
    incidents.push_back(
        {cause, IncidentKind::fine, to_fen(random.between(50, 200) * 1000.0), 0, true});
  } else {
    incidents.push_back({cause, IncidentKind::suspension, -1, 0, false});
  }
  incidents.push_back({cause, IncidentKind::serious_list, -1, 0, false});
}

// Draws the everyday incidents of [window_from, window_to].
void draw_incidents(OrgContext& context, Date window_from, Date window_to,
                    std::vector<Incident>& incidents)
{
  auto& random = context.random;
  const bool lively = context.lively();
  auto add = [&](IncidentKind kind) -> Incident& {
    incidents.push_back({context.date_between(window_from, window_to), kind});
    return incidents.back();
  };
  const Dormancy dormancy = context.roles.dormancy;
  if ((dormancy == Dormancy::no_reports || dormancy == Dormancy::unreachable) &&
      random.chance(0.75)) {
    Incident& listed = add(IncidentKind::abnormal_list);
    listed.resolvable = false;
    // 满2年 on the abnormal list leads to the serious list (§4.2).
    const Date serious = *add_years(listed.date, 2);
    if (serious <= context.as_of && random.chance(0.3)) {
      incidents.push_back({serious, IncidentKind::serious_list, -1, 0, false});
    }
  } else if (context.closed() ? random.chance(0.3) : random.chance(lively ? 0.01 : 0.2)) {
    // A cleared organization's listing ended with its registration.
    add(IncidentKind::abnormal_list);
  }
  if (random.chance(0.02)) {
    add(IncidentKind::warning);
  }
  if (random.chance(0.006)) {
    // About one fine in ten reaches ¥50,000, a serious-list trigger (§4.2).
    add(IncidentKind::fine).amount_fen = random.chance(0.1)
                                             ? to_fen(random.between(50, 200) * 1000.0)
                                             : to_fen(random.between(1, 30) * 1000.0);
  }
  if (random.chance(0.001)) {
    add(IncidentKind::confiscation).amount_fen = to_fen(random.between(5, 80) * 1000.0);
  }
  if (random.chance(0.001)) {
    Incident& suspension = add(IncidentKind::suspension);
    incidents.push_back({suspension.date, IncidentKind::serious_list, -1, 0, false});
  }
  if (context.profile.industry_association && random.chance(0.06)) {
    Incident& fee = add(IncidentKind::illegal_fee);
    fee.fee_item = random.between(1, 15);
    fee.amount_fen = to_fen(random.between(5, 100) * 1000.0);
  }
  if (context.roles.interview || (!context.profile.industry_association && random.chance(0.004))) {
    add(IncidentKind::interview);
  }
  if (random.chance(0.03)) {
    add(IncidentKind::complaint);
  }
  if (random.chance(0.02)) {
    add(IncidentKind::rectification_order);
  }
  if (random.chance(0.002)) {
    add(IncidentKind::investigation).resolvable = random.chance(0.5);
  }
}

} // namespace

void write_incidents(OrgContext& context)
{
  auto& random = context.random;
  std::vector<Incident> incidents;
  if (context.closed() && context.roles.closed_reason == ClosedReason::violation) {
    add_violation_cause(context, incidents);
  }
  const Date window_from =
      std::max(context.profile.registered_on, *make_date(context.as_of_year - 4, 1, 1));
  // A closed organization's record ends the day before closed_on.
  const Date window_to = Date{context.records_until.days - (context.closed() ? 1 : 0)};
  // The demonstration units have a clean record.
  if (window_from <= window_to && context.roles.demonstration_unit < 0) {
    draw_incidents(context, window_from, window_to, incidents);
  }
  std::stable_sort(incidents.begin(), incidents.end(),
                   [](const Incident& a, const Incident& b) { return a.date < b.date; });
  CsvWriter row(context.out[SampleTable::incidents]);
  for (const Incident& incident : incidents) {
    row.text(context.uscc);
    row.date(incident.date);
    row.text(enum_name(incident.kind));
    incident.amount_fen >= 0 ? row.money(incident.amount_fen) : row.null();
    incident.fee_item > 0 ? row.integer(incident.fee_item) : row.null();
    const Date resolved{incident.date.days + random.between(10, 180)};
    if (incident.resolvable && resolved <= context.records_until && random.chance(0.88)) {
      row.date(resolved);
    } else {
      row.null();
    }
    row.text(incident_note(incident.kind, context.profile.industry_association));
    row.end_row();
    ++context.out.child_rows;
  }
}

void write_honors(OrgContext& context)
{
  auto& random = context.random;
  std::vector<PlannedHonor> honors(context.honors.begin(), context.honors.end());
  const bool lively = context.lively();
  const int registered_year = year_of(context.profile.registered_on);
  const bool county =
      context.profile.region != Region::city && context.profile.region != Region::province;
  // County-level brands, and a few organizations of 德清 and 长兴 marked with
  // their county's designation as a provincial observation point (观察点 are
  // counties): no program figure or bonus counts them.
  if (lively && county && registered_year <= context.as_of_year - 3) {
    if (random.chance(0.02)) {
      honors.push_back({0,
                        random.between(std::max(registered_year + 2, context.as_of_year - 7),
                                       context.as_of_year - 1),
                        HonorKind::brand_org, HonorLevel::county});
    }
    if ((context.profile.region == Region::deqing || context.profile.region == Region::changxing) &&
        random.chance(0.005)) {
      honors.push_back(
          {0, context.as_of_year - 1, HonorKind::observation_point, HonorLevel::province});
    }
  }
  std::stable_sort(honors.begin(), honors.end(),
                   [](const PlannedHonor& a, const PlannedHonor& b) { return a.year < b.year; });
  CsvWriter row(context.out[SampleTable::honors]);
  for (const PlannedHonor& honor : honors) {
    std::string title(honor.level == HonorLevel::province ? "浙江省"
                      : honor.level == HonorLevel::city   ? "湖州市"
                                                          : region_prefix(context.profile.region));
    switch (honor.kind) {
    case HonorKind::brand_org:
      title.append("品牌社会组织");
      break;
    case HonorKind::brand_project:
      title.append("品牌公益项目：");
      title.append(make_project_title(random));
      break;
    case HonorKind::leading_figure:
      title.append("社会组织领军人物");
      break;
    case HonorKind::integrity_demo_unit:
      title.append("清廉单元建设示范点");
      break;
    case HonorKind::best_practice:
      title.append("清廉社会组织建设百佳范例");
      break;
    case HonorKind::observation_point:
      title = region_prefix(context.profile.region);
      title.append("（省级清廉社会组织建设观察点）");
      break;
    }
    row.text(context.uscc);
    row.integer(honor.year);
    row.text(enum_name(honor.kind));
    row.text(enum_name(honor.level));
    row.text(title);
    row.end_row();
    ++context.out.child_rows;
  }
}

} // namespace orgaudit::sample
