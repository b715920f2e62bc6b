#include <orgaudit/data/jsonl_reader.hpp>

#include <algorithm>
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <orgaudit/core/text.hpp>

namespace orgaudit::data {

namespace {

// ordered_json keeps the keys in file order, so column positions match the line.
using Json = nlohmann::ordered_json;

// Calls `visit(line_text, line_number)` for each non-blank line.
template <typename Visit> void for_each_line(std::string_view text, Visit&& visit)
{
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  std::uint32_t line = 1;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string_view content = text.substr(pos, end - pos);
    if (!trim(content).empty()) {
      visit(content, line);
    }
    pos = end + 1;
    ++line;
  }
}

// The message of a parse error without nlohmann's "[json.exception…]" prefix.
std::string parse_message(const Json::parse_error& e)
{
  std::string_view what = e.what();
  if (const auto bracket = what.find("] "); bracket != std::string_view::npos) {
    what.remove_prefix(bracket + 2);
  }
  // "parse error at line 1, column 10: syntax error …": the line is ours to give.
  if (what.starts_with("parse error")) {
    if (const auto colon = what.find(": "); colon != std::string_view::npos) {
      what.remove_prefix(colon + 2);
    }
  }
  return fmt::format("invalid JSON: {}", what);
}

} // namespace

void read_jsonl_table(std::string_view text, TableBuilder& builder, Diagnostics& diagnostics)
{
  // Pass one: the keys, in order of first appearance, become the header.
  std::vector<std::string> keys;
  std::uint32_t first_line = 0;
  bool any_error = false;
  for_each_line(text, [&](std::string_view content, std::uint32_t line) {
    try {
      const Json object = Json::parse(content);
      if (!object.is_object()) {
        diagnostics.error(builder.source(), line, 1, "expected a JSON object on each line");
        any_error = true;
        return;
      }
      if (first_line == 0) {
        first_line = line;
      }
      for (const auto& item : object.items()) {
        if (std::find(keys.begin(), keys.end(), item.key()) == keys.end()) {
          keys.push_back(item.key());
        }
      }
    } catch (const Json::parse_error& e) {
      diagnostics.error(builder.source(), line, 1, parse_message(e));
      any_error = true;
    }
  });
  if (first_line == 0) {
    if (!any_error) {
      diagnostics.error(builder.source(), 0, 0, "empty file: no JSON objects");
    }
    return;
  }
  const std::vector<std::string_view> header(keys.begin(), keys.end());
  if (!builder.set_header(header, first_line)) {
    return;
  }
  // Pass two: the rows, each key's value in its header position.
  std::vector<Cell> cells(keys.size());
  for_each_line(text, [&](std::string_view content, std::uint32_t line) {
    Json object = Json::parse(content, nullptr, false);
    if (object.is_discarded() || !object.is_object()) {
      return;
    }
    std::fill(cells.begin(), cells.end(), Cell{});
    bool nested = false;
    for (auto& item : object.items()) {
      const auto position =
          static_cast<std::size_t>(std::find(keys.begin(), keys.end(), item.key()) - keys.begin());
      const Json& value = item.value();
      Cell& cell = cells[position];
      if (value.is_string()) {
        cell = Cell::of_text(value.get_ref<const std::string&>());
      } else if (value.is_boolean()) {
        cell = Cell::of_boolean(value.get<bool>());
      } else if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        cell = number <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
                   ? Cell::of_integer(static_cast<std::int64_t>(number))
                   : Cell::of_real(value.get<double>());
      } else if (value.is_number_integer()) {
        cell = Cell::of_integer(value.get<std::int64_t>());
      } else if (value.is_number_float()) {
        cell = Cell::of_real(value.get<double>());
      } else if (!value.is_null()) {
        builder.reject_row(
            line, position + 1,
            fmt::format("{}: nested JSON arrays and objects are not allowed", item.key()));
        nested = true;
        break;
      }
    }
    if (!nested) {
      builder.add_row(cells, line);
    }
  });
}

} // namespace orgaudit::data
