#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

#include <orgaudit/schema/schema.hpp>

namespace orgaudit::data {

// Finds an enum column's code by any spelling of a value (its name or an
// alias, SPEC §2) in a few comparisons: spellings are grouped by length and
// compared first by their leading eight bytes. Text must be trimmed already.
class EnumLookup {
 public:
  explicit EnumLookup(const schema::Column& column)
  {
    for (std::size_t v = 0; v < column.values.size(); ++v) {
      add(column.values[v].name, static_cast<std::uint8_t>(v));
      for (const auto& alias : column.values[v].aliases) {
        add(alias, static_cast<std::uint8_t>(v));
      }
    }
  }

  std::optional<std::uint8_t> find(std::string_view text) const
  {
    const std::uint64_t head = head_of(text);
    for (const Entry& entry : m_entries) {
      if (entry.size == text.size() && entry.head == head &&
          std::memcmp(entry.text.data(), text.data(), text.size()) == 0) {
        return entry.code;
      }
    }
    return std::nullopt;
  }

 private:
  struct Entry {
    std::size_t size;
    std::uint64_t head;
    std::string_view text;
    std::uint8_t code;
  };

  static std::uint64_t head_of(std::string_view text)
  {
    std::uint64_t head = 0;
    if (!text.empty()) {
      std::memcpy(&head, text.data(), text.size() < 8 ? text.size() : 8);
    }
    return head;
  }

  void add(std::string_view text, std::uint8_t code)
  {
    // The first spelling wins, as in schema::Column::enum_code.
    if (!find(text)) {
      m_entries.push_back({text.size(), head_of(text), text, code});
    }
  }

  std::vector<Entry> m_entries;
};

} // namespace orgaudit::data
