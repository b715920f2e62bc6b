// The YAML targets: rule sets with `extends` chains, waivers and schemas.

#include <string>
#include <string_view>

#include <fmt/format.h>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/rules/loader.hpp>
#include <orgaudit/rules/waivers.hpp>
#include <orgaudit/schema/loader.hpp>

#include "../support.hpp"
#include "../targets.hpp"

namespace orgaudit::fuzz {

void rules(std::string_view input)
{
  const auto& directory = empty_scratch_dir();
  const auto parts = split_parts(input, "#%%", 4);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    write_file(directory, fmt::format("r{}.yaml", i), parts[i]);
  }
  Diagnostics diagnostics;
  try {
    rules::load_ruleset((directory / "r0.yaml").string(), diagnostics,
                        std::string(schema::builtin_schema_path));
  } catch (const Error&) {
  }
}

void waivers(std::string_view input)
{
  const auto& directory = empty_scratch_dir();
  write_file(directory, "waivers.yaml", input);
  Diagnostics diagnostics;
  try {
    rules::load_waivers((directory / "waivers.yaml").string(), *shipped_ruleset(), fuzz_as_of(),
                        diagnostics);
  } catch (const Error&) {
  }
}

void schema(std::string_view input)
{
  Diagnostics diagnostics;
  schema::parse_schema(input, "schema.yaml", diagnostics);
}

} // namespace orgaudit::fuzz
