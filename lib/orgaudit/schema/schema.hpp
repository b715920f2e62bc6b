#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgaudit::schema {

// The type of a column. `money` is a non-negative decimal number of yuan;
// `number` any decimal; `integer` a whole number (int64); `enumeration` one of
// the column's declared values; `uscc` an 18-character USCC string.
enum class ColumnType : std::uint8_t {
  string,
  integer,
  number,
  money,
  boolean,
  date,
  enumeration,
  uscc
};

std::string_view column_type_name(ColumnType type);

// A canonical name as English readers read it: underscores become spaces and
// the first letter is capitalized ("social_service_agency" → "Social service
// agency"). The English display label of tables, columns and enum values.
std::string readable_name(std::string_view name);

// One allowed value of an enum column, with the spellings a bureau export uses.
struct EnumValue {
  std::string name;                 // canonical English value, e.g. "social_group"
  std::vector<std::string> aliases; // e.g. "社会团体", "社团"
  std::string label_zh;             // how reports print it in Chinese
};

struct Column {
  std::string name; // canonical English name, e.g. "registered_on"
  ColumnType type = ColumnType::string;
  bool required = false;            // a file of the table without it is an error
  std::vector<std::string> aliases; // header spellings, e.g. "登记日期", "成立登记日期"
  std::vector<EnumValue> values;    // enumeration only; a value's index is its code
  std::optional<std::int64_t> min;  // integer only: inclusive bounds
  std::optional<std::int64_t> max;
  bool due_date = false; // date only: may lie after --as-of (e.g. term_ends_on)
  std::string label_zh;
  std::size_t line = 0; // where the schema file declares it (1-based)

  // The code (index into `values`) of a canonical value or alias, matched
  // exactly after trimming spaces; nullopt if it is neither.
  std::optional<std::uint8_t> enum_code(std::string_view text) const;
  // True if `name` is the canonical name or an alias of this column.
  bool matches_header(std::string_view header) const;
};

struct Table {
  std::string name;     // "organizations", "annual_reports", …
  std::string key;      // organizations: "uscc"; child tables: the parent key column "uscc"
  bool is_root = false; // the organizations table
  std::vector<Column> columns;
  std::string label_zh;
  std::size_t line = 0;

  // Index of the column with this canonical name, or nullopt.
  std::optional<std::size_t> column_index(std::string_view name) const;
  const Column* find_column(std::string_view name) const;
};

// Tables, columns, types, enums and aliases, loaded from a schema YAML file
// (rules/schema/social-org.yaml). The root table (organizations) is tables[0].
struct Schema {
  std::string id;
  std::string path;
  std::vector<Table> tables;

  std::optional<std::size_t> table_index(std::string_view name) const;
  const Table* find_table(std::string_view name) const;
  const Table& root() const { return tables.front(); }
};

} // namespace orgaudit::schema
