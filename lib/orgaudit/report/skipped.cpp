#include <orgaudit/report/skipped.hpp>

#include <fmt/format.h>

#include <orgaudit/report/escape.hpp>

namespace orgaudit::report {

namespace {

// The organizations a report names before saying how many more there are.
constexpr std::size_t named_organizations = 20;

std::string organization_text(const data::SkippedRow& row, rules::Lang lang)
{
  if (row.name.empty()) {
    return row.uscc.empty() ? fmt::format("{}:{}", row.file, row.line) : row.uscc;
  }
  return lang == rules::Lang::zh ? fmt::format("{}（{}）", row.name, row.uscc)
                                 : fmt::format("{} ({})", row.name, row.uscc);
}

} // namespace

std::string skipped_sentence(const data::Dataset& dataset, rules::Lang lang)
{
  const auto& rows = dataset.skipped_rows;
  if (rows.empty()) {
    return {};
  }
  const bool zh = lang == rules::Lang::zh;
  std::string names;
  std::size_t organizations = 0;
  for (const data::SkippedRow& row : rows) {
    if (row.table != 0) {
      continue;
    }
    if (++organizations <= named_organizations) {
      names += names.empty() ? "" : zh ? "、" : ", ";
      names += organization_text(row, lang);
    }
  }
  const std::size_t more =
      organizations > named_organizations ? organizations - named_organizations : 0;
  std::string out =
      zh ? fmt::format("因数据有误，--lenient 跳过了 {} 行，未参加评价", rows.size())
         : fmt::format("--lenient skipped {} row{} with errors, left out of the audit", rows.size(),
                       rows.size() == 1 ? "" : "s");
  if (organizations > 0) {
    out += zh ? fmt::format("；其中社会组织 {} 个：{}{}", organizations, names,
                            more > 0 ? fmt::format(" 等（另有 {} 个）", more) : "")
              : fmt::format("; {} of them organization{}: {}{}", organizations,
                            organizations == 1 ? "" : "s", names,
                            more > 0 ? fmt::format(" and {} more", more) : "");
  }
  out += zh ? "。" : ".";
  return out;
}

void render_skipped_csv(const data::Dataset& dataset, rules::Lang lang, bool bom, Output& out)
{
  std::string buffer = bom ? "\xEF\xBB\xBF" : "";
  buffer += lang == rules::Lang::zh ? "文件,行号,统一社会信用代码,社会组织名称,原因\r\n"
                                    : "file,line,uscc,name,reason\r\n";
  for (const data::SkippedRow& row : dataset.skipped_rows) {
    append_csv_field(buffer, row.file);
    buffer += fmt::format(",{},", row.line);
    append_csv_field(buffer, row.uscc);
    buffer += ',';
    append_csv_field(buffer, row.name);
    buffer += ',';
    append_csv_field(buffer, row.reason);
    buffer += "\r\n";
    if (buffer.size() > 1 << 16) {
      out.write(buffer);
      buffer.clear();
    }
  }
  out.write(buffer);
}

void append_skipped_json(std::string& out, const data::Dataset& dataset)
{
  if (dataset.skipped_rows.empty()) {
    return;
  }
  out += fmt::format(", \"skipped_rows\": {}, \"skipped_organizations\": [",
                     dataset.skipped_rows.size());
  bool first = true;
  for (const data::SkippedRow& row : dataset.skipped_rows) {
    if (row.table != 0) {
      continue;
    }
    out += first ? "{\"uscc\": " : ", {\"uscc\": ";
    first = false;
    append_json_string(out, row.uscc);
    out += ", \"name\": ";
    append_json_string(out, row.name);
    out += ", \"file\": ";
    append_json_string(out, row.file);
    out += fmt::format(", \"line\": {}, \"reason\": ", row.line);
    append_json_string(out, row.reason);
    out += '}';
  }
  out += ']';
}

} // namespace orgaudit::report
