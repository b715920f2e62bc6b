#include <orgaudit/core/terminal.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>

#include <sys/ioctl.h>
#include <unistd.h>

namespace orgaudit {

Terminal Terminal::detect(bool no_color_flag, ProgressMode progress)
{
  Terminal t;
  const bool out_tty = ::isatty(STDOUT_FILENO) == 1;
  const bool err_tty = ::isatty(STDERR_FILENO) == 1;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  const bool dumb = term != nullptr && std::string_view(term) == "dumb";
  const bool color_allowed = !no_color_flag && (no_color == nullptr || *no_color == '\0') && !dumb;
  t.m_stdout_color = color_allowed && out_tty;
  t.m_stderr_color = color_allowed && err_tty;
  t.m_progress =
      progress == ProgressMode::always || (progress == ProgressMode::automatic && err_tty && !dumb);
  if (const char* columns = std::getenv("COLUMNS")) {
    t.m_width = std::max(40, std::atoi(columns));
  } else if (out_tty) {
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
      t.m_width = ws.ws_col;
    }
  }
  return t;
}

std::string Terminal::paint(bool color, std::string_view code, std::string_view text) const
{
  if (!color) {
    return std::string(text);
  }
  std::string out = "\x1b[";
  out += code;
  out += 'm';
  out += text;
  out += "\x1b[0m";
  return out;
}

} // namespace orgaudit
