#include <array>
#include <charconv>
#include <cmath>
#include <memory>

#include <fmt/format.h>

#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/findings.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/ordered_chunks.hpp>
#include <orgaudit/report/org_view.hpp>
#include <orgaudit/report/renderers.hpp>
#include <orgaudit/report/skipped.hpp>

namespace orgaudit::report::detail {

namespace {

// Strings that may be null (an empty cell) are printed as JSON null.
void append_optional_string(std::string& out, std::string_view text)
{
  if (text.empty()) {
    out += "null";
  } else {
    append_json_string(out, text);
  }
}

void append_grades_json(std::string& out, const rules::RuleSet& rules,
                        const std::vector<std::size_t>& grades)
{
  out += '{';
  for (std::size_t g = 0; g < rules.grades.size(); ++g) {
    append_json_string(out, rules.grades[g].id);
    out += fmt::format(": {}, ", grades[g]);
  }
  out += fmt::format("\"ungraded\": {}}}", grades.back());
}

void append_group_json(std::string& out, const rules::RuleSet& rules,
                       const audit::GroupSummary& group)
{
  out +=
      fmt::format("{{\"organizations\": {}, \"mean_total\": {}, \"grades\": ", group.organizations,
                  json_real(group.mean_total));
  append_grades_json(out, rules, group.grades);
  out += '}';
}

void append_header(std::string& out, const audit::Results& results, const audit::Summary& summary,
                   const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  out += "{\"schema_version\": 1,\n \"tool\": {\"name\": \"orgaudit\", \"version\": ";
  append_json_string(out, options.tool_version);
  out += "},\n \"ruleset\": {\"id\": ";
  append_json_string(out, rules.id);
  out += ", \"version\": ";
  append_json_string(out, rules.version);
  out += ", \"sha256\": ";
  append_json_string(out, rules.sha256);
  out += "},\n \"dataset\": {\"path\": ";
  append_json_string(out, options.dataset_display_path.empty() ? results.dataset->path
                                                               : options.dataset_display_path);
  out += ", \"sha256\": ";
  append_json_string(out, results.dataset->sha256());
  out += fmt::format(", \"organizations\": {}, \"tables\": {{\"used\": [", summary.organizations);
  // An absent table is unknown (SPEC §2): the rules that read it are missing.
  for (const bool absent : {false, true}) {
    const auto names = results.dataset->table_names(absent);
    for (std::size_t t = 0; t < names.size(); ++t) {
      out += t == 0 ? "" : ", ";
      append_json_string(out, names[t]);
    }
    out += absent ? "]}" : "], \"absent\": [";
  }
  append_skipped_json(out, *results.dataset);
  out += fmt::format("}},\n \"as_of\": \"{}\",\n", format_date(results.as_of));
  out += " \"summary\": {\"grades\": ";
  append_grades_json(out, rules, summary.grades);
  out += fmt::format(",\n             \"vetoed\": {}, \"flags\": {{", summary.vetoed);
  for (std::size_t f = 0; f < rules.flags.size(); ++f) {
    out += f == 0 ? "" : ", ";
    append_json_string(out, rules.flags[f].id);
    out += fmt::format(": {}", summary.flags[f]);
  }
  out += fmt::format("}},\n             \"mean_total\": {},\n             \"by_region\": {{",
                     json_real(summary.mean_total));
  for (std::size_t r = 0; r < summary.by_region.size(); ++r) {
    const audit::GroupSummary& region = summary.by_region[r];
    out += r == 0 ? "" : ", ";
    append_json_string(out, region.key);
    out += ": {\"name\": ";
    append_json_string(out, region_name(*results.dataset->schema, region.key, options.lang));
    out += ", ";
    std::string group;
    append_group_json(group, rules, region);
    out.append(group, 1); // merge the group's members into this object
  }
  out += "},\n             \"by_type\": {";
  for (std::size_t t = 0; t < summary.by_type.size(); ++t) {
    out += t == 0 ? "" : ", ";
    append_json_string(out, summary.by_type[t].key);
    out += ": ";
    append_group_json(out, rules, summary.by_type[t]);
  }
  out += "},\n             \"program\": ";
  if (options.program != nullptr) {
    append_program_json(out, *options.program);
  } else {
    out += "null";
  }
  out += "},\n \"organizations\": [";
}

} // namespace

namespace {

// Whole numbers, which most scores and points are, without the general
// shortest-form search; true if `value` was one and has been appended.
bool append_whole(std::string& out, double value)
{
  if (value != std::trunc(value) || std::fabs(value) >= 9e15) {
    return false;
  }
  append_integer(out, static_cast<std::int64_t>(value));
  return true;
}

} // namespace

void append_real(std::string& out, double value)
{
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  if (append_whole(out, value)) {
    out += ".0";
    return;
  }
  const std::size_t start = out.size();
  append_shortest(out, value);
  if (std::string_view(out).substr(start).find_first_of(".e") == std::string_view::npos) {
    out += ".0";
  }
}

void append_number(std::string& out, double value)
{
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  if (append_whole(out, value)) {
    return;
  }
  append_shortest(out, value);
}

std::string json_real(double value)
{
  if (!std::isfinite(value)) {
    return "null";
  }
  std::string text = shortest(value);
  if (text.find_first_of(".e") == std::string::npos) {
    text += ".0";
  }
  return text;
}

std::string json_number(double value)
{
  return std::isfinite(value) ? shortest(value) : std::string("null");
}

// A figure read from an absent table is unknown: null, not 0.
std::string figure_json(std::size_t value, bool known)
{
  return known ? fmt::format("{}", value) : std::string("null");
}

void append_program_json(std::string& out, const audit::ProgramFigures& program)
{
  const bool honors = program.honors_known;
  out += fmt::format("{{\"high_grade\": {}, \"brand_orgs\": {}, \"brand_orgs_provincial\": {}, "
                     "\"brand_projects\": {}, \"leading_figures\": {}, "
                     "\"leading_figures_provincial\": {}, \"best_practices\": {}, "
                     "\"demonstration_units\": ",
                     program.high_grade, figure_json(program.brand_orgs, honors),
                     figure_json(program.brand_orgs_provincial, honors),
                     figure_json(program.brand_projects, honors),
                     figure_json(program.leading_figures, honors),
                     figure_json(program.leading_figures_provincial, honors),
                     figure_json(program.best_practices, honors));
  if (honors) {
    out += '[';
    for (std::size_t i = 0; i < program.demonstration_units.size(); ++i) {
      out += i == 0 ? "" : ", ";
      append_json_string(out, program.demonstration_units[i]);
    }
    out += ']';
  } else {
    out += "null";
  }
  out += fmt::format(
      ", \"venture_projects\": {}, \"venture_rounds\": {}, \"venture_amount\": {}, "
      "\"integrity_trainings\": {}, \"association_interviews\": {}, \"dormant_cleared\": {}}}",
      figure_json(program.venture_projects, program.projects_known),
      figure_json(program.venture_rounds, program.projects_known),
      program.projects_known ? json_real(program.venture_amount) : std::string("null"),
      figure_json(program.integrity_trainings, program.activities_known),
      figure_json(program.association_interviews, program.incidents_known),
      program.dormant_cleared);
}

void append_org_json(std::string& out, const audit::Results& results, const OrgView& view,
                     std::size_t position, const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const audit::OrgResult& org = results.organizations[position];
  out += "{\"uscc\": ";
  append_json_string(out, view.uscc(org.org));
  out += ", \"name\": ";
  append_json_string(out, view.name(org.org));
  out += ", \"type\": ";
  append_optional_string(out, view.type_id(org.org));
  out += ", \"region\": ";
  append_optional_string(out, view.region(org.org));
  out += ", \"status\": ";
  append_optional_string(out, view.status_id(org.org));
  out += ", \"total\": ";
  append_real(out, org.total);
  out += ", \"total_without_waivers\": ";
  append_real(out, org.total_without_waivers);
  out += ", \"grade\": \"";
  out += grade_id(rules, org.grade);
  // Coverage is a ratio of points; four decimals say all a reader needs.
  out += "\", \"coverage\": ";
  append_real(out, std::round(org.coverage * 10000.0) / 10000.0);
  out += org.vetoed ? ", \"vetoed\": true, \"vetoes\": [" : ", \"vetoed\": false, \"vetoes\": [";
  bool first = true;
  for (std::size_t v = 0; v < rules.vetoes.size(); ++v) {
    if (results.veto_held(position, v)) {
      out += first ? "" : ", ";
      first = false;
      append_json_string(out, rules.vetoes[v].id);
    }
  }
  out += "], \"dimensions\": [";
  for (std::size_t d = 0; d < rules.dimensions.size(); ++d) {
    out += d == 0 ? "{\"id\": " : ", {\"id\": ";
    append_json_string(out, rules.dimensions[d].id);
    out += ", \"score\": ";
    append_real(out, audit::round2(results.dimension_score(position, d)));
    out += ", \"weight\": ";
    append_number(out, rules.dimensions[d].weight);
    out += '}';
  }
  out += "], \"indicators\": [";
  for (std::size_t i = 0; i < rules.indicators.size(); ++i) {
    const audit::IndicatorResult& result = results.indicator(position, i);
    out += i == 0 ? "{\"id\": " : ", {\"id\": ";
    append_json_string(out, rules.indicators[i].id);
    out += ", \"status\": \"";
    out += audit::status_name(result.status);
    out += "\", \"earned\": ";
    append_number(out, result.earned);
    out += ", \"points\": ";
    append_number(out, rules.indicators[i].points);
    out += ", \"evidence\": ";
    // Evidence for findings only: the values a reader acts on. Re-tracing every
    // passing indicator would triple the cost of a report; `orgaudit explain`
    // shows the evidence of any rule.
    if (options.evidence != nullptr && audit::is_finding(result.status)) {
      append_evidence_json(
          out, options.evidence->evidence(position, {rules::RuleRef::Kind::indicator, i, 0}));
    } else {
      out += "{}";
    }
    out += '}';
  }
  out += "], \"flags\": [";
  first = true;
  for (std::size_t f = 0; f < rules.flags.size(); ++f) {
    if (!results.flag_raised(position, f)) {
      continue;
    }
    out += first ? "{\"id\": " : ", {\"id\": ";
    first = false;
    append_json_string(out, rules.flags[f].id);
    out += ", \"criteria\": [";
    for (std::size_t c = 0; c < rules.flags[f].criteria.size(); ++c) {
      out += c == 0 ? "{\"id\": " : ", {\"id\": ";
      append_json_string(out, rules.flags[f].criteria[c].id);
      out += ", \"status\": \"";
      out += audit::criterion_status_name(results.criterion(position, f, c));
      out += "\"}";
    }
    out += "]}";
  }
  out += "], \"waived\": [";
  for (std::size_t w = 0; w < org.waived.size(); ++w) {
    out += w == 0 ? "{\"rule\": " : ", {\"rule\": ";
    append_json_string(out, org.waived[w].rule);
    out += ", \"reason\": ";
    append_json_string(out, org.waived[w].reason);
    out += fmt::format(", \"expires\": \"{}\"}}", format_date(org.waived[w].expires));
  }
  out += "]}";
}

namespace {

// Writes every organization's object to `out` in order, rendered on
// options.jobs threads: `first` before the first, `between` before each
// other, `after` after each.
void write_orgs_json(const audit::Results& results, const RenderOptions& options,
                     std::string_view first, std::string_view between, std::string_view after,
                     Output& out)
{
  const OrgView view(*results.dataset);
  const bool shared_evidence = options.evidence != nullptr && !options.make_evidence;
  const auto make_renderer = [&](unsigned) {
    RenderOptions own = options;
    std::unique_ptr<audit::EvidenceSource> evidence;
    if (options.evidence != nullptr && options.make_evidence) {
      evidence = options.make_evidence();
      own.evidence = evidence.get();
    }
    return [&results, &view, &first, &between, &after, own = std::move(own),
            evidence = std::move(evidence)](std::string& text, std::size_t begin, std::size_t end) {
      for (std::size_t o = begin; o < end; ++o) {
        text += o == 0 ? first : between;
        append_org_json(text, results, view, o, own);
        text += after;
      }
    };
  };
  render_in_order(results.size(), shared_evidence ? 1 : options.jobs, options.chunk, make_renderer,
                  out);
}

} // namespace

void render_json(const audit::Results& results, const audit::Summary& summary,
                 const RenderOptions& options, Output& out)
{
  std::string buffer;
  append_header(buffer, results, summary, options);
  out.write(buffer);
  write_orgs_json(results, options, "\n  ", ",\n  ", "", out);
  out.write(results.size() == 0 ? "]}\n" : "\n ]}\n");
}

void render_jsonl(const audit::Results& results, const RenderOptions& options, Output& out)
{
  write_orgs_json(results, options, "", "", "\n", out);
}

} // namespace orgaudit::report::detail
