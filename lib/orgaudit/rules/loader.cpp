#include <orgaudit/rules/loader.hpp>

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include <orgaudit/core/error.hpp>
#include <orgaudit/core/file.hpp>
#include <orgaudit/core/sha256.hpp>
#include <orgaudit/rules/compile.hpp>
#include <orgaudit/rules/raw_ruleset.hpp>
#include <orgaudit/schema/loader.hpp>

namespace orgaudit::rules {

namespace {

struct Chain {
  std::vector<std::string> visiting; // the extends chain being loaded, for cycles
  std::vector<std::shared_ptr<const YamlDocument>> documents;
};

// Loads `path` and, first, the parents it extends; leaves the merged result in `raw`.
bool load_chain(const std::string& path, RawRuleSet& raw, Chain& chain, Diagnostics& diagnostics)
{
  auto doc = std::make_shared<const YamlDocument>(path, diagnostics);
  chain.documents.push_back(doc);
  if (!doc->ok()) {
    return false;
  }
  RawRuleSet own;
  Located extends;
  Located overrides;
  parse_raw_ruleset(doc, own, extends, overrides, diagnostics);
  if (!extends.defined()) {
    if (overrides.defined()) {
      doc->error(diagnostics, overrides.node,
                 "overrides: needs extends: (a parent rule set to change)");
    }
    raw = std::move(own);
    return true;
  }
  if (!extends.node.IsScalar()) {
    doc->error(diagnostics, extends.node, "extends: must be the path of the parent rule set");
    return false;
  }
  const std::string parent_path = resolve_relative(path, extends.node.Scalar());
  if (std::find(chain.visiting.begin(), chain.visiting.end(), parent_path) !=
      chain.visiting.end()) {
    doc->error(
        diagnostics, extends.node,
        fmt::format("extends: \"{}\" extends this file again (a cycle)", extends.node.Scalar()));
    return false;
  }
  if (!file_exists(parent_path)) {
    doc->error(diagnostics, extends.node, fmt::format("extends: cannot find \"{}\"", parent_path));
    return false;
  }
  chain.visiting.push_back(parent_path);
  RawRuleSet parent;
  if (!load_chain(parent_path, parent, chain, diagnostics)) {
    return false;
  }
  merge_child(parent, std::move(own), overrides, diagnostics);
  raw = std::move(parent);
  return true;
}

// One digest over the text of every file of the chain, parent first, so that
// changing a parent changes the child's digest; where the files live does not
// matter.
std::string ruleset_digest(const std::vector<std::shared_ptr<const YamlDocument>>& documents)
{
  Sha256 hash;
  for (auto it = documents.rbegin(); it != documents.rend(); ++it) {
    hash.update((*it)->text());
    hash.update(std::string_view("\0", 1));
  }
  return hash.hex_digest();
}

} // namespace

std::shared_ptr<const RuleSet> load_ruleset(const std::string& path, Diagnostics& diagnostics,
                                            const std::string& schema_override)
{
  const std::size_t errors_before = diagnostics.error_count();
  Chain chain;
  chain.visiting.push_back(path);
  RawRuleSet raw;
  if (!load_chain(path, raw, chain, diagnostics)) {
    return nullptr;
  }
  std::string schema_path = schema_override;
  if (schema_path.empty()) {
    if (!raw.schema.defined() || !raw.schema.node.IsScalar()) {
      raw.root.doc->error_at(diagnostics, {1, 1},
                             "the rule set names no schema: (e.g. schema: schema/social-org.yaml)");
      return nullptr;
    }
    schema_path = resolve_relative(raw.schema_base, raw.schema.node.Scalar());
    if (!file_exists(schema_path)) {
      raw.schema.doc->error(diagnostics, raw.schema.node,
                            fmt::format("schema: cannot find \"{}\"", schema_path));
      return nullptr;
    }
  }
  auto schema = schema::load_schema(schema_path, diagnostics);
  if (!schema) {
    return nullptr;
  }
  auto set = compile_ruleset(raw, schema, diagnostics);
  if (diagnostics.error_count() > errors_before) {
    return nullptr;
  }
  set->path = path;
  set->sha256 = ruleset_digest(chain.documents);
  return set;
}

} // namespace orgaudit::rules
