#include <orgaudit/core/diagnostic.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <orgaudit/core/text.hpp>

namespace orgaudit {

std::string_view severity_name(Severity severity)
{
  return severity == Severity::error ? "error" : "warning";
}

std::string format_diagnostic(const Diagnostic& d)
{
  std::string out = d.file;
  if (d.line > 0) {
    out += fmt::format(":{}:{}", d.line, d.column);
  }
  out += fmt::format(": {}: {}", severity_name(d.severity), d.message);
  if (!d.source_line.empty()) {
    out += "\n  ";
    out += d.source_line;
    out += "\n  ";
    // The caret sits under the column-th code point; wide CJK characters take
    // two terminal cells, so pad with their display width.
    out += std::string(display_width_prefix(d.source_line, d.column > 0 ? d.column - 1 : 0), ' ');
    out += '^';
  }
  return out;
}

void Diagnostics::add(Diagnostic diagnostic)
{
  if (diagnostic.severity == Severity::error) {
    ++m_errors;
  }
  m_items.push_back(std::move(diagnostic));
}

void Diagnostics::error(std::string file, std::size_t line, std::size_t column, std::string message,
                        std::string source_line)
{
  add({std::move(file), line, column, Severity::error, std::move(message), std::move(source_line)});
}

void Diagnostics::warning(std::string file, std::size_t line, std::size_t column,
                          std::string message, std::string source_line)
{
  add({std::move(file), line, column, Severity::warning, std::move(message),
       std::move(source_line)});
}

void Diagnostics::append(const Diagnostics& other)
{
  for (const auto& d : other.m_items) {
    add(d);
  }
}

void Diagnostics::sort()
{
  sort([](const std::string&) { return std::size_t{0}; });
}

void Diagnostics::sort(const std::function<std::size_t(const std::string&)>& rank)
{
  std::stable_sort(m_items.begin(), m_items.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) {
      const std::size_t rank_a = rank(a.file);
      const std::size_t rank_b = rank(b.file);
      return rank_a != rank_b ? rank_a < rank_b : a.file < b.file;
    }
    if (a.line != b.line) {
      return a.line < b.line;
    }
    return a.column < b.column;
  });
}

std::string Diagnostics::format(std::size_t limit) const
{
  std::string out;
  std::size_t shown = 0;
  std::size_t left_out = 0;
  for (const Diagnostic& d : m_items) {
    // Whole-file problems are few and change how everything else reads.
    if (limit > 0 && d.line > 0 && shown >= limit) {
      ++left_out;
      continue;
    }
    shown += d.line > 0 ? 1 : 0;
    out += format_diagnostic(d);
    out += '\n';
  }
  if (left_out > 0) {
    out += fmt::format("… and {} more\n", left_out);
  }
  return out;
}

RulesError::RulesError(Diagnostics diagnostics)
    : Error(ExitCode::invalid_rules,
            fmt::format("invalid rule set: {} error(s)", diagnostics.error_count())),
      m_diagnostics(std::move(diagnostics))
{
}

DataError::DataError(Diagnostics diagnostics)
    : Error(ExitCode::invalid_data,
            fmt::format("invalid input data: {} error(s)", diagnostics.error_count())),
      m_diagnostics(std::move(diagnostics))
{
}

} // namespace orgaudit
