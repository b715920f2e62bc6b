#include <orgaudit/schema/yaml_reader.hpp>

#include <algorithm>

namespace orgaudit::schema {

YamlReader::YamlReader(std::string path, Diagnostics& diagnostics)
    : m_path(std::move(path)), m_diagnostics(diagnostics)
{
}

void YamlReader::read_bound(const YAML::Node& node, const char* key,
                            std::optional<std::int64_t>& bound)
{
  const YAML::Node value = node[key];
  if (!value) {
    return;
  }
  std::int64_t number = 0;
  if (!value.IsScalar() || !YAML::convert<std::int64_t>::decode(value, number)) {
    error(value, fmt::format("\"{}\" must be an integer", key));
    return;
  }
  bound = number;
}

bool YamlReader::flag(const YAML::Node& node, const char* key)
{
  const YAML::Node value = node[key];
  if (!value) {
    return false;
  }
  bool result = false;
  if (!value.IsScalar() || !YAML::convert<bool>::decode(value, result)) {
    error(value, fmt::format("\"{}\" must be true or false", key));
  }
  return result;
}

std::vector<std::string> YamlReader::string_list(const YAML::Node& node)
{
  std::vector<std::string> out;
  if (!node) {
    return out;
  }
  if (!node.IsSequence()) {
    error(node, "\"aliases\" must be a list of strings");
    return out;
  }
  for (const YAML::Node& item : node) {
    out.push_back(scalar(item, "an alias"));
  }
  return out;
}

std::string YamlReader::required_scalar(const YAML::Node& node, const char* key,
                                        std::string_view what)
{
  const YAML::Node value = node[key];
  if (!value) {
    error(node, fmt::format("{} needs \"{}\"", what, key));
    return {};
  }
  std::string text = scalar(value, key);
  if (text.empty()) {
    error(value, fmt::format("\"{}\" must not be empty", key));
  }
  return text;
}

std::string YamlReader::optional_scalar(const YAML::Node& node, const char* key)
{
  const YAML::Node value = node[key];
  return value ? scalar(value, key) : std::string();
}

std::string YamlReader::scalar(const YAML::Node& node, std::string_view what)
{
  if (!node.IsScalar()) {
    error(node, fmt::format("{} must be a string", what));
    return {};
  }
  return node.Scalar();
}

bool YamlReader::expect_map(const YAML::Node& node, std::string_view what)
{
  if (!node.IsMap()) {
    error(node, fmt::format("{} must be a mapping", what));
    return false;
  }
  return true;
}

std::size_t YamlReader::line_of(const YAML::Node& node)
{
  return static_cast<std::size_t>(node.Mark().line + 1);
}

void YamlReader::error(const YAML::Node& node, std::string message)
{
  const YAML::Mark mark = node.Mark();
  // yaml-cpp marks are 0-based; a node built by us (null mark) has -1.
  const auto line = static_cast<std::size_t>(std::max(0, mark.line + 1));
  const auto column = static_cast<std::size_t>(std::max(0, mark.column + 1));
  m_diagnostics.error(m_path, line, column, std::move(message));
}

} // namespace orgaudit::schema
