#pragma once

// The engine's small fixture, loaded through the real loaders: the test rule
// set tests/data/rules/basic.yaml (every construct of SPEC §3 once) and the
// four organizations of tests/data/engine/small, as of 2026-06-30.

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include <orgaudit/audit/engine.hpp>
#include <orgaudit/core/date.hpp>
#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/data/loader.hpp>
#include <orgaudit/rules/loader.hpp>

namespace engine_test {

inline const std::string data_dir = ORGAUDIT_TEST_DATA;
inline const orgaudit::Date as_of = *orgaudit::make_date(2026, 6, 30);

inline std::shared_ptr<const orgaudit::rules::RuleSet> basic_ruleset()
{
  orgaudit::Diagnostics diagnostics;
  auto ruleset = orgaudit::rules::load_ruleset(data_dir + "/rules/basic.yaml", diagnostics);
  REQUIRE_MESSAGE(ruleset, diagnostics.format());
  return ruleset;
}

inline std::shared_ptr<const orgaudit::data::Dataset>
small_dataset(const orgaudit::rules::RuleSet& ruleset)
{
  orgaudit::Diagnostics diagnostics;
  orgaudit::data::LoadOptions options;
  options.as_of = as_of;
  auto dataset = orgaudit::data::load_dataset(data_dir + "/engine/small", ruleset.schema, options,
                                              diagnostics);
  REQUIRE_MESSAGE(dataset, diagnostics.format());
  return dataset;
}

} // namespace engine_test
