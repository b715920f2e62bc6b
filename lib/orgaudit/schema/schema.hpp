#pragma once

#include <array>
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

// How reports print one value of a string column (a region code, say).
struct ValueLabel {
  std::string value;    // the value as the data holds it, e.g. "330502"
  std::string label_zh; // e.g. "吴兴区"
  std::string label_en; // e.g. "Wuxing"
};

struct Column {
  std::string name; // canonical English name, e.g. "registered_on"
  ColumnType type = ColumnType::string;
  bool required = false;            // a file of the table without it is an error
  std::vector<std::string> aliases; // header spellings, e.g. "登记日期", "成立登记日期"
  std::vector<EnumValue> values;    // enumeration only; a value's index is its code
  std::optional<std::int64_t> min;  // integer only: inclusive bounds
  std::optional<std::int64_t> max;
  bool due_date = false;          // date only: may lie after --as-of (e.g. term_ends_on)
  std::vector<ValueLabel> labels; // string only: display names of some values
  std::string label_zh;
  std::size_t line = 0; // where the schema file declares it (1-based)

  // The code (index into `values`) of a canonical value or alias, matched
  // exactly after trimming spaces; nullopt if it is neither.
  std::optional<std::uint8_t> enum_code(std::string_view text) const;
  // True if `name` is the canonical name or an alias of this column.
  bool matches_header(std::string_view header) const;
  // The label declared for `value`, or null if `labels` has none.
  const ValueLabel* label_of(std::string_view value) const;
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

// The root table's columns that every module reads (SPEC §2.1's required
// organization columns), as indexes into Schema::root().columns.
struct RootColumns {
  std::size_t uscc = 0;
  std::size_t name = 0;
  std::size_t type = 0;
  std::size_t region = 0;
  std::size_t status = 0;
};

// The canonical names of the root columns, in RootColumns' order.
inline constexpr std::array<std::string_view, 5> root_column_names = {"uscc", "name", "type",
                                                                      "region", "status"};

// Tables, columns, types, enums and aliases, loaded from a schema YAML file
// (rules/schema/social-org.yaml). The root table (organizations) is tables[0].
struct Schema {
  std::string id;
  std::string path;
  std::vector<Table> tables;
  RootColumns root_columns; // set by resolve_root_columns (load_schema calls it)

  std::optional<std::size_t> table_index(std::string_view name) const;
  const Table* find_table(std::string_view name) const;
  const Table& root() const { return tables.front(); }
  // The root table's column `index` (one of root_columns).
  const Column& root_column(std::size_t index) const { return root().columns[index]; }
};

// Sets schema.root_columns from the columns of its root table; returns the
// names in root_column_names that the root table lacks (empty when none).
std::vector<std::string_view> resolve_root_columns(Schema& schema);

} // namespace orgaudit::schema
