#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

#include <orgaudit/core/yaml_document.hpp>
#include <orgaudit/core/yaml_limits.hpp>

using namespace orgaudit;

namespace {

// A "billion laughs" document: ten levels of nine aliases each.
std::string laughs()
{
  std::string text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char level = 'b'; level <= 'j'; ++level) {
    const char previous = static_cast<char>(level - 1);
    text += fmt::format("{0}: &{0} [*{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}]\n", level,
                        previous);
  }
  return text;
}

std::string nested(std::size_t levels)
{
  return "top: " + std::string(levels, '[') + std::string(levels, ']') + "\n";
}

} // namespace

TEST_CASE("YAML nested past the depth limit is found at the first level too deep")
{
  CHECK_FALSE(check_yaml_limits(nested(max_yaml_depth - 1)));
  const auto breach = check_yaml_limits(nested(100'000));
  REQUIRE(breach);
  // The map is level 1; the 64th "[" is level 65.
  CHECK(breach->mark.line == 0);
  CHECK(breach->mark.column == 5 + 63);
  CHECK(breach->message == "YAML nested too deeply (limit 64 levels)");
}

TEST_CASE("an alias bomb is found at the alias that passes the node limit, without expanding it")
{
  const auto breach = check_yaml_limits(laughs());
  REQUIRE(breach);
  // Level h holds 9^8 · 10 + … nodes, past ten million at its first alias.
  CHECK(breach->mark.line == 7);
  CHECK(breach->mark.column == 7);
  CHECK(breach->message.starts_with("YAML has more than 10000000 nodes"));
  // A few aliases of a small anchor are fine.
  CHECK_FALSE(check_yaml_limits("a: &a {x: 1}\nb: [*a, *a, *a]\n"));
}

TEST_CASE("an alias of a deep anchor counts its depth where it is used")
{
  std::string text = "a: &a " + std::string(40, '[') + std::string(40, ']') + "\n";
  text += "b: " + std::string(30, '[') + "*a" + std::string(30, ']') + "\n";
  const auto breach = check_yaml_limits(text);
  REQUIRE(breach);
  CHECK(breach->mark.line == 1);
  CHECK(breach->message.starts_with("YAML nested too deeply once its aliases are expanded"));
}

TEST_CASE("a YamlDocument over a limit is an error at the offending node and has no root")
{
  Diagnostics diagnostics;
  const YamlDocument doc("laughs.yaml", laughs(), diagnostics);
  CHECK_FALSE(doc.ok());
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(diagnostics.items()[0].line == 8);
  CHECK(diagnostics.items()[0].column == 8);
  // A syntax error stays the parser's to report.
  CHECK_FALSE(check_yaml_limits("a: [1, 2\n"));
}
