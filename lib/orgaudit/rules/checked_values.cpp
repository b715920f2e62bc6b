#include <orgaudit/rules/checked_values.hpp>

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace orgaudit::rules {

namespace {

std::optional<double> parse_number(const std::string& text)
{
  double value = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

} // namespace

void CheckedValues::error(const Located& at, std::string message)
{
  if (at.doc == nullptr) {
    m_diagnostics.error("", 0, 0, std::move(message));
    return;
  }
  if (!at.node.IsDefined()) { // a key the file lacks has no place: name the file's start
    at.doc->error_at(m_diagnostics, {1, 1}, std::move(message));
    return;
  }
  at.doc->error(m_diagnostics, at.node, std::move(message));
}

std::string CheckedValues::text(const Located& value, std::string_view key, bool required,
                                const Located& parent)
{
  if (!value.defined()) {
    if (required) {
      error(parent.doc ? parent : value, fmt::format("missing {}:", key));
    }
    return {};
  }
  if (!value.node.IsScalar()) {
    error(value, fmt::format("{}: must be a string", key));
    return {};
  }
  return value.node.Scalar();
}

std::optional<std::string> CheckedValues::label_text(const Located& label, std::string_view key,
                                                     std::string_view language)
{
  const Located value{label.node[std::string(language)], label.doc};
  if (!value.defined()) {
    return std::string();
  }
  if (!value.node.IsScalar()) {
    error(value, fmt::format("{}.{} must be a text, not a {}", key, language,
                             value.node.IsSequence() ? "list" : "map"));
    return std::nullopt;
  }
  return value.node.Scalar();
}

Label CheckedValues::label(const Located& value, std::string_view what, const Located& parent,
                           std::string_view key)
{
  if (!value.defined()) {
    error(parent, fmt::format("{} has no label:", what));
    return {};
  }
  if (value.node.IsScalar()) {
    return {value.node.Scalar(), value.node.Scalar()};
  }
  if (!value.node.IsMap()) {
    error(value, fmt::format("the label of {} must be {{zh: …, en: …}}, not a list", what));
    return {};
  }
  check_keys(*value.doc, value.node, {"zh", "en"}, "a label", m_diagnostics);
  const auto zh = label_text(value, key, "zh");
  const auto en = label_text(value, key, "en");
  if ((zh && zh->empty()) || (en && en->empty())) {
    error(value, fmt::format("the label of {} needs both zh: and en:", what));
  }
  return {zh.value_or(""), en.value_or("")};
}

Label CheckedValues::optional_label(const Located& value, std::string_view key)
{
  if (!value.defined()) {
    return {};
  }
  if (value.node.IsScalar()) {
    return {value.node.Scalar(), value.node.Scalar()};
  }
  if (!value.node.IsMap()) {
    error(value, fmt::format("{}: must be {{zh: …, en: …}}, not a list", key));
    return {};
  }
  check_keys(*value.doc, value.node, {"zh", "en"}, fmt::format("{}:", key), m_diagnostics);
  return {label_text(value, key, "zh").value_or(""), label_text(value, key, "en").value_or("")};
}

double CheckedValues::number(const Located& value, std::string_view key, double fallback)
{
  if (!value.defined()) {
    return fallback;
  }
  const auto parsed = value.node.IsScalar() ? parse_number(value.node.Scalar()) : std::nullopt;
  if (!parsed) {
    error(value, fmt::format("{}: must be a number", key));
    return fallback;
  }
  return *parsed;
}

bool CheckedValues::boolean(const Located& value, std::string_view key, bool fallback)
{
  if (!value.defined()) {
    return fallback;
  }
  if (!value.node.IsScalar() || (value.node.Scalar() != "true" && value.node.Scalar() != "false")) {
    error(value, fmt::format("{}: must be true or false", key));
    return fallback;
  }
  return value.node.Scalar() == "true";
}

double CheckedValues::positive(const Located& value, std::string_view what, std::string_view key,
                               const Located& parent)
{
  if (!value.defined()) {
    error(parent, fmt::format("{} has no {}:", what, key));
    return 1;
  }
  const double parsed = number(value, key, 1);
  if (parsed <= 0) {
    error(value, fmt::format("{} of {} must be positive, not {}", key, what, parsed));
    return 1;
  }
  return parsed;
}

Severity CheckedValues::severity(const Located& value, Severity fallback)
{
  if (!value.defined()) {
    return fallback;
  }
  if (value.node.IsScalar()) {
    if (auto parsed = parse_severity(value.node.Scalar())) {
      return *parsed;
    }
  }
  error(value, "severity: must be one of info, low, medium, high, critical");
  return fallback;
}

OnMissing CheckedValues::on_missing(const Located& value, OnMissing fallback)
{
  if (!value.defined()) {
    return fallback;
  }
  if (value.node.IsScalar() && value.node.Scalar() == "fail") {
    return OnMissing::fail;
  }
  if (value.node.IsScalar() && value.node.Scalar() == "exclude") {
    return OnMissing::exclude;
  }
  error(value, "on_missing: must be fail or exclude");
  return fallback;
}

void CheckedValues::match(const Located& value, Flag& flag)
{
  if (!value.defined()) {
    flag.match = Flag::Match::any;
    return;
  }
  if (value.node.IsScalar() && value.node.Scalar() == "any") {
    flag.match = Flag::Match::any;
    return;
  }
  if (value.node.IsScalar() && value.node.Scalar() == "all") {
    flag.match = Flag::Match::all;
    return;
  }
  if (value.node.IsMap() && value.node.size() == 1 && value.node["at_least"].IsDefined()) {
    const double n = number({value.node["at_least"], value.doc}, "at_least", 1);
    if (n < 1 || n > static_cast<double>(flag.criteria.size()) || std::floor(n) != n) {
      error({value.node["at_least"], value.doc},
            fmt::format("at_least must be a whole number from 1 to {} (the number of criteria)",
                        flag.criteria.size()));
      return;
    }
    flag.match = Flag::Match::at_least;
    flag.at_least = static_cast<std::size_t>(n);
    return;
  }
  error(value, "match: must be any, all or {at_least: N}");
}

void CheckedValues::report(const Located& value, const std::vector<expr::Problem>& problems,
                           std::string_view key)
{
  for (const expr::Problem& problem : problems) {
    const FilePosition pos = value.doc->position_in_scalar(value.node, problem.offset);
    value.doc->error_at(m_diagnostics, pos, fmt::format("{}: {}", key, problem.message));
  }
}

} // namespace orgaudit::rules
