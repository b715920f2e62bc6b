#pragma once

#include <string>

#include <orgaudit/audit/results.hpp>
#include <orgaudit/audit/summary.hpp>
#include <orgaudit/report/format.hpp>
#include <orgaudit/report/org_view.hpp>
#include <orgaudit/report/output.hpp>

// The renderers behind report::render, one per format (one file each).
namespace orgaudit::report::detail {

void render_text(const audit::Results& results, const audit::Summary& summary,
                 const RenderOptions& options, Output& out);
void render_json(const audit::Results& results, const audit::Summary& summary,
                 const RenderOptions& options, Output& out);
void render_jsonl(const audit::Results& results, const RenderOptions& options, Output& out);
void render_csv(const audit::Results& results, const RenderOptions& options, Output& out);
void render_markdown(const audit::Results& results, const audit::Summary& summary,
                     const RenderOptions& options, Output& out);
void render_html(const audit::Results& results, const audit::Summary& summary,
                 const RenderOptions& options, Output& out);
void render_junit(const audit::Results& results, const RenderOptions& options, Output& out);
void render_sarif(const audit::Results& results, const RenderOptions& options, Output& out);
void render_xlsx(const audit::Results& results, const audit::Summary& summary,
                 const RenderOptions& options, Output& out);

// A JSON number for a score-like value: shortest form, with ".0" when whole
// ("85.0"), null when not finite.
std::string json_real(double value);
// A JSON number for points and weights: shortest form ("5", "2.5").
std::string json_number(double value);
// The same two, appended without a temporary string (the per-organization path).
void append_real(std::string& out, double value);
void append_number(std::string& out, double value);

// The organization object that both json and jsonl print, without a newline.
void append_org_json(std::string& out, const audit::Results& results, const OrgView& view,
                     std::size_t position, const RenderOptions& options);

// The program figures as one JSON object.
void append_program_json(std::string& out, const audit::ProgramFigures& program);

} // namespace orgaudit::report::detail
