#include <orgaudit/report/diagnostics_json.hpp>

#include <nlohmann/json.hpp>

namespace orgaudit::report {

std::string diagnostics_json(const Diagnostics& diagnostics)
{
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diagnostics.items()) {
    items.push_back({{"file", d.file},
                     {"line", d.line},
                     {"column", d.column},
                     {"severity", severity_name(d.severity)},
                     {"message", d.message}});
  }
  const nlohmann::ordered_json out = {{"diagnostics", std::move(items)},
                                      {"errors", diagnostics.error_count()},
                                      {"warnings", diagnostics.warning_count()}};
  return out.dump(2) + "\n";
}

} // namespace orgaudit::report
