#pragma once

// Helpers for the rule-set tests: write a rule set into a scratch directory,
// load it, and read its diagnostics as `name:line:col: message` lines.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/rules/loader.hpp>

#include "scratch_dir.hpp"
#include "string_lists.hpp"

namespace orgaudit::test {

// The small engine-test rule set (tests/data/rules/basic.yaml), a parent for children.
inline std::string basic_ruleset_path()
{
  return std::string(ORGAUDIT_TEST_DATA) + "/rules/basic.yaml";
}

// A rule set loaded from a file, with what loading reported.
struct LoadedRules {
  std::shared_ptr<const rules::RuleSet> set;
  Diagnostics diagnostics;

  // Every diagnostic as `file-name:line:col: message`, in file order.
  std::vector<std::string> messages()
  {
    diagnostics.sort();
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics.items()) {
      out.push_back(std::filesystem::path(d.file).filename().string() + ":" +
                    std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
    }
    return out;
  }
};

// Writes `text` as `name` in `dir` and loads it.
inline LoadedRules load_written(const ScratchDir& dir, const char* name, std::string_view text)
{
  dir.write(name, text);
  LoadedRules loaded;
  loaded.set = rules::load_ruleset((dir.path / name).string(), loaded.diagnostics);
  return loaded;
}

// The start of a child of basic.yaml: `ruleset:` and `extends:`.
inline std::string child_of_basic()
{
  return "ruleset: child\nextends: " + basic_ruleset_path() + "\n";
}

} // namespace orgaudit::test
