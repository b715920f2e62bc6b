#include <orgaudit/history/run_output.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <orgaudit/history/labels.hpp>
#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/renderers.hpp>
#include <orgaudit/report/text_table.hpp>

namespace orgaudit::history {

namespace {

using report::Ui;

std::string json_points(std::int64_t hundredths)
{
  return report::detail::json_real(static_cast<double>(hundredths) / 100.0);
}

std::vector<std::string> raised_flags(const RuleSetInfo& set, const OrgOutcome& org)
{
  std::vector<std::string> ids;
  for (std::size_t r = 0; r < set.rules.size(); ++r) {
    if (set.rules[r].kind == RuleKind::flag && org.holds(r)) {
      ids.push_back(set.rules[r].id);
    }
  }
  return ids;
}

std::string_view grade_id(const RuleSetInfo& set, int grade)
{
  return grade < 0 || static_cast<std::size_t>(grade) >= set.grades.size()
             ? std::string_view("ungraded")
             : std::string_view(set.grades[static_cast<std::size_t>(grade)].id);
}

} // namespace

std::string runs_text(const std::vector<RunInfo>& runs, rules::Lang lang)
{
  if (runs.empty()) {
    return std::string(text(Text::no_runs, lang)) + '\n';
  }
  report::TextTable table(
      {std::string(text(Text::run, lang)), std::string(text(Text::recorded, lang)),
       std::string(text(Text::command, lang)), std::string(ui(Ui::as_of, lang)),
       std::string(ui(Ui::ruleset, lang)), std::string(ui(Ui::organizations, lang)),
       std::string(ui(Ui::mean_total, lang)), std::string(ui(Ui::vetoed, lang)),
       std::string(ui(Ui::flagged, lang)), std::string(ui(Ui::dataset, lang))},
      {true, false, false, false, false, true, true, true, true, false});
  for (const RunInfo& run : runs) {
    table.add({fmt::format("{}", run.id), run.finished_at, run.command, format_date(run.as_of),
               fmt::format("{} {}", run.ruleset->id, run.ruleset->version),
               fmt::format("{}", run.organizations), points_text(run.mean_total),
               fmt::format("{}", run.vetoed), fmt::format("{}", run.flagged),
               run.dataset_sha256.substr(0, 12)});
  }
  return table.render();
}

void append_run_json(std::string& out, const RunInfo& run)
{
  using report::append_json_string;
  out += fmt::format("{{\"id\": {}, \"command\": ", run.id);
  append_json_string(out, run.command);
  out += ", \"started_at\": ";
  append_json_string(out, run.started_at);
  out += ", \"finished_at\": ";
  append_json_string(out, run.finished_at);
  out += fmt::format(", \"as_of\": \"{}\", \"tool_version\": ", format_date(run.as_of));
  append_json_string(out, run.tool_version);
  out += ", \"ruleset\": {\"id\": ";
  append_json_string(out, run.ruleset->id);
  out += ", \"version\": ";
  append_json_string(out, run.ruleset->version);
  out += ", \"sha256\": ";
  append_json_string(out, run.ruleset->sha256);
  out += "}, \"dataset\": {\"path\": ";
  append_json_string(out, run.dataset_path);
  out += ", \"sha256\": ";
  append_json_string(out, run.dataset_sha256);
  // The options were written as a JSON object by this program.
  out += fmt::format("}}, \"options\": {}, \"organizations\": {}, \"mean_total\": {}, "
                     "\"vetoed\": {}, \"flagged\": {}}}",
                     run.options.empty() ? "{}" : run.options, run.organizations,
                     json_points(run.mean_total), run.vetoed, run.flagged);
}

std::string runs_json(const std::vector<RunInfo>& runs)
{
  std::string out = "{\"schema_version\": 1, \"runs\": [";
  for (std::size_t r = 0; r < runs.size(); ++r) {
    out += r == 0 ? "\n  " : ",\n  ";
    append_run_json(out, runs[r]);
  }
  out += runs.empty() ? "]}\n" : "\n]}\n";
  return out;
}

std::string trajectory_text(const std::vector<TrajectoryPoint>& points, rules::Lang lang)
{
  report::TextTable table({std::string(text(Text::run, lang)), std::string(ui(Ui::as_of, lang)),
                           std::string(ui(Ui::total, lang)), std::string(ui(Ui::grade, lang)),
                           std::string(ui(Ui::vetoed, lang)), std::string(ui(Ui::flags, lang))},
                          {false, false, true, false, false, false});
  for (const TrajectoryPoint& point : points) {
    const RuleSetInfo& set = *point.run.ruleset;
    const OrgOutcome& org = point.organization;
    table.add({point.run.id == 0 ? std::string(text(Text::this_run, lang))
                                 : fmt::format("{}", point.run.id),
               format_date(point.run.as_of), points_text(org.total),
               std::string(set.grade_label(org.grade, lang)),
               org.vetoed ? std::string(ui(Ui::vetoed, lang)) : std::string(),
               fmt::format("{}", fmt::join(raised_flags(set, org), ", "))});
  }
  return table.render();
}

std::string trend_section(const std::vector<TrajectoryPoint>& points, rules::Lang lang)
{
  return fmt::format("\n{}\n{}", text(Text::trend, lang), trajectory_text(points, lang));
}

void append_trajectory_json(std::string& out, const std::vector<TrajectoryPoint>& points)
{
  out += '[';
  for (std::size_t p = 0; p < points.size(); ++p) {
    const TrajectoryPoint& point = points[p];
    const RuleSetInfo& set = *point.run.ruleset;
    const OrgOutcome& org = point.organization;
    out += p == 0 ? "" : ", ";
    out += fmt::format("{{\"run\": {}, \"as_of\": \"{}\", \"recorded\": ",
                       point.run.id == 0 ? std::string("null") : fmt::format("{}", point.run.id),
                       format_date(point.run.as_of));
    if (point.run.finished_at.empty()) {
      out += "null";
    } else {
      report::append_json_string(out, point.run.finished_at);
    }
    out += fmt::format(", \"total\": {}, \"total_without_waivers\": {}, \"grade\": ",
                       json_points(org.total), json_points(org.total_without_waivers));
    report::append_json_string(out, grade_id(set, org.grade));
    out += fmt::format(", \"vetoed\": {}, \"flags\": [", org.vetoed ? "true" : "false");
    const auto flags = raised_flags(set, org);
    for (std::size_t f = 0; f < flags.size(); ++f) {
      out += f == 0 ? "" : ", ";
      report::append_json_string(out, flags[f]);
    }
    out += "]}";
  }
  out += ']';
}

std::string trajectory_json(std::string_view uscc, const std::vector<TrajectoryPoint>& points)
{
  std::string out = "{\"schema_version\": 1, \"uscc\": ";
  report::append_json_string(out, uscc);
  out += ", \"name\": ";
  if (points.empty()) {
    out += "null";
  } else {
    report::append_json_string(out, points.back().organization.name);
  }
  out += ",\n \"trajectory\": ";
  append_trajectory_json(out, points);
  out += "}\n";
  return out;
}

} // namespace orgaudit::history
