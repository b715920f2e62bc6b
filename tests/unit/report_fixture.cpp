#include "report_fixture.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include <orgaudit/core/date.hpp>
#include <orgaudit/schema/loader.hpp>

namespace orgaudit::test {

namespace {

using audit::Status;
using rules::RuleRef;

schema::Column column(std::string name, std::string label_zh, schema::ColumnType type,
                      std::vector<schema::EnumValue> values = {})
{
  schema::Column c;
  c.name = std::move(name);
  c.label_zh = std::move(label_zh);
  c.type = type;
  c.values = std::move(values);
  return c;
}

// The region names the shipped schema declares (Huzhou's counties), so the
// golden reports name regions as real runs do.
std::vector<schema::ValueLabel> shipped_region_labels()
{
  Diagnostics diagnostics;
  const auto shipped = schema::load_schema(std::string(schema::builtin_schema_path), diagnostics);
  return shipped->root_column(shipped->root_columns.region).labels;
}

std::shared_ptr<schema::Schema> make_schema()
{
  using schema::ColumnType;
  auto s = std::make_shared<schema::Schema>();
  s->id = "fixture";
  schema::Table orgs;
  orgs.name = "organizations";
  orgs.key = "uscc";
  orgs.is_root = true;
  orgs.label_zh = "社会组织";
  orgs.columns = {
      column("uscc", "统一社会信用代码", ColumnType::uscc),
      column("name", "社会组织名称", ColumnType::string),
      column("type", "组织类型", ColumnType::enumeration,
             {{"social_group", {}, "社会团体"},
              {"social_service_agency", {}, "社会服务机构"},
              {"foundation", {}, "基金会"}}),
      column("region", "登记管理机关行政区划代码", ColumnType::string),
      column("status", "登记状态", ColumnType::enumeration,
             {{"active", {}, "正常"}, {"deregistered", {}, "已注销"}, {"revoked", {}, "已撤销"}})};
  schema::Table reports;
  reports.name = "annual_reports";
  reports.key = "uscc";
  reports.label_zh = "年检年报";
  reports.columns = {column("uscc", "统一社会信用代码", ColumnType::uscc),
                     column("year", "年度", ColumnType::integer),
                     column("result", "年检结论", ColumnType::enumeration,
                            {{"qualified", {}, "合格"}, {"unqualified", {}, "不合格"}}),
                     column("revenue", "收入合计", ColumnType::money),
                     column("audited", "财务审计", ColumnType::boolean)};
  schema::Table activities;
  activities.name = "activities";
  activities.label_zh = "活动";
  activities.key = "uscc";
  activities.columns = {column("uscc", "统一社会信用代码", ColumnType::uscc),
                        column("date", "活动日期", ColumnType::date)};
  s->tables = {orgs, reports, activities};
  schema::resolve_root_columns(*s);
  s->tables[0].columns[s->root_columns.region].labels = shipped_region_labels();
  return s;
}

struct OrgRow {
  std::string uscc, name;
  std::uint8_t type;
  std::string region;
  std::uint8_t status;
};

std::vector<OrgRow> org_rows()
{
  const auto& names = fixture_names();
  return {{"51330500MJA000001A", names[0], 0, "330500", 0},
          {"51330502MJA000002B", names[1], 0, "330502", 0},
          {"51330503MJA000003C", names[2], 1, "330503", 0},
          {"51330521MJA000004D", names[3], 1, "330521", 1},
          {"51330522MJA000005E", names[4], 0, "330522", 0},
          {"51330523MJA000006F", names[5], 2, "330523", 0},
          {"52330500MJA000007G", names[6], 1, "330500", 2},
          {"53330502MJA000008H", names[7], 2, "330502", 0},
          {"53330599MJA000009J", names[8], 0, "330599", 0}};
}

std::shared_ptr<data::Dataset> make_dataset(const std::shared_ptr<schema::Schema>& s)
{
  auto d = std::make_shared<data::Dataset>();
  d->schema = s;
  d->path = "tests/data/fixture";
  d->fingerprint = std::make_shared<data::InputFingerprint>(std::string(64, 'd'));
  data::TableData orgs;
  orgs.table = &s->tables[0];
  orgs.source = "organizations.csv";
  orgs.columns.resize(5);
  for (std::size_t c = 0; c < 5; ++c) {
    orgs.columns[c].type = s->tables[0].columns[c].type;
    orgs.columns[c].present = true;
  }
  std::uint32_t line = 2;
  for (const OrgRow& row : org_rows()) {
    orgs.columns[0].push_string(row.uscc);
    orgs.columns[1].push_string(row.name);
    orgs.columns[2].push_code(row.type);
    orgs.columns[3].push_string(row.region);
    orgs.columns[4].push_code(row.status);
    orgs.source_lines.push_back(line);
    line += row.name.find('\n') == std::string::npos ? 1 : 2;
    ++orgs.rows;
  }
  data::TableData reports;
  reports.table = &s->tables[1];
  reports.source = "annual_reports.csv";
  reports.columns.resize(5);
  for (std::size_t c = 0; c < 5; ++c) {
    reports.columns[c].type = s->tables[1].columns[c].type;
  }
  reports.org_begin.assign(orgs.rows + 1, 0);
  // A table the input lacked: the reports list it as absent.
  data::TableData activities;
  activities.table = &s->tables[2];
  activities.absent = true;
  activities.columns.resize(2);
  activities.columns[0].type = schema::ColumnType::uscc;
  activities.columns[1].type = schema::ColumnType::date;
  activities.org_begin.assign(orgs.rows + 1, 0);
  d->tables = {std::move(orgs), std::move(reports), std::move(activities)};
  return d;
}

rules::Label bilingual(std::string zh, std::string en)
{
  return {std::move(zh), std::move(en)};
}

std::shared_ptr<rules::RuleSet> make_ruleset(const std::shared_ptr<schema::Schema>& s)
{
  auto r = std::make_shared<rules::RuleSet>();
  r->id = "fixture-integrity";
  r->version = "2026.1";
  r->title = bilingual("清廉社会组织评价（测试）", "Integrity evaluation (test)");
  r->path = "tests/data/fixture.yaml";
  r->sha256 = std::string(64, 'a');
  r->schema = s;
  r->scale = 100;
  r->bonus_cap = 5;
  r->min_coverage = 0.6;
  r->grades = {{"exemplary", bilingual("清廉示范", "Exemplary"), 90},
               {"good", bilingual("良好", "Good"), 75},
               {"pass", bilingual("合格", "Pass"), 60},
               {"fail", bilingual("不合格", "Fail"), 0}};
  r->veto_grade = 3;
  r->dimensions = {{"institution", bilingual("制度创廉", "Institutions"), 60, {0, 1}},
                   {"finance", bilingual("财务管廉", "Finances"), 40, {2, 3}}};
  auto indicator = [](std::string id, rules::Label text, double points, std::size_t dimension,
                      rules::Severity severity, std::string basis, rules::Label remediation,
                      std::size_t line) {
    rules::Indicator i;
    i.id = std::move(id);
    i.label = std::move(text);
    i.points = points;
    i.dimension = dimension;
    i.severity = severity;
    i.basis = std::move(basis);
    i.remediation = std::move(remediation);
    i.pos = {"tests/data/fixture.yaml", line, 7};
    return i;
  };
  r->indicators = {
      indicator(
          "ZD-01", bilingual("党建入章", "Party-building clause in the charter"), 5, 0,
          rules::Severity::medium, "《关于推进清廉社会组织建设的实施方案》 — 党建入章",
          bilingual("修改章程，写入党建工作内容", "Amend the charter to include party building"),
          20),
      indicator("ZD-02", bilingual("廉洁制度 <建立>", "Integrity policies <adopted>"), 10, 0,
                rules::Severity::high, "项目自定权重",
                bilingual("制定廉洁从业制度", "Adopt an integrity code"), 28),
      indicator("GF-01", bilingual("年检合格", "Annual inspection passed"), 8, 1,
                rules::Severity::high, "《社会团体登记管理条例》第二十八条",
                bilingual("按时参加年检", "Submit the annual report on time"), 36),
      indicator("GF-02", bilingual("审计", "Audited accounts"), 4, 1, rules::Severity::low, "",
                bilingual("", "Have an auditor check the accounts"), 44)};
  rules::Condition veto;
  veto.id = "VETO-01";
  veto.label = bilingual("列入严重违法失信名单", "On the serious-violation list");
  veto.basis = "《社会组织信用信息管理办法》";
  veto.remediation = bilingual("依法整改并申请移出名单", "Correct and apply for removal");
  veto.severity = rules::Severity::critical;
  veto.pos = {"tests/data/fixture.yaml", 52, 5};
  r->vetoes = {veto};
  rules::Condition deduction;
  deduction.id = "KF-01";
  deduction.label = bilingual("受到警告处罚", "Warned");
  deduction.points = 2;
  deduction.severity = rules::Severity::medium;
  r->deductions = {deduction};
  rules::Condition bonus;
  bonus.id = "JF-01";
  bonus.label = bilingual("品牌社会组织", "Brand organization");
  bonus.points = 1;
  bonus.severity = rules::Severity::info;
  r->bonuses = {bonus};
  rules::Flag dormant;
  dormant.id = "dormant";
  dormant.label = bilingual("僵尸型社会组织", "Dormant (\"zombie\") organization");
  dormant.severity = rules::Severity::high;
  dormant.remediation = bilingual("核查后依法撤销登记", "Verify and deregister");
  // Criteria have their flag's severity and remediation, as rules::compile gives them.
  auto criterion = [&dormant](std::string id, rules::Label text) {
    rules::Criterion c;
    c.id = std::move(id);
    c.label = std::move(text);
    c.severity = dormant.severity;
    c.remediation = dormant.remediation;
    return c;
  };
  dormant.criteria = {
      criterion("Z1", bilingual("连续两年未年检", "No annual report for two years")),
      criterion("Z2", bilingual("无活动记录", "No recorded activity"))};
  r->flags = {dormant};
  return r;
}

// Evidence for every indicator of every organization: a root cell, and two
// child rows for GF-01 so the JSON shows rows grouped by line.
class FixtureEvidence : public audit::EvidenceSource {
 public:
  std::vector<audit::EvidenceCell> evidence(std::size_t position,
                                            const RuleRef& rule) const override
  {
    using Kind = audit::EvidenceCell::Kind;
    std::vector<audit::EvidenceCell> cells;
    audit::EvidenceCell status;
    status.table = "organizations";
    status.line = static_cast<std::uint32_t>(position + 2);
    status.column = "status";
    status.kind = Kind::text;
    status.text = "active";
    cells.push_back(status);
    if (rule.kind == RuleRef::Kind::indicator && rule.index == 2) {
      for (std::uint32_t line : {3u, 4u}) {
        audit::EvidenceCell year{"annual_reports", line, "year", Kind::integer, false,
                                 2026 - line,      0,    ""};
        audit::EvidenceCell result{"annual_reports",
                                   line,
                                   "result",
                                   Kind::text,
                                   false,
                                   0,
                                   0,
                                   line == 3 ? "qualified" : "<unqualified>"};
        cells.push_back(year);
        cells.push_back(result);
      }
    }
    if (rule.kind == RuleRef::Kind::flag) {
      cells.push_back({"organizations", status.line, "name", Kind::null, false, 0, 0, ""});
      cells.push_back({"annual_reports", 7, "revenue", Kind::money, false, 0, 1234.5, ""});
      cells.push_back({"annual_reports", 7, "audited", Kind::boolean, true, 0, 0, ""});
    }
    return cells;
  }

  // A criterion read a labelled date and the first child table, which is empty.
  audit::RuleFacts facts(std::size_t /*position*/, const RuleRef& rule) const override
  {
    static const rules::Label cut_off{"活动截止日", "Activity cut-off date"};
    audit::RuleFacts facts;
    if (rule.kind == RuleRef::Kind::criterion) {
      expr::Outcome value;
      value.kind = expr::Outcome::Kind::value;
      value.date = parse_date("2024-01-01").value();
      facts.values.push_back({"cut_off", &cut_off, expr::Type::of(expr::Kind::date), value});
      facts.empty_tables.push_back(1);
    }
    return facts;
  }
};

struct OrgScores {
  double total, total_without_waivers, coverage;
  int grade;
  bool vetoed;
  std::vector<std::pair<Status, double>> indicators;
  std::vector<double> dimensions;
  bool veto, deduction, bonus, dormant;
  std::vector<audit::CriterionStatus> criteria;
};

} // namespace

const std::vector<std::string>& fixture_names()
{
  static const std::vector<std::string> names = [] {
    std::string long_name;
    for (int i = 0; i < 2500; ++i) {
      long_name += "湖州";
    }
    return std::vector<std::string>{"湖州市电梯行业协会",
                                    "<script>alert(1)</script>",
                                    "\"><img src=x onerror=alert(1)>",
                                    "=HYPERLINK(\"http://x\",\"y\")",
                                    "+86 商会, \"甲\"",
                                    "-减号|管道`代码`协会",
                                    "@基金会\n第二行",
                                    "\t制表符基金会",
                                    long_name};
  }();
  return names;
}

ReportFixture make_report_fixture()
{
  using CS = audit::CriterionStatus;
  ReportFixture f;
  f.schema = make_schema();
  f.dataset = make_dataset(f.schema);
  f.ruleset = make_ruleset(f.schema);
  audit::Results& r = f.results;
  r.ruleset = f.ruleset;
  r.dataset = f.dataset;
  r.as_of = *make_date(2026, 11, 27);
  const double nan = std::nan("");
  const std::vector<OrgScores> scores = {
      {96,
       96,
       1,
       0,
       false,
       {{Status::pass, 5}, {Status::pass, 10}, {Status::pass, 8}, {Status::pass, 4}},
       {60, 40},
       false,
       false,
       true,
       false,
       {CS::no_match, CS::no_match}},
      {40.5,
       40.5,
       1,
       3,
       false,
       {{Status::partial, 2.5}, {Status::fail, 0}, {Status::pass, 8}, {Status::fail, 0}},
       {10, 26.67},
       false,
       true,
       false,
       true,
       {CS::match, CS::missing}},
      {90,
       82.5,
       1,
       3,
       true,
       {{Status::pass, 5}, {Status::pass, 10}, {Status::waived, 0}, {Status::pass, 4}},
       {60, 40},
       true,
       false,
       false,
       false,
       {CS::no_match, CS::no_match}},
      {20,
       20,
       0.3429,
       -1,
       false,
       {{Status::missing, 0}, {Status::missing, 0}, {Status::pass, 8}, {Status::not_applicable, 0}},
       {0, 40},
       false,
       false,
       false,
       false,
       {CS::missing, CS::no_match}},
      {78.25,
       78.25,
       1,
       1,
       false,
       {{Status::pass, 5}, {Status::partial, 7}, {Status::pass, 8}, {Status::error, 0}},
       {48, 26.67},
       false,
       false,
       false,
       false,
       {CS::no_match, CS::no_match}},
      {96,
       96,
       1,
       0,
       false,
       {{Status::pass, 5}, {Status::partial, 8}, {Status::pass, 8}, {Status::not_applicable, 0}},
       {56, 40},
       false,
       false,
       false,
       false,
       {CS::no_match, CS::no_match}},
      {61,
       61,
       1,
       2,
       false,
       {{Status::pass, 5}, {Status::partial, 5}, {Status::fail, 0}, {Status::pass, 4}},
       {40, 13.33},
       false,
       false,
       false,
       true,
       {CS::no_match, CS::match}},
      {75,
       75,
       1,
       1,
       false,
       {{Status::not_applicable, 0},
        {Status::not_applicable, 0},
        {Status::pass, 8},
        {Status::partial, 2}},
       {nan, 30},
       false,
       false,
       false,
       false,
       {CS::no_match, CS::no_match}},
      {75,
       75,
       1,
       1,
       false,
       {{Status::pass, 5}, {Status::pass, 10}, {Status::fail, 0}, {Status::pass, 4}},
       {60, 13.33},
       false,
       false,
       false,
       false,
       {CS::no_match, CS::no_match}}};
  r.resize(scores.size());
  for (std::size_t o = 0; o < scores.size(); ++o) {
    const OrgScores& s = scores[o];
    audit::OrgResult& org = r.organizations[o];
    org.org = static_cast<std::uint32_t>(o);
    org.total = s.total;
    org.total_without_waivers = s.total_without_waivers;
    org.coverage = s.coverage;
    org.grade = s.grade;
    org.grade_without_waivers = s.grade;
    org.vetoed = s.vetoed;
    if (o == 2) {
      org.waived.push_back({"GF-01", "2025年新登记，首个年检年度未到 <待核>",
                            "湖州市民政局社会组织管理处", *make_date(2027, 6, 30)});
    }
    for (std::size_t i = 0; i < s.indicators.size(); ++i) {
      r.indicator_results.at(o, i) = {s.indicators[i].first, s.indicators[i].second};
    }
    std::copy(s.dimensions.begin(), s.dimensions.end(), r.dimension_scores.row(o).begin());
    r.vetoes_held.at(o, 0) = s.veto ? 1 : 0;
    r.deductions_held.at(o, 0) = s.deduction ? 1 : 0;
    r.bonuses_held.at(o, 0) = s.bonus ? 1 : 0;
    r.flags_raised.at(o, 0) = s.dormant ? 1 : 0;
    std::copy(s.criteria.begin(), s.criteria.end(), r.criteria.row(o).begin());
  }
  r.divisions_by_zero.assign(f.ruleset->indicators.size(), 0);

  f.evidence = std::make_unique<FixtureEvidence>();
  f.program.organizations = r.organizations.size();
  f.program.high_grade = 2;
  f.program.brand_orgs = 3;
  f.program.brand_orgs_provincial = 1;
  f.program.brand_projects = 4;
  f.program.leading_figures = 5;
  f.program.leading_figures_provincial = 2;
  f.program.best_practices = 1;
  f.program.demonstration_units = {"<script>alert(1)</script>", "湖州市电梯行业协会"};
  f.program.venture_projects = 6;
  f.program.venture_rounds = 2;
  f.program.venture_amount = 260000.5;
  f.program.integrity_trainings = 9;
  f.program.association_interviews = 1;
  f.program.dormant_cleared = 2;

  f.options.lang = rules::Lang::zh;
  f.options.tool_version = "TEST";
  f.options.evidence = f.evidence.get();
  f.options.make_evidence = [] { return std::make_unique<FixtureEvidence>(); };
  f.options.program = &f.program;
  f.options.recoverable = [](std::size_t position) {
    // Position 1 (the <script> organization) has three indicators to recover.
    std::vector<audit::Recoverable> gains;
    if (position == 1) {
      gains = {{1, 15.0}, {3, 8.0}, {0, 1.5}};
    } else if (position == 6) {
      gains = {{2, 12.0}, {1, 3.0}};
    }
    return gains;
  };
  return f;
}

bool matches_golden(const std::string& name, const std::string& actual, bool binary)
{
  const std::string path = std::string(ORGAUDIT_TEST_DATA) + "/report/" + name;
  const char* update = std::getenv("ORGAUDIT_UPDATE_GOLDEN");
  if (update != nullptr && std::string_view(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream expected;
  expected << in.rdbuf();
  if (expected.str() == actual) {
    return true;
  }
  if (binary) {
    std::cerr << "--- " << path << " differs: " << expected.str().size() << " bytes expected, "
              << actual.size() << " actual (ORGAUDIT_UPDATE_GOLDEN=1 rewrites it)\n";
    return false;
  }
  std::cerr << "--- " << path << " differs; actual output (" << actual.size() << " bytes):\n"
            << actual.substr(0, 20000)
            << "\n--- end of actual output (ORGAUDIT_UPDATE_GOLDEN=1 rewrites it)\n";
  return false;
}

} // namespace orgaudit::test
