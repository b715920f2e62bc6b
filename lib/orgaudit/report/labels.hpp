#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <orgaudit/audit/program.hpp>
#include <orgaudit/audit/results.hpp>
#include <orgaudit/rules/ruleset.hpp>
#include <orgaudit/schema/schema.hpp>

namespace orgaudit::report {

// Every fixed piece of text the human-readable reports print, in both
// languages (the table is in labels.cpp).
enum class Ui : std::uint8_t {
  title,
  ruleset,
  as_of,
  dataset,
  tables_used,
  tables_absent,
  none,
  unknown_figure,
  organizations,
  mean_total,
  vetoed,
  ungraded,
  flagged,
  grade_distribution,
  dimension_scores,
  by_region,
  by_type,
  region,
  type,
  count,
  program,
  flagged_orgs,
  criteria,
  evidence,
  most_failed,
  org_sections,
  status,
  earned,
  points,
  remediation,
  basis,
  waived,
  reason,
  expires,
  approved_by,
  recoverable,
  total,
  grade,
  coverage,
  flags,
  uscc,
  name,
  org_status,
  vetoes,
  deductions,
  bonuses,
  weight,
  average,
  indicator,
  rule,
  severity,
  failed,
  partial,
  missing,
  item,
  value,
  files_written,
  headline,
  no_flagged,
  total_without_waivers,
  compact_note,
  dimension,
  not_given,
  finding_count,
  rules_basis,
  program_scope,
  // program figures (SPEC §9)
  high_grade,
  brand_orgs,
  brand_orgs_provincial,
  brand_projects,
  leading_figures,
  leading_figures_provincial,
  best_practices,
  demonstration_units,
  venture_projects,
  venture_rounds,
  venture_amount,
  integrity_trainings,
  association_interviews,
  dormant_cleared,
  yes,
  no,
  proposal,
  count_
};

// The text of `key` in `lang`.
std::string_view ui(Ui key, rules::Lang lang);

// A rule-set label in `lang`, falling back to the other language when empty.
const std::string& label(const rules::Label& text, rules::Lang lang);

// Machine names, as JSON, CSV, JUnit and SARIF spell them, are
// audit::status_name, audit::criterion_status_name and rules::severity_name.

// One program figure of SPEC §9: its label, its value (nullopt when it is
// unknown, read from a table the dataset lacks) and the value as people read
// it ("26,000,000", or 未知（缺少数据表）).
struct ProgramFigureRow {
  Ui key = Ui::program;
  std::optional<double> value;
  std::string text;
};

// The program figures in the order every report shows them (the
// demonstration units are listed apart).
std::vector<ProgramFigureRow> program_figure_rows(const audit::ProgramFigures& program,
                                                  rules::Lang lang);

// Human names of statuses and severities.
std::string_view status_label(audit::Status status, rules::Lang lang);
std::string_view criterion_status_label(audit::CriterionStatus status, rules::Lang lang);
std::string_view severity_label(rules::Severity severity, rules::Lang lang);

// A kind of rule as people read it: 指标 / Indicator, 否决项 / Veto, ….
std::string_view rule_kind_label(rules::RuleRef::Kind kind, rules::Lang lang);

// The code a report prints beside a rule's label: an indicator's, veto's,
// deduction's, bonus's or criterion's id (ZD-01, VETO-01, Z1); nothing for a
// flag, whose id is a word for machines (dormant) and whose label names it.
std::string_view display_id(const rules::RuleSet& rules, const rules::RuleRef& ref);

// The basis a report prints: the regulation the rule cites, then the plain
// badge 本项目建议权重 / weight proposed by this project when the rule's
// points, weight or threshold are the project's own (`proposal: true`). A
// rule's `note:` is never printed.
std::string basis_text(const rules::RuleInfo& rule, rules::Lang lang);

// The grade's id, or "ungraded".
std::string_view grade_id(const rules::RuleSet& rules, int grade);
// The grade's label in `lang`, or 未定级 / Ungraded.
std::string_view grade_label(const rules::RuleSet& rules, int grade, rules::Lang lang);

// The tables of `dataset` the input had (`absent` false) or lacked (true), as
// people read them: "年检年报（annual_reports）、…" under zh, "annual_reports, …"
// under en, or 无 / none.
std::string table_list(const data::Dataset& dataset, bool absent, rules::Lang lang);

// The name in `lang` that the schema's region column labels `code` with
// (330502 → 吴兴区 / Wuxing), the code itself when it has none, or （未填）/
// (none) for an empty code.
std::string region_name(const schema::Schema& schema, std::string_view code, rules::Lang lang);
// The label in `lang` of organization type `type` (a value of the schema's
// type column), the text itself when it is no such value, or （未填）/ (none).
std::string type_name(const schema::Schema& schema, std::string_view type, rules::Lang lang);

// An enum value as people read it: its Chinese label under zh, its canonical
// name with spaces for underscores under en (schema::readable_name).
std::string enum_label(const schema::EnumValue& value, rules::Lang lang);
// A column's name as people read it, in the same way: 成立登记日期 / Registered on.
std::string column_label(const schema::Column& column, rules::Lang lang);

// Organization names longer than this are cut in headings and tables of the
// HTML and Markdown reports (the HTML keeps the whole name in a tooltip; the
// data formats always carry it whole).
inline constexpr std::size_t display_name_limit = 120;

// `text` cut to `limit` code points with an ellipsis, or unchanged.
std::string shorten(std::string_view text, std::size_t limit = display_name_limit);

// Numbers as reports print them: fixed two decimals ("87.50") for people;
// the shortest form for machines ("87.5", "5", "0.9268"), at most 15
// significant digits so that arithmetic noise (0.9268000000000001) never shows.
std::string fixed2(double value);
std::string shortest(double value);
// Appends shortest(value).
void append_shortest(std::string& out, double value);
// `value` rounded to 15 significant digits, the double that shortest() prints
// (for outputs that take numbers rather than text, such as XLSX cells).
double without_noise(double value);
// An amount of money in yuan with exactly two decimals ("250000.00", "-3.50").
std::string money_text(double value);
// Appends `value` in decimal, without a temporary string.
void append_integer(std::string& out, std::int64_t value);
// A whole amount with thousands separators ("26,000,000"), rounded to the yuan.
std::string grouped(double value);

} // namespace orgaudit::report
