#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace orgaudit {

enum class ProgressMode { automatic, always, never };

// Every terminal decision in one place: whether stdout and stderr are TTYs,
// whether to use colour (TTY only; never with NO_COLOR set, TERM=dumb or
// --no-color), whether to draw progress, and the width. Renderers ask this
// object; they never call isatty themselves.
class Terminal {
 public:
  // Reads isatty(1), isatty(2), NO_COLOR, TERM and COLUMNS once.
  static Terminal detect(bool no_color_flag, ProgressMode progress);

  bool stdout_color() const { return m_stdout_color; }
  bool stderr_color() const { return m_stderr_color; }
  bool progress() const { return m_progress; }
  int width() const { return m_width; }

  // `text` wrapped in the ANSI SGR `code` when colour is on for that stream.
  std::string paint(bool color, std::string_view code, std::string_view text) const;

 private:
  bool m_stdout_color = false;
  bool m_stderr_color = false;
  bool m_progress = false;
  int m_width = 100;
};

} // namespace orgaudit
