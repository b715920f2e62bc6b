#include <fmt/format.h>

#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/findings.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/org_view.hpp>
#include <orgaudit/report/renderers.hpp>

namespace orgaudit::report::detail {

namespace {

using Kind = rules::RuleRef::Kind;

std::size_t rule_index(const rules::RuleSet& rules, const rules::RuleRef& ref)
{
  std::size_t base = 0;
  switch (ref.kind) {
  case Kind::flag:
  case Kind::criterion:
    base += rules.bonuses.size();
    [[fallthrough]];
  case Kind::bonus:
    base += rules.deductions.size();
    [[fallthrough]];
  case Kind::deduction:
    base += rules.vetoes.size();
    [[fallthrough]];
  case Kind::veto:
    base += rules.indicators.size();
    [[fallthrough]];
  case Kind::indicator:
    break;
  }
  return base + ref.index;
}

std::string_view level(rules::Severity severity)
{
  switch (severity) {
  case rules::Severity::critical:
  case rules::Severity::high:
    return "error";
  case rules::Severity::medium:
    return "warning";
  default:
    return "note";
  }
}

// A relative file name as a URI reference: unreserved bytes and '/' kept, the rest percent-encoded.
std::string uri_reference(std::string_view path)
{
  std::string out;
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
        (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", byte);
    }
  }
  return out;
}

void append_rule(std::string& out, const rules::RuleSet& rules, const rules::RuleRef& ref,
                 rules::Lang lang)
{
  out += "{\"id\": ";
  append_json_string(out, rules.info(ref).id);
  out += ", \"name\": ";
  append_json_string(out, rules.info(ref).id);
  out += ", \"shortDescription\": {\"text\": ";
  append_json_string(out, label(rules.info(ref).label, lang));
  out += "}";
  if (!label(rules.info(ref).remediation, lang).empty()) {
    out += ", \"help\": {\"text\": ";
    append_json_string(out, label(rules.info(ref).remediation, lang));
    out += "}";
  }
  out += fmt::format(
      ", \"defaultConfiguration\": {{\"level\": \"{}\"}}, \"properties\": {{\"kind\": \"{}\", "
      "\"severity\": \"{}\"",
      level(rules.info(ref).severity), rules::rule_kind_name(ref.kind),
      rules::severity_name(rules.info(ref).severity));
  if (ref.kind == Kind::indicator) {
    out += ", \"dimension\": ";
    append_json_string(out, rules.dimensions[rules.indicators[ref.index].dimension].id);
  }
  if (ref.kind == Kind::indicator || ref.kind == Kind::deduction || ref.kind == Kind::bonus) {
    out += fmt::format(", \"points\": {}", json_number(rules.points(ref)));
  }
  out += ", \"basis\": ";
  append_json_string(out, rules.info(ref).basis);
  out += "}}";
}

struct ResultSite {
  std::string_view uscc;
  std::string_view name;
  std::string uri;
  std::uint32_t line = 0;
};

void append_result_head(std::string& out, const rules::RuleSet& rules, const rules::RuleRef& ref,
                        const ResultSite& site, std::string_view text)
{
  out += "{\"ruleId\": ";
  append_json_string(out, rules.info(ref).id);
  out += fmt::format(", \"ruleIndex\": {}, \"level\": \"{}\", \"message\": {{\"text\": ",
                     rule_index(rules, ref), level(rules.info(ref).severity));
  append_json_string(out, text);
  out += "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ";
  append_json_string(out, site.uri);
  out += "}";
  if (site.line > 0) {
    out += fmt::format(", \"region\": {{\"startLine\": {}}}", site.line);
  }
  out += "}, \"logicalLocations\": [{\"name\": ";
  append_json_string(out, site.uscc);
  out += ", \"fullyQualifiedName\": ";
  append_json_string(out, fmt::format("org.{}", site.uscc));
  out += ", \"kind\": \"object\"}]}], \"partialFingerprints\": {\"orgauditFinding/v1\": ";
  append_json_string(out, fmt::format("{}/{}", site.uscc, rules.info(ref).id));
  out += "}";
}

// The rule a waiver names, for the suppressed result; a criterion's waiver
// is reported on its flag.
std::optional<rules::RuleRef> waived_rule(const rules::RuleSet& rules, std::string_view id)
{
  for (const rules::RuleRef& ref : rules.all_rules()) {
    if (rules.info(ref).id == id) {
      return ref;
    }
  }
  for (std::size_t f = 0; f < rules.flags.size(); ++f) {
    for (const rules::Criterion& criterion : rules.flags[f].criteria) {
      if (criterion.id == id) {
        return rules::RuleRef{Kind::flag, f, 0};
      }
    }
  }
  return std::nullopt;
}

} // namespace

void render_sarif(const audit::Results& results, const RenderOptions& options, Output& out)
{
  const rules::RuleSet& rules = *results.ruleset;
  const OrgView view(*results.dataset);
  const rules::Lang lang = options.lang;
  std::string buffer =
      "{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n \"version\": \"2.1.0\",\n"
      " \"runs\": [{\"tool\": {\"driver\": {\"name\": \"orgaudit\", \"version\": ";
  append_json_string(buffer, options.tool_version);
  buffer += ", \"rules\": [";
  const std::vector<rules::RuleRef> refs = rules.all_rules();
  for (std::size_t r = 0; r < refs.size(); ++r) {
    buffer += r == 0 ? "\n   " : ",\n   ";
    append_rule(buffer, rules, refs[r], lang);
  }
  buffer += "]}},\n  \"automationDetails\": {\"id\": ";
  append_json_string(buffer, fmt::format("orgaudit/{}/{}/{}", rules.id, rules.version,
                                         format_date(results.as_of)));
  buffer += "},\n  \"results\": [";
  bool first = true;
  const std::string uri = uri_reference(view.source_file());
  for (std::size_t o = 0; o < results.size(); ++o) {
    const audit::OrgResult& org = results.organizations[o];
    const ResultSite site{view.uscc(org.org), view.name(org.org), uri, view.source_line(org.org)};
    for (const Finding& finding : org_findings(results, o)) {
      std::string text = fmt::format("{} {}: {}", site.uscc, site.name,
                                     label(rules.info(finding.rule).label, lang));
      if (finding.rule.kind == Kind::indicator) {
        text += fmt::format(" ({}, {} of {} points)", audit::status_name(finding.status),
                            shortest(finding.earned), shortest(finding.points));
      } else if (finding.rule.kind == Kind::flag) {
        const rules::Flag& flag = rules.flags[finding.rule.index];
        for (std::size_t c = 0; c < flag.criteria.size(); ++c) {
          text += fmt::format(
              "; {}: {}", flag.criteria[c].id,
              audit::criterion_status_name(results.criterion(o, finding.rule.index, c)));
        }
      }
      buffer += first ? "\n   " : ",\n   ";
      first = false;
      append_result_head(buffer, rules, finding.rule, site, text);
      buffer +=
          fmt::format(", \"properties\": {{\"status\": \"{}\"",
                      finding.rule.kind == Kind::indicator ? audit::status_name(finding.status)
                                                           : std::string_view("holds"));
      if (finding.rule.kind == Kind::indicator) {
        buffer += fmt::format(", \"earned\": {}, \"points\": {}", json_number(finding.earned),
                              json_number(finding.points));
      }
      buffer += "}}";
    }
    // Waived rules are reported suppressed, so a consumer does not close them as fixed.
    for (const audit::AppliedWaiver& waiver : org.waived) {
      const auto ref = waived_rule(rules, waiver.rule);
      if (!ref) {
        continue;
      }
      buffer += first ? "\n   " : ",\n   ";
      first = false;
      append_result_head(buffer, rules, *ref, site,
                         fmt::format("{} {}: {} (waived)", site.uscc, site.name,
                                     label(rules.info(*ref).label, lang)));
      buffer += ", \"suppressions\": [{\"kind\": \"external\", \"status\": \"accepted\", "
                "\"justification\": ";
      append_json_string(buffer, waiver.reason);
      buffer += "}], \"properties\": {\"status\": \"waived\", \"approved_by\": ";
      append_json_string(buffer, waiver.approved_by);
      buffer += fmt::format(", \"expires\": \"{}\"}}}}", format_date(waiver.expires));
    }
    if (buffer.size() > 1 << 16) {
      out.write(buffer);
      buffer.clear();
    }
  }
  buffer += first ? "]}]}\n" : "\n  ]}]}\n";
  out.write(buffer);
}

} // namespace orgaudit::report::detail
