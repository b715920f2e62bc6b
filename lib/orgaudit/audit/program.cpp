#include <orgaudit/audit/program.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string_view>

#include <orgaudit/core/grade_validity.hpp>

namespace orgaudit::audit {

namespace {

using data::ColumnData;
using data::Dataset;
using data::TableData;

// A table's column looked up by name, with the codes of the enum values the
// figures need; a missing table or column reads as all null.
class ColumnRef {
 public:
  ColumnRef(const TableData* table, std::string_view name)
  {
    if (table == nullptr || table->table == nullptr) {
      return;
    }
    const auto index = table->table->column_index(name);
    if (!index || *index >= table->columns.size() || !table->columns[*index].present) {
      return;
    }
    m_column = &table->columns[*index];
    m_schema = &table->table->columns[*index];
  }

  bool usable() const { return m_column != nullptr; }
  const ColumnData& data() const { return *m_column; }

  // The code of canonical value `value`, or null_code if the enum lacks it.
  std::uint8_t code(std::string_view value) const
  {
    if (m_schema == nullptr) {
      return data::null_code;
    }
    for (std::size_t i = 0; i < m_schema->values.size(); ++i) {
      if (m_schema->values[i].name == value) {
        return static_cast<std::uint8_t>(i);
      }
    }
    return data::null_code;
  }

  // The set of codes of `values` (an enum column), for in(): resolved once,
  // so the loops over rows compare small integers only.
  std::uint64_t mask(std::initializer_list<std::string_view> values) const
  {
    std::uint64_t result = 0;
    for (const std::string_view value : values) {
      const std::uint8_t c = code(value);
      if (c < 64) {
        result |= std::uint64_t{1} << c;
      }
    }
    return result;
  }

  // True if row `row` holds one of the codes in `codes` (from mask()).
  bool in(std::size_t row, std::uint64_t codes) const
  {
    if (m_column == nullptr) {
      return false;
    }
    const std::uint8_t actual = m_column->code_at(row);
    return actual < 64 && ((codes >> actual) & 1) != 0;
  }

 private:
  const ColumnData* m_column = nullptr;
  const schema::Column* m_schema = nullptr;
};

const TableData* find_table(const Dataset& dataset, std::string_view name)
{
  if (!dataset.schema) {
    return nullptr;
  }
  const auto index = dataset.schema->table_index(name);
  if (!index || *index >= dataset.tables.size()) {
    return nullptr;
  }
  return &dataset.tables[*index];
}

// The organization index of every row of a child table: from its grouping
// when the loader grouped it, else by looking its uscc up.
std::vector<std::size_t> owners(const Dataset& dataset, const TableData& table)
{
  std::vector<std::size_t> result(table.rows, dataset.organization_count());
  if (table.org_begin.size() == dataset.organization_count() + 1) {
    for (std::size_t org = 0; org < dataset.organization_count(); ++org) {
      for (std::size_t row = table.org_begin[org]; row < table.org_begin[org + 1]; ++row) {
        result[row] = org;
      }
    }
    return result;
  }
  const ColumnRef uscc(&table, "uscc");
  for (std::size_t row = 0; uscc.usable() && row < table.rows; ++row) {
    if (const auto org = dataset.find_organization(uscc.data().string_at(row))) {
      result[row] = *org;
    }
  }
  return result;
}

// The organization index of every row of a child table whose organization is
// selected; organization_count() for the others.
std::vector<std::size_t> selected_owners(const Dataset& dataset, const TableData& table,
                                         const std::vector<bool>& selected)
{
  auto owner = owners(dataset, table);
  for (std::size_t& org : owner) {
    if (org < selected.size() && !selected[org]) {
      org = dataset.organization_count();
    }
  }
  return owner;
}

void count_honors(const Dataset& dataset, const std::vector<bool>& selected,
                  ProgramFigures& figures)
{
  const TableData* honors = find_table(dataset, "honors");
  if (honors == nullptr || honors->rows == 0) {
    return;
  }
  const ColumnRef kind(honors, "kind");
  const ColumnRef level(honors, "level");
  const ColumnRef name(find_table(dataset, "organizations"), "name");
  const auto owner = selected_owners(dataset, *honors, selected);
  std::set<std::size_t> brand_orgs;
  std::set<std::size_t> brand_orgs_provincial;
  std::set<std::size_t> best_practices;
  std::set<std::string> units;
  const auto city_up_levels = level.mask({"city", "province", "national"});
  const auto province_up_levels = level.mask({"province", "national"});
  const auto province_level = level.mask({"province"});
  const auto city_level = level.mask({"city"});
  const auto brand_org = kind.mask({"brand_org"});
  const auto brand_project = kind.mask({"brand_project"});
  const auto leading_figure = kind.mask({"leading_figure"});
  const auto best_practice = kind.mask({"best_practice"});
  const auto demo_unit = kind.mask({"integrity_demo_unit"});
  // 市级及以上品牌社会组织133家、品牌公益项目123个、领军人物105名: "city level or above"
  // qualifies all three; 8家单位 are organizations, not honors.
  for (std::size_t row = 0; row < honors->rows; ++row) {
    if (owner[row] >= dataset.organization_count()) {
      continue;
    }
    const bool city_up = level.in(row, city_up_levels);
    const bool province_up = level.in(row, province_up_levels);
    if (kind.in(row, brand_org)) {
      if (city_up) {
        brand_orgs.insert(owner[row]);
      }
      if (province_up) {
        brand_orgs_provincial.insert(owner[row]);
      }
    } else if (kind.in(row, brand_project)) {
      figures.brand_projects += city_up ? 1 : 0;
    } else if (kind.in(row, leading_figure)) {
      figures.leading_figures += city_up ? 1 : 0;
      figures.leading_figures_provincial += province_up ? 1 : 0;
    } else if (kind.in(row, best_practice)) {
      if (level.in(row, province_level)) {
        best_practices.insert(owner[row]);
      }
    } else if (kind.in(row, demo_unit) && level.in(row, city_level) && name.usable()) {
      units.emplace(name.data().string_at(owner[row]));
    }
  }
  figures.brand_orgs = brand_orgs.size();
  figures.brand_orgs_provincial = brand_orgs_provincial.size();
  figures.best_practices = best_practices.size();
  figures.demonstration_units.assign(units.begin(), units.end());
}

void count_ventures(const Dataset& dataset, const std::vector<bool>& selected,
                    ProgramFigures& figures)
{
  const TableData* projects = find_table(dataset, "projects");
  if (projects == nullptr) {
    return;
  }
  const ColumnRef source(projects, "source");
  const ColumnRef year(projects, "year");
  const ColumnRef amount(projects, "amount");
  const auto owner = selected_owners(dataset, *projects, selected);
  std::set<std::int64_t> rounds;
  const auto venture = source.mask({"venture_philanthropy"});
  for (std::size_t row = 0; row < projects->rows; ++row) {
    if (!source.in(row, venture) || owner[row] >= dataset.organization_count()) {
      continue;
    }
    ++figures.venture_projects;
    if (year.usable() && !year.data().is_null(row)) {
      rounds.insert(year.data().int_at(row));
    }
    if (amount.usable() && !amount.data().is_null(row)) {
      figures.venture_amount += amount.data().number_at(row);
    }
  }
  figures.venture_rounds = rounds.size();
}

// The organizations counted as "on the register, graded 4A+ with a valid
// grade on as_of" and as "closed as dormant by as_of".
void count_organizations(const TableData& organizations, const std::vector<bool>& selected,
                         Date as_of, ProgramFigures& figures)
{
  const ColumnRef status(&organizations, "status");
  const ColumnRef closed_on(&organizations, "closed_on");
  const ColumnRef closed_reason(&organizations, "closed_reason");
  const ColumnRef grade(&organizations, "grade");
  const ColumnRef awarded(&organizations, "grade_awarded_on");
  const auto active = status.mask({"active"});
  const auto dormant = closed_reason.mask({"dormant"});
  const auto high = grade.mask({"4A", "5A"});
  const auto date_at = [](const ColumnRef& column, std::size_t row) -> std::optional<Date> {
    if (!column.usable() || column.data().is_null(row)) {
      return std::nullopt;
    }
    return column.data().date_at(row);
  };
  for (std::size_t org = 0; org < organizations.rows; ++org) {
    if (!selected[org]) {
      continue;
    }
    const auto closed = date_at(closed_on, org);
    const bool on_register = status.in(org, active) || (closed && *closed > as_of);
    const auto award = date_at(awarded, org);
    if (on_register && grade.in(org, high) && award && grade_valid_on(*award, as_of)) {
      ++figures.high_grade;
    }
    if (closed_reason.in(org, dormant) && closed && *closed <= as_of) {
      ++figures.dormant_cleared;
    }
  }
}

} // namespace

ProgramFigures compute_program_figures(const Results& results)
{
  ProgramFigures figures;
  const Dataset& dataset = *results.dataset;
  const TableData* organizations = find_table(dataset, "organizations");
  if (organizations == nullptr) {
    return figures;
  }
  std::vector<bool> selected(dataset.organization_count(), false);
  for (const OrgResult& org : results.organizations) {
    selected[org.org] = true;
  }
  figures.organizations = results.organizations.size();
  const auto known = [&dataset](std::string_view name) {
    const TableData* table = find_table(dataset, name);
    return table != nullptr && !table->absent;
  };
  figures.honors_known = known("honors");
  figures.projects_known = known("projects");
  figures.activities_known = known("activities");
  figures.incidents_known = known("incidents");
  count_organizations(*organizations, selected, results.as_of, figures);
  count_honors(dataset, selected, figures);
  count_ventures(dataset, selected, figures);

  if (const TableData* activities = find_table(dataset, "activities")) {
    // A session is a date: every organization whose leader attended it
    // records its own activity row.
    const ColumnRef kind(activities, "kind");
    const ColumnRef date(activities, "date");
    const auto owner = selected_owners(dataset, *activities, selected);
    const auto training = kind.mask({"integrity_training"});
    std::set<std::int32_t> sessions;
    for (std::size_t row = 0; row < activities->rows; ++row) {
      if (kind.in(row, training) && owner[row] < dataset.organization_count() && date.usable() &&
          !date.data().is_null(row)) {
        sessions.insert(date.data().date_at(row).days);
      }
    }
    figures.integrity_trainings = sessions.size();
  }
  if (const TableData* incidents = find_table(dataset, "incidents")) {
    const ColumnRef kind(incidents, "kind");
    const ColumnRef association(organizations, "industry_association");
    const auto owner = selected_owners(dataset, *incidents, selected);
    std::set<std::size_t> interviewed;
    const auto interview = kind.mask({"interview"});
    for (std::size_t row = 0; row < incidents->rows; ++row) {
      const std::size_t org = owner[row];
      if (kind.in(row, interview) && org < dataset.organization_count() && association.usable() &&
          !association.data().is_null(org) && association.data().bool_at(org)) {
        interviewed.insert(org);
      }
    }
    figures.association_interviews = interviewed.size();
  }
  return figures;
}

} // namespace orgaudit::audit
