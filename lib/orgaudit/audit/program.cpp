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

// The tables, columns and enum values the figures read (SPEC §2.1's names for
// the Huzhou article's figures), declared once; the organizations' uscc, name
// and status come from the schema's root columns.
struct FigureNames {
  // organizations: columns, then enum values
  std::string_view industry_association = "industry_association", closed_on = "closed_on",
                   closed_reason = "closed_reason", grade = "grade",
                   grade_awarded_on = "grade_awarded_on";
  std::string_view active = "active", dormant = "dormant", grade_4a = "4A", grade_5a = "5A";
  // honors
  std::string_view honors = "honors", honor_kind = "kind", level = "level";
  std::string_view city = "city", province = "province", national = "national";
  std::string_view brand_org = "brand_org", brand_project = "brand_project",
                   leading_figure = "leading_figure", best_practice = "best_practice",
                   demonstration_unit = "integrity_demo_unit";
  // projects
  std::string_view projects = "projects", source = "source", year = "year", amount = "amount",
                   venture = "venture_philanthropy";
  // activities
  std::string_view activities = "activities", activity_kind = "kind", date = "date",
                   integrity_training = "integrity_training";
  // incidents
  std::string_view incidents = "incidents", incident_kind = "kind", interview = "interview";
};

constexpr FigureNames names;

// A table's column looked up by name, with the codes of the enum values the
// figures need; a missing table or column reads as all null.
class ColumnRef {
 public:
  ColumnRef(const TableData* table, std::string_view name)
      : ColumnRef(table, table == nullptr || table->table == nullptr
                             ? std::nullopt
                             : table->table->column_index(name))
  {
  }

  ColumnRef(const TableData* table, std::optional<std::size_t> index)
  {
    if (table == nullptr || table->table == nullptr || !index || *index >= table->columns.size() ||
        !table->columns[*index].present) {
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
  const ColumnRef uscc(&table, table.table->key);
  for (std::size_t row = 0; uscc.usable() && row < table.rows; ++row) {
    if (const auto org = dataset.find_organization(uscc.data().string_at(row))) {
      result[row] = *org;
    }
  }
  return result;
}

// A child table's rows with the organization each belongs to, or
// organization_count() for a row whose organization is not selected.
struct ChildRows {
  const TableData* table = nullptr;
  std::vector<std::size_t> owner;
  std::size_t none = 0; // organization_count()

  std::size_t rows() const { return table == nullptr ? 0 : table->rows; }
  bool selected(std::size_t row) const { return owner[row] < none; }
  ColumnRef column(std::string_view name) const { return ColumnRef(table, name); }
};

ChildRows child_rows(const Dataset& dataset, std::string_view name,
                     const std::vector<bool>& selected)
{
  ChildRows result;
  result.none = dataset.organization_count();
  result.table = find_table(dataset, name);
  if (result.table == nullptr) {
    return result;
  }
  result.owner = owners(dataset, *result.table);
  for (std::size_t& org : result.owner) {
    if (org < selected.size() && !selected[org]) {
      org = result.none;
    }
  }
  return result;
}

void count_honors(const Dataset& dataset, const std::vector<bool>& selected,
                  ProgramFigures& figures)
{
  const ChildRows honors = child_rows(dataset, names.honors, selected);
  const ColumnRef kind = honors.column(names.honor_kind);
  const ColumnRef level = honors.column(names.level);
  const ColumnRef name(&dataset.organizations(), dataset.schema->root_columns.name);
  std::set<std::size_t> brand_orgs;
  std::set<std::size_t> brand_orgs_provincial;
  std::set<std::size_t> best_practices;
  std::set<std::string> units;
  const auto city_up_levels = level.mask({names.city, names.province, names.national});
  const auto province_up_levels = level.mask({names.province, names.national});
  const auto province_level = level.mask({names.province});
  const auto city_level = level.mask({names.city});
  const auto brand_org = kind.mask({names.brand_org});
  const auto brand_project = kind.mask({names.brand_project});
  const auto leading_figure = kind.mask({names.leading_figure});
  const auto best_practice = kind.mask({names.best_practice});
  const auto demo_unit = kind.mask({names.demonstration_unit});
  // 市级及以上品牌社会组织133家、品牌公益项目123个、领军人物105名: "city level or above"
  // qualifies all three; 8家单位 are organizations, not honors.
  for (std::size_t row = 0; row < honors.rows(); ++row) {
    if (!honors.selected(row)) {
      continue;
    }
    const std::size_t org = honors.owner[row];
    const bool city_up = level.in(row, city_up_levels);
    const bool province_up = level.in(row, province_up_levels);
    if (kind.in(row, brand_org)) {
      if (city_up) {
        brand_orgs.insert(org);
      }
      if (province_up) {
        brand_orgs_provincial.insert(org);
      }
    } else if (kind.in(row, brand_project)) {
      figures.brand_projects += city_up ? 1 : 0;
    } else if (kind.in(row, leading_figure)) {
      figures.leading_figures += city_up ? 1 : 0;
      figures.leading_figures_provincial += province_up ? 1 : 0;
    } else if (kind.in(row, best_practice)) {
      if (level.in(row, province_level)) {
        best_practices.insert(org);
      }
    } else if (kind.in(row, demo_unit) && level.in(row, city_level) && name.usable()) {
      units.emplace(name.data().string_at(org));
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
  const ChildRows projects = child_rows(dataset, names.projects, selected);
  const ColumnRef source = projects.column(names.source);
  const ColumnRef year = projects.column(names.year);
  const ColumnRef amount = projects.column(names.amount);
  std::set<std::int64_t> rounds;
  const auto venture = source.mask({names.venture});
  for (std::size_t row = 0; row < projects.rows(); ++row) {
    if (!source.in(row, venture) || !projects.selected(row)) {
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

// A session is a date: every organization whose leader attended it records
// its own activity row.
void count_trainings(const Dataset& dataset, const std::vector<bool>& selected,
                     ProgramFigures& figures)
{
  const ChildRows activities = child_rows(dataset, names.activities, selected);
  const ColumnRef kind = activities.column(names.activity_kind);
  const ColumnRef date = activities.column(names.date);
  const auto training = kind.mask({names.integrity_training});
  std::set<std::int32_t> sessions;
  for (std::size_t row = 0; row < activities.rows(); ++row) {
    if (kind.in(row, training) && activities.selected(row) && date.usable() &&
        !date.data().is_null(row)) {
      sessions.insert(date.data().date_at(row).days);
    }
  }
  figures.integrity_trainings = sessions.size();
}

void count_interviews(const Dataset& dataset, const std::vector<bool>& selected,
                      ProgramFigures& figures)
{
  const ChildRows incidents = child_rows(dataset, names.incidents, selected);
  const ColumnRef kind = incidents.column(names.incident_kind);
  const ColumnRef association(&dataset.organizations(), names.industry_association);
  const auto interview = kind.mask({names.interview});
  std::set<std::size_t> interviewed;
  for (std::size_t row = 0; row < incidents.rows(); ++row) {
    const std::size_t org = incidents.owner[row];
    if (kind.in(row, interview) && incidents.selected(row) && association.usable() &&
        !association.data().is_null(org) && association.data().bool_at(org)) {
      interviewed.insert(org);
    }
  }
  figures.association_interviews = interviewed.size();
}

// The organizations counted as "on the register, graded 4A+ with a valid
// grade on as_of" and as "closed as dormant by as_of".
void count_organizations(const Dataset& dataset, const std::vector<bool>& selected, Date as_of,
                         ProgramFigures& figures)
{
  const TableData& organizations = dataset.organizations();
  const ColumnRef status(&organizations, dataset.schema->root_columns.status);
  const ColumnRef closed_on(&organizations, names.closed_on);
  const ColumnRef closed_reason(&organizations, names.closed_reason);
  const ColumnRef grade(&organizations, names.grade);
  const ColumnRef awarded(&organizations, names.grade_awarded_on);
  const auto active = status.mask({names.active});
  const auto dormant = closed_reason.mask({names.dormant});
  const auto high = grade.mask({names.grade_4a, names.grade_5a});
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
  if (dataset.tables.empty()) {
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
  figures.honors_known = known(names.honors);
  figures.projects_known = known(names.projects);
  figures.activities_known = known(names.activities);
  figures.incidents_known = known(names.incidents);
  count_organizations(dataset, selected, results.as_of, figures);
  count_honors(dataset, selected, figures);
  count_ventures(dataset, selected, figures);
  count_trainings(dataset, selected, figures);
  count_interviews(dataset, selected, figures);
  return figures;
}

} // namespace orgaudit::audit
