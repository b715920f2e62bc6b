#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/core/error.hpp>

namespace orgaudit {

enum class Severity { error, warning };

std::string_view severity_name(Severity severity);

// One problem found in a user's file: rules, schema, waivers or data. Lines and
// columns are 1-based; a column counts Unicode code points (rule files) or
// fields (data files). `source_line`, when set, is printed under the message
// with a caret at `column`.
struct Diagnostic {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  Severity severity = Severity::error;
  std::string message;
  std::string source_line;
};

// Formats `file:line:col: error: message`, followed by the source line and a
// caret when the diagnostic has one. Omits `:line:col` when line is 0.
std::string format_diagnostic(const Diagnostic& diagnostic);

// A collection of diagnostics: user mistakes are gathered and all reported,
// never thrown one at a time.
class Diagnostics {
 public:
  void add(Diagnostic diagnostic);
  void error(std::string file, std::size_t line, std::size_t column, std::string message,
             std::string source_line = {});
  void warning(std::string file, std::size_t line, std::size_t column, std::string message,
               std::string source_line = {});
  void append(const Diagnostics& other);

  std::size_t error_count() const { return m_errors; }
  std::size_t warning_count() const { return m_items.size() - m_errors; }
  bool has_errors() const { return m_errors > 0; }
  bool empty() const { return m_items.empty(); }
  const std::vector<Diagnostic>& items() const { return m_items; }

  // Sorts by file, then line, then column, keeping insertion order for ties.
  void sort();
  // The same with the files in the order of `rank` (lower first; by name
  // among files of equal rank).
  void sort(const std::function<std::size_t(const std::string&)>& rank);

  // Every diagnostic formatted, one per line; with `limit` > 0, at most that many
  // of those at a line, followed by "… and N more" (those about a whole file or
  // dataset, at line 0, are always shown).
  std::string format(std::size_t limit = 0) const;

 private:
  std::vector<Diagnostic> m_items;
  std::size_t m_errors = 0;
};

// Thrown after a rule set, schema or waivers file failed its checks (exit 3);
// carries every diagnostic found.
class RulesError : public Error {
 public:
  explicit RulesError(Diagnostics diagnostics);
  const Diagnostics& diagnostics() const { return m_diagnostics; }

 private:
  Diagnostics m_diagnostics;
};

// Thrown after input data failed validation (exit 4); carries the diagnostics.
class DataError : public Error {
 public:
  explicit DataError(Diagnostics diagnostics);
  const Diagnostics& diagnostics() const { return m_diagnostics; }

 private:
  Diagnostics m_diagnostics;
};

} // namespace orgaudit
