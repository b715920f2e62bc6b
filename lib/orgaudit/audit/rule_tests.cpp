#include <orgaudit/audit/rule_tests.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

#include <fmt/format.h>

#include <orgaudit/audit/engine.hpp>
#include <orgaudit/audit/rule_test_case.hpp>
#include <orgaudit/core/file.hpp>
#include <orgaudit/core/yaml_document.hpp>
#include <orgaudit/data/loader.hpp>
#include <orgaudit/rules/loader.hpp>

namespace orgaudit::audit {

namespace {

std::vector<std::string> expand_paths(const std::vector<std::string>& paths)
{
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path, ec)) {
      if (entry.is_regular_file() &&
          (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml")) {
        found.push_back(entry.path().string());
      }
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// Turns the YAML maps of one case (defaults merged under the case) into the
// in-memory tables the dataset builder validates like any input file.
class CaseData {
 public:
  CaseData(const YamlDocument& doc, const schema::Schema& schema) : m_doc(doc), m_schema(schema) {}

  std::vector<data::TextTable> tables(const YAML::Node& defaults, const YAML::Node& test,
                                      std::vector<std::string>& problems)
  {
    std::vector<data::TextTable> out;
    const schema::Table& root = m_schema.root();
    data::TextTable organizations = table_of(root.name);
    // Column order of first appearance; values in a map, because YAML::Node
    // assignment (which vector shifts would use) writes through to the node.
    std::vector<std::string> order;
    std::map<std::string, YAML::Node> values;
    for (const YAML::Node* source : {&defaults, &test}) {
      const YAML::Node map = value_of(*source, "organization");
      if (map.IsNull()) {
        continue;
      }
      if (!map.IsMap()) {
        problems.push_back("organization: must be a map of columns");
        continue;
      }
      for (const auto& entry : map) {
        const std::string column = entry.first.Scalar();
        if (values.erase(column) == 0) {
          order.push_back(column);
        }
        values.emplace(column, entry.second);
      }
    }
    data::TextTable::Row row;
    const YAML::Node own = value_of(test, "organization");
    row.line = line_of(own.IsNull() ? test : own);
    for (const std::string& column : order) {
      const YAML::Node& value = values.at(column);
      organizations.header.push_back(column);
      row.cells.push_back(cell(value, problems, column));
      if (column == root.key && value.IsScalar()) {
        m_key = value.Scalar();
      }
    }
    organizations.rows.push_back(std::move(row));
    out.push_back(std::move(organizations));

    for (std::size_t t = 1; t < m_schema.tables.size(); ++t) {
      const std::string& name = m_schema.tables[t].name;
      // Never assign YAML::Node variables: assignment writes through. A table
      // the case does not mention is empty; `name: null` (or ~) makes it
      // unknown, as a file missing from a directory does (SPEC §2).
      const bool in_case = has_key(test, name);
      const YAML::Node rows = value_of(in_case ? test : defaults, name);
      if ((in_case || has_key(defaults, name)) && rows.IsNull()) {
        data::TextTable absent = table_of(name);
        absent.absent = true;
        out.push_back(std::move(absent));
        continue;
      }
      if (rows.IsNull() || (rows.IsSequence() && rows.size() == 0)) {
        continue;
      }
      if (!rows.IsSequence()) {
        problems.push_back(
            fmt::format("{}: must be a list of rows, or null for an unknown table", name));
        continue;
      }
      out.push_back(child_table(name, m_schema.tables[t].key, rows, problems));
    }
    return out;
  }

 private:
  data::TextTable table_of(const std::string& name) const
  {
    data::TextTable table;
    table.table = name;
    table.source = m_doc.path();
    return table;
  }

  // True if the map `node` has `key`, whatever its value (even null).
  static bool has_key(const YAML::Node& node, const std::string& key)
  {
    return node.IsMap() && node[key].IsDefined();
  }

  std::uint32_t line_of(const YAML::Node& node) const
  {
    return static_cast<std::uint32_t>(m_doc.position(node).line);
  }

  std::optional<std::string> cell(const YAML::Node& value, std::vector<std::string>& problems,
                                  const std::string& column) const
  {
    if (!value.IsDefined() || value.IsNull()) {
      return std::nullopt;
    }
    if (!value.IsScalar()) {
      problems.push_back(fmt::format("{}: a cell must be a single value", column));
      return std::nullopt;
    }
    return value.Scalar();
  }

  data::TextTable child_table(const std::string& name, const std::string& key,
                              const YAML::Node& rows, std::vector<std::string>& problems) const
  {
    data::TextTable table = table_of(name);
    table.header.push_back(key);
    for (const YAML::Node& node : rows) {
      if (!node.IsMap()) {
        problems.push_back(fmt::format("{}: each row must be a map of columns", name));
        continue;
      }
      for (const auto& entry : node) {
        const std::string column = entry.first.Scalar();
        if (std::find(table.header.begin(), table.header.end(), column) == table.header.end()) {
          table.header.push_back(column);
        }
      }
    }
    for (const YAML::Node& node : rows) {
      if (!node.IsMap()) {
        continue;
      }
      data::TextTable::Row row;
      row.line = line_of(node);
      for (const std::string& column : table.header) {
        const YAML::Node value = value_of(node, column);
        row.cells.push_back(column == key && value.IsNull() ? std::optional<std::string>(m_key)
                                                            : cell(value, problems, column));
      }
      table.rows.push_back(std::move(row));
    }
    return table;
  }

  const YamlDocument& m_doc;
  const schema::Schema& m_schema;
  std::string m_key;
};

std::vector<rules::Waiver> case_waivers(const YAML::Node& list, const rules::RuleSet& set,
                                        const std::string& org, const std::string& file,
                                        std::vector<std::string>& problems)
{
  std::vector<rules::Waiver> waivers;
  if (!list.IsSequence()) {
    return waivers;
  }
  for (const YAML::Node& node : list) {
    rules::Waiver waiver;
    auto text = [&](const char* key) {
      const YAML::Node value = value_of(node, key);
      return value.IsScalar() ? value.Scalar() : std::string();
    };
    waiver.org = text("org").empty() ? org : text("org");
    waiver.rule = text("rule");
    waiver.reason = text("reason");
    waiver.approved_by = text("approved_by");
    const auto expires = parse_date(text("expires"));
    waiver.pos.file = file;
    if (!set.find(waiver.rule) || !expires || waiver.reason.empty() || waiver.approved_by.empty()) {
      problems.push_back(fmt::format(
          "waiver of \"{}\": needs a known rule, reason, approved_by and a date in expires",
          waiver.rule));
      continue;
    }
    waiver.expires = *expires;
    waivers.push_back(std::move(waiver));
  }
  return waivers;
}

} // namespace

std::size_t RuleTestReport::passed() const
{
  return static_cast<std::size_t>(std::count_if(
      cases.begin(), cases.end(), [](const RuleTestCase& c) { return c.failures.empty(); }));
}

std::size_t RuleTestReport::failed() const
{
  return cases.size() - passed();
}

RuleTestReport run_rule_tests(const std::vector<std::string>& paths, Diagnostics& diagnostics,
                              CoverageScope scope)
{
  RuleTestReport report;
  std::map<std::string, std::shared_ptr<const rules::RuleSet>> rulesets;
  std::map<std::string, CoverageSides> covered; // by rule-set path
  for (const std::string& file : expand_paths(paths)) {
    YamlDocument doc(file, diagnostics);
    if (!doc.ok()) {
      continue;
    }
    const YAML::Node& root = doc.root();
    check_keys(doc, root, {"ruleset", "as_of", "defaults", "cases"}, "a rule-test file",
               diagnostics);
    if (!root.IsMap() || !value_of(root, "ruleset").IsScalar()) {
      doc.error_at(diagnostics, {1, 1}, "a rule-test file needs ruleset: (the rule set to test)");
      continue;
    }
    const std::string ruleset_path = resolve_relative(file, value_of(root, "ruleset").Scalar());
    auto& ruleset = rulesets[ruleset_path];
    if (!ruleset) {
      ruleset = rules::load_ruleset(ruleset_path, diagnostics);
      if (!ruleset) {
        continue;
      }
    }
    const YAML::Node defaults = value_of(root, "defaults");
    const YAML::Node cases = value_of(root, "cases");
    if (!cases.IsSequence()) {
      doc.error(diagnostics, root, "cases: must be a list");
      continue;
    }
    if (report.cases.size() + cases.size() > max_rule_tests) {
      const std::size_t first_over = max_rule_tests - report.cases.size();
      doc.error(diagnostics, cases[first_over],
                fmt::format("more than {} rule tests in one run", max_rule_tests));
      return report;
    }
    for (const YAML::Node& test : cases) {
      RuleTestCase result;
      result.file = file;
      result.line = doc.position(test).line;
      result.name = value_of(test, "name").IsScalar() ? value_of(test, "name").Scalar()
                                                      : fmt::format("case at line {}", result.line);
      check_keys(doc, test,
                 {"name", "as_of", "organization", "annual_reports", "policies", "activities",
                  "projects", "incidents", "honors", "waivers", "expect"},
                 "a rule-test case", diagnostics);
      const YAML::Node own_as_of = value_of(test, "as_of");
      const YAML::Node as_of_node = own_as_of.IsNull() ? value_of(root, "as_of") : own_as_of;
      const auto as_of = as_of_node.IsScalar() ? parse_date(as_of_node.Scalar()) : std::nullopt;
      if (!as_of) {
        result.failures.push_back("as_of: missing or not a date (give it in the file or the case)");
        report.cases.push_back(std::move(result));
        continue;
      }
      CaseData data(doc, *ruleset->schema);
      std::vector<std::string> problems;
      const auto tables = data.tables(defaults, test, problems);
      Diagnostics data_diagnostics;
      auto dataset = data::build_dataset(tables, ruleset->schema, {"auto", *as_of, false},
                                         data_diagnostics, file);
      for (const Diagnostic& d : data_diagnostics.items()) {
        if (d.severity == Severity::error) {
          problems.push_back(format_diagnostic(d));
        }
      }
      const std::string org = dataset && dataset->organization_count() == 1
                                  ? std::string(dataset->organizations().columns[0].string_at(0))
                                  : std::string();
      EngineOptions options;
      options.as_of = *as_of;
      options.waivers = case_waivers(value_of(test, "waivers"), *ruleset, org, file, problems);
      if (!problems.empty() || !dataset || dataset->organization_count() != 1) {
        result.failures = problems.empty()
                              ? std::vector<std::string>{"the case must describe one organization"}
                              : problems;
        report.cases.push_back(std::move(result));
        continue;
      }
      Diagnostics engine_diagnostics;
      const Results results = run_audit(ruleset, dataset, options, engine_diagnostics);
      CoverageSides sides;
      result.failures = check_expectations(value_of(test, "expect"), results, sides);
      if (result.failures.empty()) {
        for (auto& [id, seen] : sides) {
          covered[ruleset_path][id].insert(seen.begin(), seen.end());
        }
      }
      report.cases.push_back(std::move(result));
    }
  }
  for (const auto& entry : rulesets) {
    // Named, not bound: a lambda cannot capture a structured binding in clang 14.
    const auto& path = entry.first;
    const auto& ruleset = entry.second;
    if (!ruleset) {
      continue;
    }
    auto need = [&](const std::string& id, std::initializer_list<const char*> wanted) {
      if (scope == CoverageScope::tailored && !ruleset->own_rule(id)) {
        return;
      }
      for (const char* side : wanted) {
        if (!covered[path][id].contains(side)) {
          report.gaps.push_back({path, id, side});
        }
      }
    };
    for (const auto& indicator : ruleset->indicators) {
      need(indicator.id, {"pass", "fail"});
    }
    for (const auto* list : {&ruleset->vetoes, &ruleset->deductions, &ruleset->bonuses}) {
      for (const auto& condition : *list) {
        need(condition.id, {"true", "false"});
      }
    }
    for (const auto& flag : ruleset->flags) {
      need(flag.id, {"true", "false"});
      for (const auto& criterion : flag.criteria) {
        need(criterion.id, {"match", "no_match"});
      }
    }
  }
  return report;
}

} // namespace orgaudit::audit
