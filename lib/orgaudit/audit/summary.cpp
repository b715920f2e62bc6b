#include <orgaudit/audit/summary.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

namespace orgaudit::audit {

namespace {

// The text of a region cell whatever type the schema gives the column (a
// 6-digit code is a string in the shipped schema, but a county may type it int).
struct GroupTotals {
  std::size_t organizations = 0;
  double total = 0;
  std::vector<std::size_t> grades;
};

void add_to_group(GroupTotals& group, const OrgResult& org, std::size_t grade_count)
{
  if (group.grades.empty()) {
    group.grades.assign(grade_count + 1, 0);
  }
  ++group.organizations;
  group.total += org.total;
  ++group.grades[org.grade == ungraded ? grade_count : static_cast<std::size_t>(org.grade)];
}

GroupSummary finish_group(std::string key, const GroupTotals& group)
{
  GroupSummary summary;
  summary.key = std::move(key);
  summary.organizations = group.organizations;
  summary.mean_total =
      group.organizations == 0 ? 0 : round2(group.total / static_cast<double>(group.organizations));
  summary.grades = group.grades;
  return summary;
}

} // namespace

Summary summarize(const Results& results)
{
  const rules::RuleSet& rules = *results.ruleset;
  const data::TableData& orgs = results.dataset->organizations();
  const std::size_t grade_count = rules.grades.size();
  Summary summary;
  summary.organizations = results.size();
  summary.grades.assign(grade_count + 1, 0);
  summary.flags.assign(rules.flags.size(), 0);

  const schema::RootColumns& root = results.dataset->schema->root_columns;
  std::map<std::string, GroupTotals> regions;
  std::vector<GroupTotals> types(orgs.table->columns[root.type].values.size());
  GroupTotals untyped;

  std::vector<double> dimension_sums(rules.dimensions.size(), 0.0);
  std::vector<std::size_t> dimension_counts(rules.dimensions.size(), 0);
  std::vector<IndicatorFailures> failures(rules.indicators.size());
  double total = 0;

  for (std::size_t o = 0; o < results.size(); ++o) {
    const OrgResult& org = results.organizations[o];
    total += org.total;
    ++summary.grades[org.grade == ungraded ? grade_count : static_cast<std::size_t>(org.grade)];
    summary.vetoed += org.vetoed ? 1 : 0;
    summary.waivers += org.waived.size();
    bool flagged = false;
    for (std::size_t f = 0; f < rules.flags.size(); ++f) {
      if (results.flag_raised(o, f)) {
        ++summary.flags[f];
        flagged = true;
      }
    }
    summary.flagged += flagged ? 1 : 0;
    for (std::size_t d = 0; d < rules.dimensions.size(); ++d) {
      const double score = results.dimension_score(o, d);
      if (!std::isnan(score)) {
        dimension_sums[d] += score;
        ++dimension_counts[d];
      }
    }
    for (std::size_t i = 0; i < rules.indicators.size(); ++i) {
      const Status status = results.indicator(o, i).status;
      if (status == Status::fail || status == Status::error) {
        ++failures[i].failed;
      } else if (status == Status::partial) {
        ++failures[i].partial;
      } else if (status == Status::missing) {
        ++failures[i].missing;
      }
    }
    add_to_group(regions[data::key_text(orgs, root.region, org.org).value_or("")], org,
                 grade_count);
    const data::ColumnData& type_cells = orgs.columns[root.type];
    if (type_cells.present && !type_cells.is_null(org.org)) {
      add_to_group(types[type_cells.code_at(org.org)], org, grade_count);
    } else {
      add_to_group(untyped, org, grade_count);
    }
  }

  summary.mean_total =
      results.size() == 0 ? 0 : round2(total / static_cast<double>(results.size()));
  summary.dimension_means.resize(rules.dimensions.size());
  for (std::size_t d = 0; d < rules.dimensions.size(); ++d) {
    summary.dimension_means[d] = dimension_counts[d] == 0
                                     ? std::nan("")
                                     : dimension_sums[d] / static_cast<double>(dimension_counts[d]);
  }
  for (const auto& [code, group] : regions) {
    summary.by_region.push_back(finish_group(code, group));
  }
  for (std::size_t t = 0; t < types.size(); ++t) {
    if (types[t].organizations > 0) {
      summary.by_type.push_back(
          finish_group(orgs.table->columns[root.type].values[t].name, types[t]));
    }
  }
  if (untyped.organizations > 0) {
    summary.by_type.push_back(finish_group("", untyped));
  }
  for (std::size_t i = 0; i < failures.size(); ++i) {
    failures[i].indicator = i;
    if (failures[i].total() > 0) {
      summary.most_failed.push_back(failures[i]);
    }
  }
  std::stable_sort(
      summary.most_failed.begin(), summary.most_failed.end(),
      [](const IndicatorFailures& a, const IndicatorFailures& b) { return a.total() > b.total(); });
  return summary;
}

} // namespace orgaudit::audit
