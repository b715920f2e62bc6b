#include <fmt/format.h>

#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/findings.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/ordered_chunks.hpp>
#include <orgaudit/report/org_view.hpp>
#include <orgaudit/report/renderers.hpp>

namespace orgaudit::report::detail {

namespace {

// One testcase's outcome: nothing (passed), or exactly one of failure, error,
// skipped, with a one-line message.
struct Outcome {
  enum class Kind : std::uint8_t { passed, failure, error, skipped };
  Kind kind = Kind::passed;
  std::string message;
  std::string type;
};

struct SuiteCounts {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  void add(Outcome::Kind kind)
  {
    ++tests;
    failures += kind == Outcome::Kind::failure ? 1 : 0;
    errors += kind == Outcome::Kind::error ? 1 : 0;
    skipped += kind == Outcome::Kind::skipped ? 1 : 0;
  }
};

// `classname` and `name` come escaped (classname_xml, xml_escape): a suite
// escapes its rule ids once, not once per organization.
void append_testcase(std::string& out, std::string_view classname, std::string_view name,
                     const Outcome& outcome)
{
  out += "    <testcase classname=\"";
  out += classname;
  out += "\" name=\"";
  out += name;
  out += '"';
  if (outcome.kind == Outcome::Kind::passed) {
    out += "/>\n";
    return;
  }
  out += ">\n      <";
  const std::string_view element = outcome.kind == Outcome::Kind::failure ? "failure"
                                   : outcome.kind == Outcome::Kind::error ? "error"
                                                                          : "skipped";
  out += element;
  out += " message=\"";
  append_xml(out, outcome.message);
  out += '"';
  if (!outcome.type.empty()) {
    out += " type=\"";
    append_xml(out, outcome.type);
    out += '"';
  }
  out += "/>\n    </testcase>\n";
}

// "org.<uscc>.<group>", XML-escaped.
std::string classname_xml(std::string_view uscc, std::string_view group)
{
  std::string out = "org.";
  append_xml(out, uscc);
  out += '.';
  append_xml(out, group);
  return out;
}

// The colon after a heading word: "：" in Chinese text, ": " in English.
std::string_view colon(rules::Lang lang)
{
  return lang == rules::Lang::zh ? "：" : ": ";
}

// The outcome of one indicator for one organization; passes, which are most
// testcases, cost no formatting. The rule's own text is in the suite's
// properties, so a finding carries only its status and points.
Outcome indicator_outcome(const audit::Results& results, std::size_t o, std::size_t i,
                          rules::Lang lang)
{
  const rules::Indicator& indicator = results.ruleset->indicators[i];
  const audit::IndicatorResult& result = results.indicator(o, i);
  const audit::OrgResult& org = results.organizations[o];
  const bool zh = lang == rules::Lang::zh;
  const std::string status(status_label(result.status, lang));
  Outcome outcome;
  switch (result.status) {
  case audit::Status::pass:
    break;
  case audit::Status::partial:
  case audit::Status::fail:
    outcome = {Outcome::Kind::failure,
               zh ? fmt::format("{}：得 {} 分，满分 {} 分", status, shortest(result.earned),
                                shortest(indicator.points))
                  : fmt::format("{}: {} of {} points", status, shortest(result.earned),
                                shortest(indicator.points)),
               std::string(rules::severity_name(indicator.severity))};
    break;
  case audit::Status::missing:
    outcome = {Outcome::Kind::error, status, "missing"};
    break;
  case audit::Status::error:
    outcome = {Outcome::Kind::error, status, "error"};
    break;
  case audit::Status::not_applicable:
    outcome = {Outcome::Kind::skipped, status, ""};
    break;
  case audit::Status::waived:
    outcome = {Outcome::Kind::skipped, status, ""};
    for (const audit::AppliedWaiver& waiver : org.waived) {
      if (waiver.rule == indicator.id) {
        outcome.message = zh ? fmt::format("{}：{}（{} {}）", status, waiver.reason,
                                           ui(Ui::expires, lang), format_date(waiver.expires))
                             : fmt::format("{}: {} ({} {})", status, waiver.reason,
                                           ui(Ui::expires, lang), format_date(waiver.expires));
      }
    }
    break;
  }
  return outcome;
}

Outcome::Kind status_kind(audit::Status status)
{
  switch (status) {
  case audit::Status::pass:
    return Outcome::Kind::passed;
  case audit::Status::partial:
  case audit::Status::fail:
    return Outcome::Kind::failure;
  case audit::Status::missing:
  case audit::Status::error:
    return Outcome::Kind::error;
  default:
    return Outcome::Kind::skipped;
  }
}

// What every suite shares: its place in the file and the run's provenance.
struct SuiteContext {
  const audit::Results& results;
  std::size_t next_id = 0;
};

// A rule's own text as suite properties, once per report: "<id>.label",
// "<id>.remediation" and "<id>.basis", each when the rule has it.
void add_rule_properties(std::vector<std::pair<std::string, std::string>>& properties,
                         const rules::RuleInfo& info, rules::Lang lang)
{
  const std::pair<std::string_view, std::string_view> parts[] = {
      {".label", label(info.label, lang)},
      {".remediation", label(info.remediation, lang)},
      {".basis", info.basis}};
  for (const auto& [suffix, value] : parts) {
    if (!value.empty()) {
      properties.emplace_back(info.id + std::string(suffix), value);
    }
  }
}

// The opening of a suite with the attributes and <properties> the Ant JUnit
// schema requires, then the suite's rules' text; the tests "ran" on the audit
// date, on no particular host.
void append_suite_head(std::string& out, SuiteContext& context, std::string_view name,
                       const SuiteCounts& counts,
                       const std::vector<std::pair<std::string, std::string>>& rule_properties)
{
  const rules::RuleSet& rules = *context.results.ruleset;
  out += "  <testsuite name=\"";
  append_xml(out, name);
  out += "\" package=\"";
  append_xml(out, name);
  out += fmt::format(
      "\" id=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"0\" "
      "timestamp=\"{}T00:00:00\" hostname=\"localhost\">\n    <properties>\n",
      context.next_id++, counts.tests, counts.failures, counts.errors, counts.skipped,
      format_date(context.results.as_of));
  const std::pair<std::string_view, std::string_view> provenance[] = {
      {"ruleset", rules.id},
      {"ruleset_version", rules.version},
      {"ruleset_sha256", rules.sha256},
      {"dataset_sha256", context.results.dataset->sha256()}};
  const auto append_property = [&out](std::string_view key, std::string_view value) {
    out += "      <property name=\"";
    append_xml(out, key);
    out += "\" value=\"";
    append_xml(out, value);
    out += "\"/>\n";
  };
  for (const auto& [key, value] : provenance) {
    append_property(key, value);
  }
  for (const auto& [key, value] : rule_properties) {
    append_property(key, value);
  }
  out += "    </properties>\n";
}

void append_suite_tail(std::string& out)
{
  out += "    <system-out/>\n    <system-err/>\n  </testsuite>\n";
}

// Writes `buffer` and empties it, then the testcases append_org(text, o)
// appends for every organization o, rendered on options.jobs threads and
// written in order. append_org must be safe to call from several threads.
template <typename AppendOrg>
void write_org_testcases(std::string& buffer, const audit::Results& results,
                         const RenderOptions& options, const AppendOrg& append_org, Output& out)
{
  out.write(buffer);
  buffer.clear();
  const auto make_renderer = [&](unsigned) {
    return [&](std::string& text, std::size_t begin, std::size_t end) {
      for (std::size_t o = begin; o < end; ++o) {
        append_org(text, o);
      }
    };
  };
  render_in_order(results.size(), options.jobs, options.chunk, make_renderer, out);
}

} // namespace

// Suites: one per dimension (its indicators), one "vetoes" suite, and one per
// flag. Deductions and bonuses adjust the total but are not pass/fail checks,
// so they have no testcase. Each rule's label, remediation and basis appear
// once, in its suite's properties; a testcase carries only what is its own,
// in a one-line message: status, points, criteria. The evidence is left to
// the JSON report and `explain` (in every failure it would more than double
// the file), the organization's name to the other reports: its uscc, in the
// classname, identifies it.
void render_junit(const audit::Results& results, const RenderOptions& options, Output& out)
{
  const rules::RuleSet& rules = *results.ruleset;
  const OrgView view(*results.dataset);
  const rules::Lang lang = options.lang;
  // The counts go in the opening tags, so they are taken in a cheap first pass.
  std::vector<SuiteCounts> dimension_counts(rules.dimensions.size());
  SuiteCounts veto_counts;
  std::vector<SuiteCounts> flag_counts(rules.flags.size());
  SuiteCounts all;
  for (std::size_t o = 0; o < results.size(); ++o) {
    for (std::size_t i = 0; i < rules.indicators.size(); ++i) {
      const Outcome::Kind kind = status_kind(results.indicator(o, i).status);
      dimension_counts[rules.indicators[i].dimension].add(kind);
      all.add(kind);
    }
    for (std::size_t v = 0; v < rules.vetoes.size(); ++v) {
      const Outcome::Kind kind =
          results.veto_held(o, v) ? Outcome::Kind::failure : Outcome::Kind::passed;
      veto_counts.add(kind);
      all.add(kind);
    }
    for (std::size_t f = 0; f < rules.flags.size(); ++f) {
      const Outcome::Kind kind =
          results.flag_raised(o, f) ? Outcome::Kind::failure : Outcome::Kind::passed;
      flag_counts[f].add(kind);
      all.add(kind);
    }
  }

  SuiteContext context{results};
  std::string buffer = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"";
  append_xml(buffer, fmt::format("orgaudit {} {}", rules.id, rules.version));
  buffer +=
      fmt::format("\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"0\">\n",
                  all.tests, all.failures, all.errors, all.skipped);
  for (std::size_t d = 0; d < rules.dimensions.size(); ++d) {
    std::vector<std::string> names;
    std::vector<std::pair<std::string, std::string>> properties;
    for (std::size_t i : rules.dimensions[d].indicators) {
      names.push_back(xml_escape(rules.indicators[i].id));
      add_rule_properties(properties, rules.indicators[i], lang);
    }
    append_suite_head(buffer, context, rules.dimensions[d].id, dimension_counts[d], properties);
    write_org_testcases(
        buffer, results, options,
        [&](std::string& text, std::size_t o) {
          const std::string classname =
              classname_xml(view.uscc(results.organizations[o].org), rules.dimensions[d].id);
          for (std::size_t k = 0; k < names.size(); ++k) {
            const std::size_t i = rules.dimensions[d].indicators[k];
            append_testcase(text, classname, names[k], indicator_outcome(results, o, i, lang));
          }
        },
        out);
    append_suite_tail(buffer);
  }
  if (!rules.vetoes.empty()) {
    std::vector<std::string> names;
    std::vector<std::pair<std::string, std::string>> properties;
    for (const rules::Condition& veto : rules.vetoes) {
      names.push_back(xml_escape(veto.id));
      add_rule_properties(properties, veto, lang);
    }
    append_suite_head(buffer, context, "vetoes", veto_counts, properties);
    write_org_testcases(
        buffer, results, options,
        [&](std::string& text, std::size_t o) {
          const std::string classname =
              classname_xml(view.uscc(results.organizations[o].org), "vetoes");
          for (std::size_t v = 0; v < rules.vetoes.size(); ++v) {
            Outcome outcome;
            if (results.veto_held(o, v)) {
              outcome = {Outcome::Kind::failure, std::string(ui(Ui::vetoed, lang)),
                         std::string(rules::severity_name(rules.vetoes[v].severity))};
            }
            append_testcase(text, classname, names[v], outcome);
          }
        },
        out);
    append_suite_tail(buffer);
  }
  for (std::size_t f = 0; f < rules.flags.size(); ++f) {
    const rules::Flag& flag = rules.flags[f];
    const std::string name = xml_escape(flag.id);
    std::vector<std::pair<std::string, std::string>> properties;
    add_rule_properties(properties, flag, lang);
    for (const rules::Criterion& criterion : flag.criteria) {
      add_rule_properties(properties, criterion, lang);
    }
    append_suite_head(buffer, context, flag.id, flag_counts[f], properties);
    write_org_testcases(
        buffer, results, options,
        [&](std::string& text, std::size_t o) {
          Outcome outcome;
          if (results.flag_raised(o, f)) {
            // "被标记：Z1 符合；Z2 数据缺失" / "Flagged: Z1 Match; Z2 Missing data".
            std::string message(ui(Ui::flagged, lang));
            for (std::size_t c = 0; c < flag.criteria.size(); ++c) {
              message += c == 0 ? colon(lang) : lang == rules::Lang::zh ? "；" : "; ";
              message += flag.criteria[c].id;
              message += ' ';
              message += criterion_status_label(results.criterion(o, f, c), lang);
            }
            outcome = {Outcome::Kind::failure, message,
                       std::string(rules::severity_name(flag.severity))};
          }
          append_testcase(text, classname_xml(view.uscc(results.organizations[o].org), "flags"),
                          name, outcome);
        },
        out);
    append_suite_tail(buffer);
  }
  buffer += "</testsuites>\n";
  out.write(buffer);
}

} // namespace orgaudit::report::detail
