#include <orgaudit/report/labels.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <iterator>
#include <utility>

#include <fmt/format.h>

#include <orgaudit/core/text.hpp>

namespace orgaudit::report {

namespace {

using Pair = std::pair<std::string_view, std::string_view>;

constexpr std::array<Pair, static_cast<std::size_t>(Ui::count_)> ui_table = {{
    {"社会组织清廉评价报告", "Social organization integrity audit"},
    {"评价规则", "Rule set"},
    {"评价基准日", "As of"},
    {"数据集", "Dataset"},
    {"使用的数据表", "Tables used"},
    {"缺失的数据表（情况不明，读取这些表的规则计为数据缺失）",
     "Tables absent (unknown: rules that read them count as missing data)"},
    {"无", "none"},
    {"未知（缺少数据表）", "unknown (table absent)"},
    {"社会组织", "Organizations"},
    {"平均总分", "Mean total"},
    {"一票否决", "Vetoed"},
    {"未定级", "Ungraded"},
    {"被标记", "Flagged"},
    {"等级分布", "Grade distribution"},
    {"各维度平均得分", "Average score by dimension"},
    {"按地区", "By region"},
    {"按类型", "By type"},
    {"地区", "Region"},
    {"类型", "Type"},
    {"数量", "Count"},
    {"工作成效", "Program figures"},
    {"重点关注社会组织", "Flagged organizations"},
    {"判定条件", "Criteria"},
    {"依据数据", "Evidence"},
    {"失分最多的指标", "Most failed indicators"},
    {"各社会组织评价详情", "Organizations in detail"},
    {"状态", "Status"},
    {"得分", "Earned"},
    {"分值", "Points"},
    {"整改建议", "Remediation"},
    {"依据", "Basis"},
    {"豁免事项", "Waived"},
    {"理由", "Reason"},
    {"有效期至", "Expires"},
    {"批准单位", "Approved by"},
    {"可挽回分值", "Points recoverable"},
    {"总分", "Total"},
    {"等级", "Grade"},
    {"数据覆盖率", "Coverage"},
    {"标记", "Flags"},
    {"统一社会信用代码", "USCC"},
    {"名称", "Name"},
    {"登记状态", "Status"},
    {"否决项", "Vetoes"},
    {"扣分项", "Deductions"},
    {"加分项", "Bonuses"},
    {"权重", "Weight"},
    {"平均分", "Average"},
    {"指标", "Indicator"},
    {"规则", "Rule"},
    {"严重程度", "Severity"},
    {"未通过", "Failed"},
    {"部分达标", "Partial"},
    {"数据缺失", "Missing"},
    {"项目", "Item"},
    {"值", "Value"},
    {"报告文件", "Report files"},
    {"主要数据", "Headline figures"},
    {"没有被标记的社会组织。", "No organization is flagged."},
    {"不计豁免的总分", "Total without waivers"},
    {"以下仅列出有问题、被标记、被否决或有豁免事项的社会组织；其余 {} "
     "个社会组织各项指标均已通过或不适用。",
     "Only organizations with findings, flags, vetoes or waivers are shown; the other {} passed "
     "every "
     "applicable indicator."},
    {"维度", "Dimension"},
    {"（未填）", "(none)"},
    {"问题数", "Findings"},
    {"评价规则及依据", "Rules and their basis"},
    {"以下数据按本报告所含的 {} 个社会组织（--org、--region "
     "所选范围）及其记录计算，截至评价基准日。",
     "Computed over the {} organizations this report covers (the --org and --region selection) "
     "and their records, as of the audit date."},
    {"4A级及以上社会组织（等级在有效期内）",
     "Registered organizations with a valid 4A or 5A grade"},
    {"市级及以上品牌社会组织", "Brand organizations (city level or above)"},
    {"省级及以上品牌社会组织", "Brand organizations (province level or above)"},
    {"市级及以上品牌公益项目", "Brand projects (city level or above)"},
    {"市级及以上领军人物", "Leading figures (city level or above)"},
    {"省级及以上领军人物", "Leading figures (province level or above)"},
    {"入选省级百佳范例的单位", "Organizations with a provincial best-practice example"},
    {"市级清廉单元建设示范点", "City integrity demonstration units"},
    {"公益创投项目", "Venture-philanthropy projects"},
    {"公益创投轮次", "Venture-philanthropy rounds"},
    {"公益创投金额（元）", "Venture-philanthropy amount (yuan)"},
    {"廉洁教育培训场次", "Integrity-training sessions"},
    {"约谈行业协会商会", "Industry associations interviewed"},
    {"已清理的僵尸型社会组织", "Dormant organizations cleared (deregistered or revoked)"},
    {"是", "Yes"},
    {"否", "No"},
    {"本项目建议权重", "weight proposed by this project"},
}};

} // namespace

std::string_view ui(Ui key, rules::Lang lang)
{
  const Pair& pair = ui_table[static_cast<std::size_t>(key)];
  return lang == rules::Lang::zh ? pair.first : pair.second;
}

const std::string& label(const rules::Label& text, rules::Lang lang)
{
  return text.get(lang);
}

std::vector<ProgramFigureRow> program_figure_rows(const audit::ProgramFigures& program,
                                                  rules::Lang lang)
{
  std::vector<ProgramFigureRow> rows;
  auto add = [&](Ui key, double value, bool known) {
    if (!known) {
      rows.push_back({key, std::nullopt, std::string(ui(Ui::unknown_figure, lang))});
    } else {
      rows.push_back({key, value,
                      key == Ui::venture_amount
                          ? grouped(value)
                          : fmt::format("{}", static_cast<std::size_t>(value))});
    }
  };
  auto count = [](std::size_t n) { return static_cast<double>(n); };
  add(Ui::high_grade, count(program.high_grade), true);
  add(Ui::brand_orgs, count(program.brand_orgs), program.honors_known);
  add(Ui::brand_orgs_provincial, count(program.brand_orgs_provincial), program.honors_known);
  add(Ui::brand_projects, count(program.brand_projects), program.honors_known);
  add(Ui::leading_figures, count(program.leading_figures), program.honors_known);
  add(Ui::leading_figures_provincial, count(program.leading_figures_provincial),
      program.honors_known);
  add(Ui::best_practices, count(program.best_practices), program.honors_known);
  add(Ui::venture_projects, count(program.venture_projects), program.projects_known);
  add(Ui::venture_rounds, count(program.venture_rounds), program.projects_known);
  add(Ui::venture_amount, program.venture_amount, program.projects_known);
  add(Ui::integrity_trainings, count(program.integrity_trainings), program.activities_known);
  add(Ui::association_interviews, count(program.association_interviews), program.incidents_known);
  add(Ui::dormant_cleared, count(program.dormant_cleared), true);
  return rows;
}

std::string_view status_label(audit::Status status, rules::Lang lang)
{
  constexpr std::array<Pair, 7> names = {{{"通过", "Pass"},
                                          {"部分达标", "Partial"},
                                          {"未通过", "Fail"},
                                          {"数据缺失", "Missing data"},
                                          {"不适用", "Not applicable"},
                                          {"已豁免", "Waived"},
                                          {"计算错误", "Evaluation error"}}};
  const Pair& pair = names[static_cast<std::size_t>(status)];
  return lang == rules::Lang::zh ? pair.first : pair.second;
}

std::string_view criterion_status_label(audit::CriterionStatus status, rules::Lang lang)
{
  constexpr std::array<Pair, 3> names = {
      {{"不符合", "No match"}, {"符合", "Match"}, {"数据缺失", "Missing data"}}};
  const Pair& pair = names[static_cast<std::size_t>(status)];
  return lang == rules::Lang::zh ? pair.first : pair.second;
}

std::string_view severity_label(rules::Severity severity, rules::Lang lang)
{
  constexpr std::array<Pair, 5> names = {
      {{"提示", "Info"}, {"低", "Low"}, {"中", "Medium"}, {"高", "High"}, {"严重", "Critical"}}};
  const Pair& pair = names[static_cast<std::size_t>(severity)];
  return lang == rules::Lang::zh ? pair.first : pair.second;
}

std::string_view rule_kind_label(rules::RuleRef::Kind kind, rules::Lang lang)
{
  constexpr std::array<Pair, 6> names = {{{"指标", "Indicator"},
                                          {"否决项", "Veto"},
                                          {"扣分项", "Deduction"},
                                          {"加分项", "Bonus"},
                                          {"标记", "Flag"},
                                          {"判定条件", "Criterion"}}};
  const Pair& pair = names[static_cast<std::size_t>(kind)];
  return lang == rules::Lang::zh ? pair.first : pair.second;
}

std::string_view display_id(const rules::RuleSet& rules, const rules::RuleRef& ref)
{
  return ref.kind == rules::RuleRef::Kind::flag ? std::string_view()
                                                : std::string_view(rules.info(ref).id);
}

std::string basis_text(const rules::RuleInfo& rule, rules::Lang lang)
{
  if (!rule.proposal) {
    return rule.basis;
  }
  const std::string_view badge = ui(Ui::proposal, lang);
  if (rule.basis.empty()) {
    return std::string(badge);
  }
  return lang == rules::Lang::zh ? fmt::format("{}（{}）", rule.basis, badge)
                                 : fmt::format("{} ({})", rule.basis, badge);
}

std::string_view grade_id(const rules::RuleSet& rules, int grade)
{
  return grade == audit::ungraded
             ? std::string_view("ungraded")
             : std::string_view(rules.grades[static_cast<std::size_t>(grade)].id);
}

std::string_view grade_label(const rules::RuleSet& rules, int grade, rules::Lang lang)
{
  return grade == audit::ungraded
             ? ui(Ui::ungraded, lang)
             : std::string_view(label(rules.grades[static_cast<std::size_t>(grade)].label, lang));
}

std::string table_list(const data::Dataset& dataset, bool absent, rules::Lang lang)
{
  std::string out;
  for (const data::TableData& table : dataset.tables) {
    if (table.absent != absent) {
      continue;
    }
    if (lang == rules::Lang::zh) {
      out += out.empty() ? "" : "、";
      out += table.table->label_zh.empty()
                 ? table.table->name
                 : fmt::format("{}（{}）", table.table->label_zh, table.table->name);
    } else {
      out += out.empty() ? "" : ", ";
      out += table.table->name;
    }
  }
  return out.empty() ? std::string(ui(Ui::none, lang)) : out;
}

std::string region_name(const schema::Schema& schema, std::string_view code, rules::Lang lang)
{
  const schema::Column& region = schema.root_column(schema.root_columns.region);
  if (const schema::ValueLabel* label = region.label_of(code)) {
    const std::string& text = lang == rules::Lang::zh ? label->label_zh : label->label_en;
    if (!text.empty()) {
      return text;
    }
  }
  if (code.empty()) {
    return std::string(ui(Ui::not_given, lang));
  }
  return std::string(code);
}

std::string type_name(const schema::Schema& schema, std::string_view type, rules::Lang lang)
{
  for (const schema::EnumValue& value : schema.root_column(schema.root_columns.type).values) {
    if (value.name == type) {
      return enum_label(value, lang);
    }
  }
  return type.empty() ? std::string(ui(Ui::not_given, lang)) : std::string(type);
}

std::string enum_label(const schema::EnumValue& value, rules::Lang lang)
{
  if (lang == rules::Lang::zh && !value.label_zh.empty()) {
    return value.label_zh;
  }
  return schema::readable_name(value.name);
}

std::string column_label(const schema::Column& column, rules::Lang lang)
{
  if (lang == rules::Lang::zh && !column.label_zh.empty()) {
    return column.label_zh;
  }
  return schema::readable_name(column.name);
}

std::string shorten(std::string_view text, std::size_t limit)
{
  if (code_point_count(text) <= limit) {
    return std::string(text);
  }
  std::string out(text.substr(0, byte_offset_of_code_point(text, limit)));
  out += "…";
  return out;
}

namespace {

// `hundredths` / 100 written with two decimals ("87.50"), or with the
// trailing zeros and point dropped when `trim` ("87.5", "85").
std::string hundredths_text(std::int64_t hundredths, bool trim)
{
  std::string out = hundredths < 0 ? "-" : "";
  const std::uint64_t magnitude = hundredths < 0 ? 0 - static_cast<std::uint64_t>(hundredths)
                                                 : static_cast<std::uint64_t>(hundredths);
  out += std::to_string(magnitude / 100);
  const auto cents = static_cast<unsigned>(magnitude % 100);
  if (trim && cents == 0) {
    return out;
  }
  out += '.';
  out += static_cast<char>('0' + cents / 10);
  if (!trim || cents % 10 != 0) {
    out += static_cast<char>('0' + cents % 10);
  }
  return out;
}

} // namespace

std::string fixed2(double value)
{
  if (std::isnan(value)) {
    return "–";
  }
  // -0.00 would read as a negative score.
  const double rounded = std::round(value * 100.0) / 100.0;
  if (std::fabs(rounded) < 1e13) {
    const auto hundredths = static_cast<std::int64_t>(std::llround(rounded * 100.0));
    if (static_cast<double>(hundredths) / 100.0 == rounded) {
      return hundredths_text(hundredths, false);
    }
  }
  return fmt::format("{:.2f}", rounded == 0 ? 0.0 : rounded);
}

void append_integer(std::string& out, std::int64_t value)
{
  std::array<char, 24> digits{};
  const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
  out.append(digits.data(), static_cast<std::size_t>(end - digits.data()));
}

std::string grouped(double value)
{
  const std::string digits = fmt::format("{:.0f}", std::fabs(std::round(value)));
  std::string out = value <= -0.5 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return out;
}

std::string shortest(double value)
{
  std::string out;
  append_shortest(out, value);
  return out;
}

void append_shortest(std::string& out, double value)
{
  // Scores and points have at most two decimals: when the value is exactly
  // the double nearest some n/100, that decimal is its shortest form.
  if (std::fabs(value) < 1e13) {
    const auto hundredths = static_cast<std::int64_t>(std::llround(value * 100.0));
    if (static_cast<double>(hundredths) / 100.0 == value) {
      out += hundredths_text(hundredths, true);
      return;
    }
  }
  // Anything else (ratios, averages) is first rounded to 15 significant
  // digits, the most a double holds exactly, then printed in its shortest
  // form: 0.9268000000000001 prints as 0.9268, 1e15 as 1000000000000000.
  const double rounded = without_noise(value);
  fmt::format_to(std::back_inserter(out), "{}", rounded == 0 ? 0.0 : rounded);
}

double without_noise(double value)
{
  if (!std::isfinite(value)) {
    return value;
  }
  std::array<char, 32> digits{};
  const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value,
                                 std::chars_format::general, 15)
                       .ptr;
  double rounded = value;
  std::from_chars(digits.data(), end, rounded);
  return rounded;
}

std::string money_text(double value)
{
  return fixed2(value);
}

} // namespace orgaudit::report
