#pragma once

#include <string>

namespace orgaudit::data {

// `name` as an SQL identifier in double quotes, with each double quote in it
// doubled, so that any table or column name reads back as itself.
std::string quote_identifier(const std::string& name);

} // namespace orgaudit::data
