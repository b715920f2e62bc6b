#include <doctest/doctest.h>

#include <orgaudit/data/sql_identifier.hpp>

using orgaudit::data::quote_identifier;

TEST_CASE("an SQL identifier is double-quoted, with its own double quotes doubled")
{
  CHECK(quote_identifier("organizations") == "\"organizations\"");
  CHECK(quote_identifier("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(quote_identifier("") == "\"\"");
  CHECK(quote_identifier("年报") == "\"年报\"");
}
