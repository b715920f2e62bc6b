#pragma once

#include <string>
#include <string_view>

#include <orgaudit/audit/results.hpp>
#include <orgaudit/audit/summary.hpp>
#include <orgaudit/report/format.hpp>
#include <orgaudit/report/org_view.hpp>
#include <orgaudit/report/output.hpp>

// The sections of the HTML report that list organizations (html_orgs.cpp);
// html.cpp draws the summary sections around them.
namespace orgaudit::report::detail {

// The CSS class that colours a grade ("g-0", "g-mid", "g-last", "g-none").
std::string_view grade_class(const rules::RuleSet& rules, int grade);

// Appends an organization name, cut when very long (the whole name in the tooltip).
void append_name(std::string& out, std::string_view name, std::string_view css = "name");

void append_flagged_section(std::string& out, const audit::Results& results,
                            const audit::Summary& summary, const OrgView& view,
                            const RenderOptions& options);
void append_most_failed_section(std::string& out, const audit::Results& results,
                                const audit::Summary& summary, const RenderOptions& options);
// The appendix: every rule once with its points, severity and basis.
void append_rules_section(std::string& out, const rules::RuleSet& rules, rules::Lang lang);
// Writes the per-organization sections straight to `out` (they are most of a large report).
void write_org_sections(std::string& buffer, Output& out, const audit::Results& results,
                        const OrgView& view, const RenderOptions& options);

} // namespace orgaudit::report::detail
