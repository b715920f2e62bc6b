#include <orgaudit/report/html_charts.hpp>

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include <orgaudit/core/text.hpp>
#include <orgaudit/report/escape.hpp>

namespace orgaudit::report {

namespace {

// The bar's own coordinate space; the SVG stretches to its grid cell.
constexpr double bar_scale = 100;
constexpr std::size_t label_cells = 24;

// Cuts `text` to `cells` display cells, with an ellipsis when cut.
std::string cut(std::string_view text, std::size_t cells)
{
  if (display_width(text) <= cells) {
    return std::string(text);
  }
  std::size_t pos = 0;
  std::size_t used = 0;
  while (pos < text.size()) {
    std::size_t next = pos;
    decode_utf8(text, next);
    const std::size_t w = display_width(text.substr(pos, next - pos));
    if (used + w + 1 > cells) {
      break;
    }
    used += w;
    pos = next;
  }
  return std::string(text.substr(0, pos)) + "…";
}

} // namespace

std::string_view tone_class(Tone tone)
{
  constexpr std::array<std::string_view, 6> classes = {"t-neutral", "t-good", "t-fair",
                                                       "t-pass",    "t-bad",  "t-muted"};
  return classes[static_cast<std::size_t>(tone)];
}

std::string horizontal_bars(const std::vector<Bar>& bars, double max, std::string_view title)
{
  if (max <= 0) {
    for (const Bar& bar : bars) {
      max = std::max(max, bar.value);
    }
  }
  std::string out = "<div class=\"bars\" role=\"figure\" aria-label=\"";
  append_html(out, title);
  out += "\">\n";
  for (const Bar& bar : bars) {
    const double share = max > 0 ? std::clamp(bar.value / max, 0.0, 1.0) : 0.0;
    out += "<span class=\"lbl\">";
    append_html(out, cut(bar.label, label_cells));
    out += fmt::format(
        "</span><svg class=\"bar\" viewBox=\"0 0 {} 10\" preserveAspectRatio=\"none\" "
        "aria-hidden=\"true\" xmlns=\"http://www.w3.org/2000/svg\"><rect class=\"track\" "
        "width=\"{}\" height=\"10\"/>",
        bar_scale, bar_scale);
    const double length = std::round(share * bar_scale * 10.0) / 10.0;
    if (length > 0) {
      out += fmt::format("<rect class=\"{}\" width=\"{}\" height=\"10\"/>", tone_class(bar.tone),
                         length);
    }
    out += "</svg><span class=\"val\">";
    append_html(out, bar.value_text);
    out += "</span>\n";
  }
  out += "</div>";
  return out;
}

} // namespace orgaudit::report
