#include <orgaudit/history/store.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

// The rule-set half of the store: each rule set's shape is stored once per
// SHA-256 and shared by every run that used it.
namespace orgaudit::history {

namespace {

rules::Label read_label(const SQLite::Statement& row, int first)
{
  return {row.getColumn(first).getString(), row.getColumn(first + 1).getString()};
}

// One row of the grades or dimensions table: (ruleset, position, code,
// label_zh, label_en, min or weight).
void insert_named(SQLite::Statement& insert, std::int64_t ruleset, std::size_t position,
                  const std::string& code, const rules::Label& label, double number)
{
  insert.bind(1, ruleset);
  insert.bind(2, static_cast<std::int64_t>(position));
  insert.bind(3, code);
  insert.bind(4, label.zh);
  insert.bind(5, label.en);
  insert.bind(6, number);
  insert.exec();
  insert.reset();
}

} // namespace

std::int64_t Store::store_ruleset(const RuleSetInfo& set)
{
  SQLite::Statement find(*m_db, "SELECT id FROM rulesets WHERE sha256 = ?");
  find.bind(1, set.sha256);
  if (find.executeStep()) {
    const std::int64_t id = find.getColumn(0).getInt64();
    // A rule set first recorded before fingerprints were stored gets them now.
    m_rulesets.erase(id);
    SQLite::Statement fill(*m_db, "UPDATE rules SET fingerprint = ? WHERE ruleset = ? AND "
                                  "position = ? AND fingerprint IS NULL");
    for (std::size_t r = 0; r < set.rules.size(); ++r) {
      fill.bind(1, set.rules[r].fingerprint);
      fill.bind(2, id);
      fill.bind(3, static_cast<std::int64_t>(r));
      fill.exec();
      fill.reset();
    }
    return id;
  }
  SQLite::Statement insert(*m_db, "INSERT INTO rulesets(ruleset, version, sha256, title_zh, "
                                  "title_en) VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, set.id);
  insert.bind(2, set.version);
  insert.bind(3, set.sha256);
  insert.bind(4, set.title.zh);
  insert.bind(5, set.title.en);
  insert.exec();
  const std::int64_t id = m_db->getLastInsertRowid();
  SQLite::Statement grade(*m_db, "INSERT INTO grades VALUES (?, ?, ?, ?, ?, ?)");
  for (std::size_t g = 0; g < set.grades.size(); ++g) {
    insert_named(grade, id, g, set.grades[g].id, set.grades[g].label, set.grades[g].min);
  }
  SQLite::Statement dimension(*m_db, "INSERT INTO dimensions VALUES (?, ?, ?, ?, ?, ?)");
  for (std::size_t d = 0; d < set.dimensions.size(); ++d) {
    const DimensionInfo& info = set.dimensions[d];
    insert_named(dimension, id, d, info.id, info.label, info.weight);
  }
  SQLite::Statement rule(*m_db, "INSERT INTO rules(ruleset, position, kind, code, parent, "
                                "severity, points, label_zh, label_en, fingerprint) VALUES (?, ?, "
                                "?, ?, ?, ?, ?, ?, ?, ?)");
  for (std::size_t r = 0; r < set.rules.size(); ++r) {
    const RuleInfo& info = set.rules[r];
    rule.bind(1, id);
    rule.bind(2, static_cast<std::int64_t>(r));
    rule.bind(3, static_cast<int>(info.kind));
    rule.bind(4, info.id);
    rule.bind(5, static_cast<std::int64_t>(info.parent));
    rule.bind(6, static_cast<int>(info.severity));
    rule.bind(7, info.points);
    rule.bind(8, info.label.zh);
    rule.bind(9, info.label.en);
    rule.bind(10, info.fingerprint);
    rule.exec();
    rule.reset();
  }
  return id;
}

std::shared_ptr<const RuleSetInfo> Store::ruleset(std::int64_t id) const
{
  if (auto it = m_rulesets.find(id); it != m_rulesets.end()) {
    return it->second;
  }
  auto set = std::make_shared<RuleSetInfo>();
  SQLite::Statement head(*m_db, "SELECT ruleset, version, sha256, title_zh, title_en FROM rulesets "
                                "WHERE id = ?");
  head.bind(1, id);
  if (head.executeStep()) {
    set->id = head.getColumn(0).getString();
    set->version = head.getColumn(1).getString();
    set->sha256 = head.getColumn(2).getString();
    set->title = read_label(head, 3);
  }
  SQLite::Statement grades(*m_db, "SELECT code, label_zh, label_en, min FROM grades WHERE "
                                  "ruleset = ? ORDER BY position");
  grades.bind(1, id);
  while (grades.executeStep()) {
    set->grades.push_back(
        {grades.getColumn(0).getString(), read_label(grades, 1), grades.getColumn(3).getDouble()});
  }
  SQLite::Statement dimensions(*m_db, "SELECT code, label_zh, label_en, weight FROM dimensions "
                                      "WHERE ruleset = ? ORDER BY position");
  dimensions.bind(1, id);
  while (dimensions.executeStep()) {
    set->dimensions.push_back({dimensions.getColumn(0).getString(), read_label(dimensions, 1),
                               dimensions.getColumn(3).getDouble()});
  }
  SQLite::Statement rules(*m_db, "SELECT code, kind, parent, severity, points, label_zh, "
                                 "label_en, fingerprint FROM rules WHERE ruleset = ? ORDER BY "
                                 "position");
  rules.bind(1, id);
  while (rules.executeStep()) {
    RuleInfo rule;
    rule.id = rules.getColumn(0).getString();
    rule.kind = static_cast<RuleKind>(rules.getColumn(1).getInt());
    rule.parent = static_cast<std::uint32_t>(rules.getColumn(2).getInt64());
    rule.severity = static_cast<rules::Severity>(rules.getColumn(3).getInt());
    rule.points = rules.getColumn(4).getDouble();
    rule.label = read_label(rules, 5);
    rule.fingerprint = rules.getColumn(7).getText(""); // NULL: recorded before schema 2
    set->rules.push_back(std::move(rule));
  }
  m_rulesets.emplace(id, set);
  return set;
}

} // namespace orgaudit::history
