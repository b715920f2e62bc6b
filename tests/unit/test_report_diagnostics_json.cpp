#include <doctest/doctest.h>

#include <orgaudit/report/diagnostics_json.hpp>

using namespace orgaudit;

TEST_CASE("validate's JSON lists each diagnostic in order, then the counts")
{
  Diagnostics diagnostics;
  diagnostics.error("data/organizations.csv", 3, 20, "bad \"USCC\"");
  diagnostics.warning("data/年报.csv", 7, 1, "unknown column");
  CHECK(report::diagnostics_json(diagnostics) == R"J({
  "diagnostics": [
    {
      "file": "data/organizations.csv",
      "line": 3,
      "column": 20,
      "severity": "error",
      "message": "bad \"USCC\""
    },
    {
      "file": "data/年报.csv",
      "line": 7,
      "column": 1,
      "severity": "warning",
      "message": "unknown column"
    }
  ],
  "errors": 1,
  "warnings": 1
}
)J");
}

TEST_CASE("validate's JSON for clean data is an empty list and zero counts")
{
  CHECK(report::diagnostics_json(Diagnostics{}) ==
        "{\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0\n}\n");
}
