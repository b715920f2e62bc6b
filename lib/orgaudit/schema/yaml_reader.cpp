#include <orgaudit/schema/yaml_reader.hpp>

#include <fmt/format.h>

namespace orgaudit::schema {

YamlReader::YamlReader(const YamlDocument& document, Diagnostics& diagnostics)
    : m_document(document), m_diagnostics(diagnostics)
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

void YamlReader::check_keys(const YAML::Node& node, std::initializer_list<std::string_view> allowed,
                            std::string_view what)
{
  orgaudit::check_keys(m_document, node, allowed, what, m_diagnostics);
}

std::size_t YamlReader::line_of(const YAML::Node& node) const
{
  return m_document.position(node).line;
}

void YamlReader::error(const YAML::Node& node, std::string message)
{
  m_document.error(m_diagnostics, node, std::move(message));
}

} // namespace orgaudit::schema
