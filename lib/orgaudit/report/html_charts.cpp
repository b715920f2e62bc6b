#include <orgaudit/report/html_charts.hpp>

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include <orgaudit/core/text.hpp>
#include <orgaudit/report/escape.hpp>

namespace orgaudit::report {

namespace {

constexpr int row_height = 30;
constexpr int bar_height = 18;
constexpr int label_width = 170;
constexpr int bar_area = 360;
constexpr int chart_width = 660;
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
  const int height = static_cast<int>(bars.size()) * row_height + 6;
  std::string out = fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"",
      chart_width, height, chart_width, height);
  append_xml(out, title);
  out += "\" xmlns=\"http://www.w3.org/2000/svg\">";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& bar = bars[i];
    const int y = static_cast<int>(i) * row_height + 4;
    const double share = max > 0 ? std::clamp(bar.value / max, 0.0, 1.0) : 0.0;
    const int length = static_cast<int>(share * bar_area + 0.5);
    out += fmt::format("<text class=\"lbl\" x=\"{}\" y=\"{}\">", label_width - 8, y + 14);
    append_xml(out, cut(bar.label, label_cells));
    out += fmt::format(
        "</text><rect class=\"track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"/>",
        label_width, y + 1, bar_area, bar_height);
    if (length > 0) {
      out +=
          fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"/>",
                      tone_class(bar.tone), label_width, y + 1, length, bar_height);
    }
    out +=
        fmt::format("<text class=\"val\" x=\"{}\" y=\"{}\">", label_width + bar_area + 8, y + 14);
    append_xml(out, bar.value_text);
    out += "</text>";
  }
  out += "</svg>";
  return out;
}

} // namespace orgaudit::report
