#include <cmath>

#include <fmt/format.h>

#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/org_view.hpp>
#include <orgaudit/report/renderers.hpp>

namespace orgaudit::report::detail {

// Headers are the canonical English column names whatever --lang says, so
// scripts can rely on them (the xlsx carries Chinese headers); records end in
// CRLF as RFC 4180 writes them.
void render_csv(const audit::Results& results, const RenderOptions& options, Output& out)
{
  const rules::RuleSet& rules = *results.ruleset;
  const OrgView view(*results.dataset);
  std::string buffer;
  if (options.bom) {
    buffer += "\xEF\xBB\xBF";
  }
  buffer += "uscc,name,type,region,status,total,grade,vetoed,coverage";
  for (const rules::Dimension& dimension : rules.dimensions) {
    buffer += ',';
    append_csv_field(buffer, dimension.id);
  }
  buffer += ",flags\r\n";
  std::string flags;
  for (std::size_t o = 0; o < results.size(); ++o) {
    const audit::OrgResult& org = results.organizations[o];
    append_csv_field(buffer, view.uscc(org.org));
    buffer += ',';
    append_csv_field(buffer, view.name(org.org));
    buffer += ',';
    append_csv_field(buffer, view.type_id(org.org));
    buffer += ',';
    append_csv_field(buffer, view.region(org.org));
    buffer += ',';
    append_csv_field(buffer, view.status_id(org.org));
    buffer += fmt::format(",{},{},{},{}", shortest(org.total), grade_id(rules, org.grade),
                          org.vetoed ? "true" : "false",
                          shortest(audit::round2(org.coverage * 100.0) / 100.0));
    for (std::size_t d = 0; d < rules.dimensions.size(); ++d) {
      const double score = results.dimension_score(o, d);
      buffer += ',';
      if (!std::isnan(score)) {
        buffer += shortest(audit::round2(score));
      }
    }
    flags.clear();
    for (std::size_t f = 0; f < rules.flags.size(); ++f) {
      if (results.flag_raised(o, f)) {
        flags += flags.empty() ? "" : ";";
        flags += rules.flags[f].id;
      }
    }
    buffer += ',';
    append_csv_field(buffer, flags);
    buffer += "\r\n";
    if (buffer.size() > 1 << 16) {
      out.write(buffer);
      buffer.clear();
    }
  }
  out.write(buffer);
}

} // namespace orgaudit::report::detail
