#include <orgaudit/report/explain_facts.hpp>

#include <fmt/format.h>

#include <orgaudit/core/date.hpp>
#include <orgaudit/report/findings.hpp>
#include <orgaudit/report/labels.hpp>

namespace orgaudit::report::detail {

namespace {

// A let: value as people read it: 是/否, a number, a date, an enum value's
// label, a list's size, or 无 / none for null.
std::string value_text(const data::Dataset& dataset, const audit::RuleValue& value,
                       rules::Lang lang)
{
  const bool zh = lang == rules::Lang::zh;
  const expr::Outcome& outcome = value.value;
  if (outcome.kind == expr::Outcome::Kind::error) {
    return outcome.error;
  }
  if (outcome.kind == expr::Outcome::Kind::null) {
    return std::string(ui(Ui::none, lang));
  }
  switch (value.type.kind) {
  case expr::Kind::boolean:
    return std::string(ui(outcome.boolean ? Ui::yes : Ui::no, lang));
  case expr::Kind::date:
    return format_date(outcome.date);
  case expr::Kind::string:
    return outcome.text;
  case expr::Kind::enumeration: {
    const schema::Column& column =
        dataset.schema->tables[value.type.table].columns[value.type.column];
    for (const schema::EnumValue& candidate : column.values) {
      if (candidate.name == outcome.text) {
        return enum_label(candidate, lang);
      }
    }
    return outcome.text;
  }
  case expr::Kind::row:
  case expr::Kind::list:
    return zh ? fmt::format("{} 条", shortest(outcome.number))
              : fmt::format("{} rows", shortest(outcome.number));
  default:
    return shortest(outcome.number);
  }
}

} // namespace

std::vector<std::string> evidence_lines(const data::Dataset& dataset,
                                        const std::vector<audit::EvidenceCell>& cells,
                                        rules::Lang lang)
{
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < cells.size()) {
    std::size_t end = begin + 1;
    while (end < cells.size() && cells[end].table == cells[begin].table &&
           cells[end].line == cells[begin].line) {
      ++end;
    }
    const std::vector<audit::EvidenceCell> row(cells.begin() + static_cast<std::ptrdiff_t>(begin),
                                               cells.begin() + static_cast<std::ptrdiff_t>(end));
    lines.push_back(evidence_text(dataset, row, lang));
    begin = end;
  }
  return lines;
}

std::vector<std::string> fact_lines(const data::Dataset& dataset, const audit::RuleFacts& facts,
                                    rules::Lang lang)
{
  const bool zh = lang == rules::Lang::zh;
  std::vector<std::string> lines;
  for (const audit::RuleValue& value : facts.values) {
    const std::string text = value_text(dataset, value, lang);
    lines.push_back(zh ? fmt::format("{} {}", label(*value.label, lang), text)
                       : fmt::format("{}: {}", label(*value.label, lang), text));
  }
  for (const std::uint32_t table : facts.empty_tables) {
    const schema::Table& schema_table = dataset.schema->tables[table];
    lines.push_back(zh && !schema_table.label_zh.empty()
                        ? fmt::format("{}：0 条", schema_table.label_zh)
                        : fmt::format("{}: 0 rows", schema_table.name));
  }
  return lines;
}

} // namespace orgaudit::report::detail
