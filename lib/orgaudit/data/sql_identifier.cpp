#include <orgaudit/data/sql_identifier.hpp>

namespace orgaudit::data {

std::string quote_identifier(const std::string& name)
{
  std::string out = "\"";
  for (char c : name) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

} // namespace orgaudit::data
