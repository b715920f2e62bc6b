#include <orgaudit/core/yaml_limits.hpp>

#include <algorithm>
#include <sstream>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace orgaudit {

namespace {

// What a node amounts to once its aliases are expanded: its node count and
// how many levels of maps and sequences it holds.
struct Extent {
  std::uint64_t nodes = 0;
  std::size_t levels = 0;
};

// Thrown out of the parser at the first breach, which ends the pass.
struct Breach {
  YamlLimitBreach breach;
};

// Follows the parser's events, keeping the extent of each open collection and
// of each anchored node, and stops at the first breach.
class LimitChecker : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { add(mark, anchor, {1, 0}); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override
  {
    const auto found = m_anchors.find(anchor);
    add(mark, 0, found == m_anchors.end() ? Extent{1, 0} : found->second);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string&) override
  {
    add(mark, anchor, {1, 0});
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override
  {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override
  {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YAML::Mark mark;
    YAML::anchor_t anchor;
    Extent extent;
  };

  void open(const YAML::Mark& mark, YAML::anchor_t anchor)
  {
    if (m_open.size() + 1 > max_yaml_depth) {
      throw Breach{{mark, fmt::format("YAML nested too deeply (limit {} levels)", max_yaml_depth)}};
    }
    count(mark, 1);
    m_open.push_back({mark, anchor, {1, 1}});
  }

  void close()
  {
    const Open done = m_open.back();
    m_open.pop_back();
    if (done.anchor != 0) {
      m_anchors[done.anchor] = done.extent;
    }
    if (!m_open.empty()) {
      Extent& parent = m_open.back().extent;
      parent.nodes += done.extent.nodes;
      parent.levels = std::max(parent.levels, done.extent.levels + 1);
    }
  }

  // A scalar, null or alias of `extent` at `mark`.
  void add(const YAML::Mark& mark, YAML::anchor_t anchor, Extent extent)
  {
    if (m_open.size() + extent.levels > max_yaml_depth) {
      throw Breach{{mark, fmt::format("YAML nested too deeply once its aliases are expanded "
                                      "(limit {} levels)",
                                      max_yaml_depth)}};
    }
    count(mark, extent.nodes);
    if (anchor != 0) {
      m_anchors[anchor] = extent;
    }
    if (!m_open.empty()) {
      Extent& parent = m_open.back().extent;
      parent.nodes += extent.nodes;
      parent.levels = std::max(parent.levels, extent.levels + 1);
    }
  }

  // Adds `nodes` to the document's count; every extent stays below the limit.
  void count(const YAML::Mark& mark, std::uint64_t nodes)
  {
    m_total += nodes;
    if (m_total > max_yaml_nodes) {
      throw Breach{{mark, fmt::format("YAML has more than {} nodes once its aliases are "
                                      "expanded (an alias bomb?)",
                                      max_yaml_nodes)}};
    }
  }

  std::vector<Open> m_open;
  std::unordered_map<YAML::anchor_t, Extent> m_anchors;
  std::uint64_t m_total = 0;
};

} // namespace

std::optional<YamlLimitBreach> check_yaml_limits(const std::string& text)
{
  std::istringstream in(text);
  LimitChecker checker;
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(checker);
  } catch (const Breach& breach) {
    return breach.breach;
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace orgaudit
