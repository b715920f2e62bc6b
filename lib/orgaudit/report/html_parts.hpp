#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/audit/results.hpp>
#include <orgaudit/audit/summary.hpp>
#include <orgaudit/report/attention.hpp>
#include <orgaudit/report/format.hpp>
#include <orgaudit/report/org_view.hpp>
#include <orgaudit/report/output.hpp>

// The sections of the HTML report that list organizations (html_orgs.cpp) and
// lead a reader in (html_summary.cpp); html.cpp draws the figures around them.
namespace orgaudit::report::detail {

// Fixed texts of the HTML report (the shared ones are report::ui); the
// Markdown report, its content, prints those about what it left out too.
enum class HtmlText : std::uint8_t {
  contents,
  summary,
  urgent,
  urgent_scope,
  why,
  finding_count,
  left_out,
  left_out_auto,
  flagged_left_out,
  printed_note,
  brief_note,
  since_last_run,
  count_
};

// The text of `key` in `lang`.
std::string_view html_text(HtmlText key, rules::Lang lang);

// The table of contents: a link to every section the report holds.
void append_toc(std::string& out, const RenderOptions& options);

// The one-page summary's list of the organizations needing attention most, with why.
void append_urgent_section(std::string& out, const audit::Results& results, const OrgView& view,
                           const DetailSelection& detail, const RenderOptions& options);

// One of the facts at the head of an organization's section: "类型 社会团体".
struct Fact {
  std::string_view key;
  std::string value;
  std::string_view css; // the value's CSS class in the HTML report, if any
};

// The facts at the head of an organization's section in the HTML and Markdown
// reports: type, region, status, total, grade, coverage, the total without
// waivers when it differs, and the vetoes, deductions and bonuses that hold.
std::vector<Fact> org_facts(const audit::Results& results, const OrgView& view,
                            std::size_t position, rules::Lang lang);

// A status label in a coloured pill ("s-fail", "s-partial", …).
void append_pill(std::string& out, std::string_view css, std::string_view text);

// A flagged organization's row in the table of its flag: its criteria and evidence.
void append_flagged_row(std::string& out, const audit::Results& results, const OrgView& view,
                        std::size_t position, std::size_t flag, const RenderOptions& options);

// The CSS class that colours a grade ("g-0", "g-mid", "g-last", "g-none").
std::string_view grade_class(const rules::RuleSet& rules, int grade);

// Appends an organization name, cut when very long (the whole name in the tooltip).
void append_name(std::string& out, std::string_view name, std::string_view css = "name");

// The flagged organizations with their criteria and evidence, those with a
// section only (the count of the others is said).
void append_flagged_section(std::string& out, const audit::Results& results,
                            const audit::Summary& summary, const OrgView& view,
                            const DetailSelection& detail, const RenderOptions& options);
void append_most_failed_section(std::string& out, const audit::Results& results,
                                const audit::Summary& summary, const RenderOptions& options);
// The appendix: every rule once with its points, severity and basis.
void append_rules_section(std::string& out, const rules::RuleSet& rules, rules::Lang lang);
// Writes the per-organization sections of `detail`, most urgent first, straight
// to `out` (they are most of a large report), and says how many it left out;
// the first rendered.size() sections are taken from `rendered`.
void write_org_sections(std::string& buffer, Output& out, const audit::Results& results,
                        const OrgView& view, const DetailSelection& detail,
                        const RenderOptions& options, const std::vector<std::string>& rendered);

// Appends the section of the k-th organization of a --detail selection, at
// `position`: a table for the most urgent, compact for the others.
void append_org_section(std::string& out, const audit::Results& results, const OrgView& view,
                        std::size_t k, std::size_t position, const RenderOptions& options);

// What an organization's rows in the flagged organizations' tables add to the report.
std::size_t flagged_rows_bytes(const audit::Results& results, const OrgView& view,
                               std::size_t position, const RenderOptions& options);

// What a report says of the organizations its --detail selection left out.
std::string left_out_text(const DetailSelection& detail, const RenderOptions& options);

} // namespace orgaudit::report::detail
