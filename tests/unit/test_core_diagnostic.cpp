#include <doctest/doctest.h>

#include <orgaudit/core/diagnostic.hpp>

using namespace orgaudit;

TEST_CASE("diagnostics format compiler-style with a caret under wide text")
{
  Diagnostic d{"rules.yaml",      12, 10, Severity::error, "unknown column \"grdae\"",
               "pass: 湖州.grdae"};
  CHECK(format_diagnostic(d) ==
        "rules.yaml:12:10: error: unknown column \"grdae\"\n  pass: 湖州.grdae\n             ^");
  Diagnostic plain{"data", 0, 0, Severity::warning, "no rows", ""};
  CHECK(format_diagnostic(plain) == "data: warning: no rows");
}

TEST_CASE("diagnostics sort by file and line and cap their output")
{
  Diagnostics all;
  all.error("b.csv", 2, 1, "x");
  all.warning("a.csv", 9, 1, "y");
  all.error("a.csv", 3, 4, "z");
  all.sort();
  CHECK(all.error_count() == 2);
  CHECK(all.warning_count() == 1);
  CHECK(all.format() == "a.csv:3:4: error: z\na.csv:9:1: warning: y\nb.csv:2:1: error: x\n");
  CHECK(all.format(2) == "a.csv:3:4: error: z\na.csv:9:1: warning: y\n… and 1 more\n");
}

TEST_CASE("the cap leaves out line diagnostics only: whole-file ones are always shown")
{
  Diagnostics all;
  for (std::size_t line = 1; line <= 4; ++line) {
    all.warning("a.csv", line, 2, "row");
  }
  all.warning("activities.csv", 0, 0, "table unknown");
  all.warning("b.csv", 1, 1, "row");
  all.sort();
  CHECK(all.format(2) == "a.csv:1:2: warning: row\n"
                         "a.csv:2:2: warning: row\n"
                         "activities.csv: warning: table unknown\n"
                         "… and 3 more\n");
}
