#include <orgaudit/audit/rule_test_case.hpp>

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace orgaudit::audit {

namespace {

class ExpectationChecker {
 public:
  ExpectationChecker(const Results& results, CoverageSides& sides)
      : m_results(results), m_set(*results.ruleset), m_sides(sides)
  {
  }

  std::vector<std::string> run(const YAML::Node& expect)
  {
    if (!expect.IsMap()) {
      fail("expect: must be a map of expectations");
      return m_failures;
    }
    for (const auto& entry : expect) {
      const std::string key = entry.first.Scalar();
      const YAML::Node& value = entry.second;
      if (key == "indicators") {
        each(value, key, [&](const std::string& id, const YAML::Node& v) { indicator(id, v); });
      } else if (key == "earned") {
        each(value, key, [&](const std::string& id, const YAML::Node& v) { earned(id, v); });
      } else if (key == "total") {
        number(value, m_results.organizations[0].total, "total");
      } else if (key == "total_without_waivers") {
        number(value, m_results.organizations[0].total_without_waivers, "total_without_waivers");
      } else if (key == "coverage") {
        number(value, m_results.organizations[0].coverage, "coverage");
      } else if (key == "grade") {
        grade(value);
      } else if (key == "vetoed") {
        boolean(value, m_results.organizations[0].vetoed, "vetoed", "");
      } else if (key == "vetoes" || key == "deductions" || key == "bonuses" || key == "flags") {
        each(value, key, [&](const std::string& id, const YAML::Node& v) { holds(key, id, v); });
      } else if (key == "criteria") {
        each(value, key, [&](const std::string& flag, const YAML::Node& v) {
          each(v, flag,
               [&](const std::string& id, const YAML::Node& s) { criterion(flag, id, s); });
        });
      } else {
        fail(fmt::format(
            "unknown expectation \"{}\" (indicators, earned, total, total_without_waivers, "
            "grade, coverage, vetoed, vetoes, deductions, bonuses, flags, criteria)",
            key));
      }
    }
    return m_failures;
  }

 private:
  template <typename F> void each(const YAML::Node& map, const std::string& what, F&& f)
  {
    if (!map.IsMap()) {
      fail(fmt::format("{}: must be a map", what));
      return;
    }
    for (const auto& entry : map) {
      f(entry.first.Scalar(), entry.second);
    }
  }

  void fail(std::string message) { m_failures.push_back(std::move(message)); }

  void indicator(const std::string& id, const YAML::Node& value)
  {
    const auto ref = m_set.find(id);
    if (!ref || ref->kind != rules::RuleRef::Kind::indicator) {
      fail(fmt::format("the rule set has no indicator \"{}\"", id));
      return;
    }
    const std::string expected = value.Scalar();
    const std::string actual(status_name(m_results.indicator(0, ref->index).status));
    if (expected != actual) {
      fail(fmt::format("{}: expected {}, got {}", id, expected, actual));
    }
    if (expected == "pass") {
      m_sides[id].insert("pass");
    } else if (expected == "fail" || expected == "partial") {
      m_sides[id].insert("fail");
    }
  }

  void earned(const std::string& id, const YAML::Node& value)
  {
    const auto ref = m_set.find(id);
    if (!ref || ref->kind != rules::RuleRef::Kind::indicator) {
      fail(fmt::format("the rule set has no indicator \"{}\"", id));
      return;
    }
    number(value, m_results.indicator(0, ref->index).earned, fmt::format("{} earned", id));
  }

  void number(const YAML::Node& value, double actual, const std::string& what)
  {
    double expected = 0;
    const std::string& text = value.Scalar();
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), expected);
    if (ec != std::errc() || ptr != text.data() + text.size()) {
      fail(fmt::format("{}: \"{}\" is not a number", what, text));
      return;
    }
    if (std::abs(expected - actual) > 1e-9) {
      fail(fmt::format("{}: expected {}, got {}", what, expected, actual));
    }
  }

  void grade(const YAML::Node& value)
  {
    const int index = m_results.organizations[0].grade;
    const std::string actual =
        index == ungraded ? "ungraded" : m_set.grades[static_cast<std::size_t>(index)].id;
    if (value.Scalar() != actual) {
      fail(fmt::format("grade: expected {}, got {}", value.Scalar(), actual));
    }
  }

  void boolean(const YAML::Node& value, bool actual, const std::string& what, const std::string& id)
  {
    const std::string& text = value.Scalar();
    if (text != "true" && text != "false") {
      fail(fmt::format("{}: expected true or false, not \"{}\"", what, text));
      return;
    }
    const bool expected = text == "true";
    if (expected != actual) {
      fail(fmt::format("{}: expected {}, got {}", what, expected, actual));
    }
    if (!id.empty()) {
      m_sides[id].insert(expected ? "true" : "false");
    }
  }

  void holds(const std::string& kind, const std::string& id, const YAML::Node& value)
  {
    const auto ref = m_set.find(id);
    using Kind = rules::RuleRef::Kind;
    const Kind wanted = kind == "vetoes"       ? Kind::veto
                        : kind == "deductions" ? Kind::deduction
                        : kind == "bonuses"    ? Kind::bonus
                                               : Kind::flag;
    if (!ref || ref->kind != wanted) {
      fail(fmt::format("{}: the rule set has no \"{}\" there", kind, id));
      return;
    }
    bool actual = false;
    switch (wanted) {
    case Kind::veto:
      actual = m_results.veto_held(0, ref->index);
      break;
    case Kind::deduction:
      actual = m_results.deduction_held(0, ref->index);
      break;
    case Kind::bonus:
      actual = m_results.bonus_held(0, ref->index);
      break;
    default:
      actual = m_results.flag_raised(0, ref->index);
      break;
    }
    boolean(value, actual, id, id);
  }

  void criterion(const std::string& flag, const std::string& id, const YAML::Node& value)
  {
    const auto flag_ref = m_set.find(flag);
    const auto ref = m_set.find(id);
    if (!flag_ref || flag_ref->kind != rules::RuleRef::Kind::flag || !ref ||
        ref->kind != rules::RuleRef::Kind::criterion || ref->index != flag_ref->index) {
      fail(fmt::format("criteria: flag \"{}\" has no criterion \"{}\"", flag, id));
      return;
    }
    const std::string actual(
        criterion_status_name(m_results.criterion(0, ref->index, ref->criterion)));
    if (value.Scalar() != actual) {
      fail(fmt::format("{}.{}: expected {}, got {}", flag, id, value.Scalar(), actual));
    }
    m_sides[id].insert(value.Scalar());
  }

  const Results& m_results;
  const rules::RuleSet& m_set;
  CoverageSides& m_sides;
  std::vector<std::string> m_failures;
};

} // namespace

std::vector<std::string> check_expectations(const YAML::Node& expect, const Results& results,
                                            CoverageSides& sides)
{
  return ExpectationChecker(results, sides).run(expect);
}

} // namespace orgaudit::audit
