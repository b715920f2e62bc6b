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

// Text for a SARIF message string: braces doubled, so that only {N} are placeholders.
std::string message_literal(std::string_view text)
{
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '{' || c == '}') {
      out += c;
    }
  }
  return out;
}

// The rule's "default" message string, whose arguments a finding fills: an
// indicator's status and points earned ("党建入章 ({0}, {1} of 5 points)"), a
// flag's criteria statuses ("Dormant (Z1: {0}; Z2: {1})"); a veto, deduction
// or bonus has none.
std::string finding_message(const rules::RuleSet& rules, const rules::RuleRef& ref,
                            rules::Lang lang)
{
  std::string text = message_literal(label(rules.info(ref).label, lang));
  if (ref.kind == Kind::indicator) {
    text += fmt::format(" ({{0}}, {{1}} of {} points)", shortest(rules.points(ref)));
  } else if (ref.kind == Kind::flag) {
    const rules::Flag& flag = rules.flags[ref.index];
    for (std::size_t c = 0; c < flag.criteria.size(); ++c) {
      text += c == 0 ? " (" : "; ";
      text += message_literal(flag.criteria[c].id);
      text += fmt::format(": {{{}}}", c);
    }
    text += flag.criteria.empty() ? "" : ")";
  }
  return text;
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
  out += ", \"messageStrings\": {\"default\": {\"text\": ";
  append_json_string(out, finding_message(rules, ref, lang));
  out += "}, \"waived\": {\"text\": ";
  append_json_string(out, message_literal(label(rules.info(ref).label, lang)) + " (waived)");
  out += "}}";
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

// Where a result is: the organization's row in the root table's file
// (run.artifacts[0]) and its entry in run.logicalLocations.
struct ResultSite {
  std::string_view uscc;
  std::size_t logical_location = 0;
  std::uint32_t line = 0;
};

// A result up to its message's arguments: the rule's level, label and
// points are the rule's own (tool.driver.rules) and not repeated here. The
// message's `text` holds only what is the finding's own ("partial, 2.5 of 5
// points"), since GitHub code scanning rejects a result without one; its
// `id` names the rule's message string that adds the rule's label.
void append_result_head(std::string& out, const rules::RuleSet& rules, const rules::RuleRef& ref,
                        std::string_view text, std::string_view message_id)
{
  out += "{\"ruleId\": ";
  append_json_string(out, rules.info(ref).id);
  out += fmt::format(", \"ruleIndex\": {}, \"message\": {{\"text\": ", rule_index(rules, ref));
  append_json_string(out, text);
  out += fmt::format(", \"id\": \"{}\"", message_id);
}

// Closes the message and adds the location and fingerprint.
void append_result_site(std::string& out, const rules::RuleSet& rules, const rules::RuleRef& ref,
                        const ResultSite& site)
{
  out += "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"index\": 0}";
  if (site.line > 0) {
    out += fmt::format(", \"region\": {{\"startLine\": {}}}", site.line);
  }
  out += fmt::format("}}, \"logicalLocations\": [{{\"index\": {}}}]}}], "
                     "\"partialFingerprints\": {{\"orgauditFinding/v1\": ",
                     site.logical_location);
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

// Every organization with a result is listed once in run.logicalLocations,
// with its name; its results refer to it by index, and their messages are the
// rules' message strings filled with what is the finding's own.
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
  buffer += "},\n  \"artifacts\": [{\"location\": {\"uri\": ";
  append_json_string(buffer, uri_reference(view.source_file()));
  buffer += "}}],\n  \"results\": [";
  bool first = true;
  std::vector<std::uint32_t> located; // the organizations of run.logicalLocations
  for (std::size_t o = 0; o < results.size(); ++o) {
    const audit::OrgResult& org = results.organizations[o];
    const ResultSite site{view.uscc(org.org), located.size(), view.source_line(org.org)};
    bool any = false;
    const auto open_result = [&] {
      buffer += first ? "\n   " : ",\n   ";
      first = false;
      any = true;
    };
    for (const Finding& finding : org_findings(results, o)) {
      open_result();
      std::vector<std::string> arguments;
      std::string text;
      if (finding.rule.kind == Kind::indicator) {
        arguments = {std::string(audit::status_name(finding.status)), shortest(finding.earned)};
        text = fmt::format("{}, {} of {} points", arguments[0], arguments[1],
                           shortest(finding.points));
      } else if (finding.rule.kind == Kind::flag) {
        const rules::Flag& flag = rules.flags[finding.rule.index];
        for (std::size_t c = 0; c < flag.criteria.size(); ++c) {
          arguments.emplace_back(
              audit::criterion_status_name(results.criterion(o, finding.rule.index, c)));
          text += fmt::format("{}{}: {}", c == 0 ? "" : "; ", flag.criteria[c].id, arguments[c]);
        }
      } else {
        text = fmt::format("{} holds", rules::rule_kind_name(finding.rule.kind));
      }
      append_result_head(buffer, rules, finding.rule, text, "default");
      for (std::size_t a = 0; a < arguments.size(); ++a) {
        buffer += a == 0 ? ", \"arguments\": [" : ", ";
        append_json_string(buffer, arguments[a]);
      }
      buffer += arguments.empty() ? "" : "]";
      append_result_site(buffer, rules, finding.rule, site);
      buffer += "}";
    }
    // Waived rules are reported suppressed, so a consumer does not close them as fixed.
    for (const audit::AppliedWaiver& waiver : org.waived) {
      const auto ref = waived_rule(rules, waiver.rule);
      if (!ref) {
        continue;
      }
      open_result();
      append_result_head(buffer, rules, *ref, "waived", "waived");
      append_result_site(buffer, rules, *ref, site);
      buffer += ", \"suppressions\": [{\"kind\": \"external\", \"status\": \"accepted\", "
                "\"justification\": ";
      append_json_string(buffer, waiver.reason);
      buffer += "}], \"properties\": {\"approved_by\": ";
      append_json_string(buffer, waiver.approved_by);
      buffer += fmt::format(", \"expires\": \"{}\"}}}}", format_date(waiver.expires));
    }
    if (any) {
      located.push_back(org.org);
    }
    if (buffer.size() > 1 << 16) {
      out.write(buffer);
      buffer.clear();
    }
  }
  buffer += first ? "],\n  \"logicalLocations\": [" : "\n  ],\n  \"logicalLocations\": [";
  for (std::size_t k = 0; k < located.size(); ++k) {
    buffer += k == 0 ? "\n   {\"name\": " : ",\n   {\"name\": ";
    append_json_string(buffer, view.uscc(located[k]));
    buffer += ", \"fullyQualifiedName\": ";
    append_json_string(buffer, fmt::format("org.{}", view.uscc(located[k])));
    buffer += ", \"kind\": \"object\", \"properties\": {\"organizationName\": ";
    append_json_string(buffer, view.name(located[k]));
    buffer += "}}";
    if (buffer.size() > 1 << 16) {
      out.write(buffer);
      buffer.clear();
    }
  }
  buffer += located.empty() ? "]}]}\n" : "\n  ]}]}\n";
  out.write(buffer);
}

} // namespace orgaudit::report::detail
