#pragma once

// Lists of strings (messages, names) print their items when a CHECK fails,
// one quoted item per line, instead of doctest's "{?}".

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace doctest {

template <typename Text> String string_list(const std::vector<Text>& items)
{
  std::string out = "{";
  for (const auto& item : items) {
    out += "\n  \"" + std::string(std::string_view(item)) + "\"";
  }
  out += items.empty() ? "}" : "\n}";
  return String(out.c_str());
}

template <> struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& items) { return string_list(items); }
};

template <> struct StringMaker<std::vector<std::string_view>> {
  static String convert(const std::vector<std::string_view>& items) { return string_list(items); }
};

} // namespace doctest
