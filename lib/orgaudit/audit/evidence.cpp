#include <orgaudit/audit/evidence.hpp>

#include <algorithm>
#include <cmath>

#include <orgaudit/audit/scoring.hpp>
#include <orgaudit/expr/reads.hpp>

namespace orgaudit::audit {

namespace {

EvidenceCell make_cell(const data::Dataset& dataset, const expr::CellRead& read)
{
  const data::TableData& table = dataset.tables[read.table];
  const schema::Column& column = table.table->columns[read.column];
  const data::ColumnData& data = table.columns[read.column];
  EvidenceCell cell;
  cell.table = table.table->name;
  cell.line = read.row < table.source_lines.size() ? table.source_lines[read.row] : 0;
  cell.column = column.name;
  if (!data.present || data.is_null(read.row)) {
    return cell;
  }
  using schema::ColumnType;
  switch (column.type) {
  case ColumnType::integer:
    cell.kind = EvidenceCell::Kind::integer;
    cell.integer = data.int_at(read.row);
    break;
  case ColumnType::number:
  case ColumnType::money:
    cell.kind =
        column.type == ColumnType::money ? EvidenceCell::Kind::money : EvidenceCell::Kind::number;
    cell.number = data.number_at(read.row);
    break;
  case ColumnType::boolean:
    cell.kind = EvidenceCell::Kind::boolean;
    cell.boolean = data.bool_at(read.row);
    break;
  case ColumnType::date:
    cell.kind = EvidenceCell::Kind::date;
    cell.date = data.date_at(read.row);
    break;
  case ColumnType::enumeration:
    cell.kind = EvidenceCell::Kind::text;
    cell.text = column.values[data.code_at(read.row)].name;
    break;
  case ColumnType::string:
  case ColumnType::uscc:
    cell.kind = EvidenceCell::Kind::text;
    cell.text = data.string_at(read.row);
    break;
  }
  return cell;
}

// Calls `visit` with each expression that decides `rule`: an indicator's
// applies: and pass:/score:, a condition's or criterion's when:, every
// criterion of a flag.
template <typename Visit>
void for_each_expression(const rules::RuleSet& set, const rules::RuleRef& rule, Visit visit)
{
  using Kind = rules::RuleRef::Kind;
  switch (rule.kind) {
  case Kind::indicator: {
    const rules::Indicator& indicator = set.indicators[rule.index];
    if (indicator.applies) {
      visit(*indicator.applies);
    }
    visit(indicator.pass ? *indicator.pass : *indicator.score);
    break;
  }
  case Kind::veto:
    visit(set.vetoes[rule.index].when);
    break;
  case Kind::deduction:
    visit(set.deductions[rule.index].when);
    break;
  case Kind::bonus:
    visit(set.bonuses[rule.index].when);
    break;
  case Kind::flag:
    for (const auto& criterion : set.flags[rule.index].criteria) {
      visit(criterion.when);
    }
    break;
  case Kind::criterion:
    visit(set.flags[rule.index].criteria[rule.criterion].when);
    break;
  }
}

} // namespace

TracingEvidence::TracingEvidence(const Results& results)
    : m_results(results),
      m_evaluator(std::make_unique<expr::Evaluator>(*results.dataset, results.as_of))
{
}

TracingEvidence::~TracingEvidence() = default;

std::vector<EvidenceCell> TracingEvidence::evidence(std::size_t position,
                                                    const rules::RuleRef& rule) const
{
  const rules::RuleSet& set = *m_results.ruleset;
  const std::size_t org = m_results.organizations[position].org;
  expr::Evidence& reads = m_reads;
  reads.reads.clear();
  for_each_expression(set, rule, [&](const rules::Expression& expression) {
    if (expression.program) {
      m_evaluator->evaluate(*expression.program, org, &reads);
    }
  });
  std::sort(reads.reads.begin(), reads.reads.end());
  reads.reads.erase(std::unique(reads.reads.begin(), reads.reads.end()), reads.reads.end());
  std::vector<EvidenceCell> cells;
  cells.reserve(reads.reads.size());
  for (const expr::CellRead& read : reads.reads) {
    cells.push_back(make_cell(*m_results.dataset, read));
  }
  return cells;
}

RuleFacts TracingEvidence::facts(std::size_t position, const rules::RuleRef& rule) const
{
  const rules::RuleSet& set = *m_results.ruleset;
  const data::Dataset& dataset = *m_results.dataset;
  const std::size_t org = m_results.organizations[position].org;
  expr::ProgramReads reads;
  const expr::Program* any = nullptr;
  for_each_expression(set, rule, [&](const rules::Expression& expression) {
    if (expression.program) {
      expr::add_reads(*expression.program, reads);
      any = expression.program.get();
    }
  });
  RuleFacts facts;
  for (const std::uint32_t let : reads.lets) {
    const auto label = set.let_labels.find(set.lets[let].first);
    if (label == set.let_labels.end() || any == nullptr || let >= any->lets.size()) {
      continue;
    }
    const expr::Program& program = *any->lets[let];
    facts.values.push_back(
        {set.lets[let].first, &label->second, program.type, m_evaluator->evaluate(program, org)});
  }
  for (const std::uint32_t table : reads.tables) {
    if (dataset.tables[table].absent) {
      continue;
    }
    const auto [begin, end] = dataset.child_rows(table, org);
    if (begin == end) {
      facts.empty_tables.push_back(table);
    }
  }
  return facts;
}

std::vector<Recoverable> points_recoverable(const Results& results, std::size_t position)
{
  const rules::RuleSet& set = *results.ruleset;
  const auto row = results.indicator_results.row(position);
  std::vector<IndicatorResult> indicators(row.begin(), row.end());
  const auto vetoes = results.vetoes_held.row(position);
  const auto bonuses = results.bonuses_held.row(position);
  const auto deductions = results.deductions_held.row(position);
  std::vector<double> dimensions(set.dimensions.size());
  const double current = results.organizations[position].total;
  std::vector<Recoverable> out;
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    if (!is_finding(indicators[i].status)) {
      continue;
    }
    const IndicatorResult saved = indicators[i];
    indicators[i] = {Status::pass, set.indicators[i].points};
    const double total =
        compute_score(set, indicators, vetoes, bonuses, deductions, dimensions).total;
    indicators[i] = saved;
    const double gain = round2(total - current);
    if (gain > 0) {
      out.push_back({i, gain});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Recoverable& a, const Recoverable& b) { return a.gain > b.gain; });
  return out;
}

} // namespace orgaudit::audit
