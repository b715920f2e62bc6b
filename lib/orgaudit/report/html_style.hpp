#pragma once

#include <string_view>

namespace orgaudit::report {

// The HTML report's whole style sheet: screen, narrow screens and print.
std::string_view html_style();

} // namespace orgaudit::report
