#include <fmt/format.h>
#include <fmt/ranges.h>

#include <orgaudit/history/diff_render.hpp>
#include <orgaudit/history/run_output.hpp>
#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/renderers.hpp>

// The machine formats of `diff`: every change, in machine words.
namespace orgaudit::history::detail {

namespace {

using report::append_json_string;

std::string json_total(const std::optional<std::int64_t>& hundredths)
{
  return hundredths ? report::detail::json_real(static_cast<double>(*hundredths) / 100.0)
                    : std::string("null");
}

void append_optional(std::string& out, std::string_view text)
{
  if (text.empty()) {
    out += "null";
  } else {
    append_json_string(out, text);
  }
}

void append_ids(std::string& out, const std::vector<std::string>& ids)
{
  out += '[';
  for (std::size_t i = 0; i < ids.size(); ++i) {
    out += i == 0 ? "" : ", ";
    append_json_string(out, ids[i]);
  }
  out += ']';
}

void append_row_json(std::string& out, const DiffRow& row)
{
  out += "{\"uscc\": ";
  append_json_string(out, row.uscc);
  out += ", \"name\": ";
  append_json_string(out, row.name);
  out += ", \"rule\": ";
  append_optional(out, row.rule);
  out += ", \"severity\": ";
  append_optional(out, row.severity ? rules::severity_name(*row.severity) : "");
  out += ", \"from\": ";
  append_optional(out, row.from);
  out += ", \"to\": ";
  append_optional(out, row.to);
  out += fmt::format(", \"from_total\": {}, \"to_total\": {}", json_total(row.from_total),
                     json_total(row.to_total));
  if (row.kind == ChangeKind::newly_flagged) {
    out += ", \"criteria\": ";
    append_ids(out, row.criteria);
  }
  out += '}';
}

} // namespace

void render_diff_json(const Diff& diff, const DiffRenderOptions& options, report::Output& out)
{
  std::string json = "{\"schema_version\": 1,\n \"tool\": {\"name\": \"orgaudit\", \"version\": ";
  append_json_string(json, options.tool_version);
  json += "},\n \"from\": ";
  append_run_json(json, diff.from->info);
  json += ",\n \"to\": ";
  append_run_json(json, diff.to->info);
  json += fmt::format(",\n \"ruleset_changes\": {{\"differ\": {}, \"changed\": ",
                      diff.ruleset.differ ? "true" : "false");
  append_ids(json, diff.ruleset.changed);
  json += ", \"added\": ";
  append_ids(json, diff.ruleset.added);
  json += ", \"removed\": ";
  append_ids(json, diff.ruleset.removed);
  json += fmt::format(
      ", \"fingerprints_unknown\": {}}},\n \"options_differ\": {},\n \"counts\": {{",
      diff.ruleset.fingerprints_unknown ? "true" : "false", diff.options_differ ? "true" : "false");
  for (std::size_t k = 0; k < report::change_kind_count; ++k) {
    const auto kind = static_cast<ChangeKind>(k);
    json +=
        fmt::format("{}\"{}\": {}", k == 0 ? "" : ", ", change_name(kind), diff.of(kind).size());
  }
  json += "},\n \"changes\": {";
  const std::vector<DiffRow> rows = diff_rows(diff);
  std::size_t r = 0;
  for (std::size_t k = 0; k < report::change_kind_count; ++k) {
    const auto kind = static_cast<ChangeKind>(k);
    json += fmt::format("{}\n  \"{}\": [", k == 0 ? "" : ",", change_name(kind));
    bool first = true;
    // Rows come in kind order, like the changes they were made from.
    for (; r < rows.size() && rows[r].kind == kind; ++r) {
      json += first ? "\n   " : ",\n   ";
      first = false;
      append_row_json(json, rows[r]);
      if (json.size() > 1 << 16) {
        out.write(json);
        json.clear();
      }
    }
    json += first ? "]" : "\n  ]";
  }
  json += "}}\n";
  out.write(json);
}

// Headers are English machine names whatever --lang says; records end in CRLF.
void render_diff_csv(const Diff& diff, const DiffRenderOptions& options, report::Output& out)
{
  std::string csv = options.bom ? "\xEF\xBB\xBF" : "";
  csv += "change,uscc,name,rule,severity,from,to,from_total,to_total,criteria\r\n";
  auto total = [](const std::optional<std::int64_t>& hundredths) {
    return hundredths ? report::shortest(static_cast<double>(*hundredths) / 100.0) : std::string();
  };
  for (const DiffRow& row : diff_rows(diff)) {
    csv += change_name(row.kind);
    for (std::string_view cell :
         {std::string_view(row.uscc), std::string_view(row.name), std::string_view(row.rule),
          row.severity ? rules::severity_name(*row.severity) : std::string_view(),
          std::string_view(row.from), std::string_view(row.to)}) {
      csv += ',';
      report::append_csv_field(csv, cell);
    }
    csv += fmt::format(",{},{},", total(row.from_total), total(row.to_total));
    report::append_csv_field(csv, fmt::format("{}", fmt::join(row.criteria, ";")));
    csv += "\r\n";
    if (csv.size() > 1 << 16) {
      out.write(csv);
      csv.clear();
    }
  }
  out.write(csv);
}

} // namespace orgaudit::history::detail
