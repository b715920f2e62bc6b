#pragma once

#include <string>

#include <orgaudit/core/diagnostic.hpp>

namespace orgaudit::report {

// `validate --format json` (SPEC §5): every diagnostic as {file, line, column,
// severity, message} in the order given, then the error and warning counts,
// as a JSON object indented by two spaces and ending in a newline.
std::string diagnostics_json(const Diagnostics& diagnostics);

} // namespace orgaudit::report
