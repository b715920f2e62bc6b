#include <doctest/doctest.h>

#include <stdexcept>

#include <orgaudit/audit/engine.hpp>

#include "engine_fixture.hpp"

using namespace orgaudit;

TEST_CASE("an exception in an engine worker reaches the caller instead of ending the process")
{
  const auto ruleset = engine_test::basic_ruleset();
  const auto dataset = engine_test::small_dataset(*ruleset);
  for (unsigned jobs : {1u, 4u}) {
    CAPTURE(jobs);
    audit::EngineOptions options;
    options.as_of = engine_test::as_of;
    options.jobs = jobs;
    options.progress = [](std::size_t, std::size_t) {
      throw std::runtime_error("progress bar broke");
    };
    Diagnostics diagnostics;
    CHECK_THROWS_WITH_AS(audit::run_audit(ruleset, dataset, options, diagnostics),
                         "progress bar broke", std::runtime_error);
  }
}
