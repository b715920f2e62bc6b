#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orgaudit::report {

// The colour family of a bar, mapped to CSS classes so print and screen agree.
enum class Tone : std::uint8_t { neutral, good, fair, pass, bad, muted };

// One bar of a horizontal bar chart.
struct Bar {
  std::string label; // cut to fit the label column
  double value = 0;
  std::string value_text; // printed after the bar
  Tone tone = Tone::neutral;
};

// A horizontal bar chart scaled to `max` (0: the largest value): a grid of
// rows whose labels and values are HTML text (so they keep their size on a
// phone and on paper) and whose bars are small inline SVGs; every text is
// HTML-escaped.
std::string horizontal_bars(const std::vector<Bar>& bars, double max, std::string_view title);

// The CSS class of a tone ("t-good", …).
std::string_view tone_class(Tone tone);

} // namespace orgaudit::report
