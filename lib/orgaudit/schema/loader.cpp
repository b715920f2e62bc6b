#include <orgaudit/schema/loader.hpp>

#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include <orgaudit/core/text.hpp>
#include <orgaudit/schema/yaml_reader.hpp>

namespace orgaudit::schema {

namespace {

struct TypeName {
  std::string_view name;
  ColumnType type;
};

// The long names are canonical; the short ones are what expressions print.
constexpr std::array<TypeName, 12> type_names = {{
    {"string", ColumnType::string},
    {"integer", ColumnType::integer},
    {"number", ColumnType::number},
    {"money", ColumnType::money},
    {"boolean", ColumnType::boolean},
    {"date", ColumnType::date},
    {"enum", ColumnType::enumeration},
    {"uscc", ColumnType::uscc},
    {"int", ColumnType::integer},
    {"bool", ColumnType::boolean},
    {"enumeration", ColumnType::enumeration},
    {"double", ColumnType::number},
}};

// Reads one schema file, adding every mistake it finds to the diagnostics.
class SchemaReader : private YamlReader {
 public:
  using YamlReader::YamlReader;

  void read(const YAML::Node& root, Schema& schema)
  {
    if (!expect_map(root, "the schema")) {
      return;
    }
    check_keys(root, {"schema", "tables"}, "the schema");
    if (const auto id = root["schema"]) {
      schema.id = scalar(id, "schema");
    }
    const YAML::Node tables = root["tables"];
    if (!tables) {
      error(root, "the schema needs \"tables\"");
      return;
    }
    if (!tables.IsSequence() || tables.size() == 0) {
      error(tables, "\"tables\" must be a non-empty list");
      return;
    }
    schema.tables = read_named<Table>(
        tables, [this](const YAML::Node& node) { return read_table(node); },
        [](const Table& table) { return fmt::format("duplicate table \"{}\"", table.name); });
    schema.tables.front().is_root = true;
    const auto missing = resolve_root_columns(schema);
    if (!missing.empty() && !schema.tables.front().columns.empty()) {
      error(tables[0],
            fmt::format("the first table (one row per organization) needs the "
                        "column{} \"{}\": every report shows each organization's uscc, name, "
                        "type, region and status",
                        missing.size() == 1 ? "" : "s", fmt::join(missing, "\", \"")));
    }
  }

 private:
  // Every item of `list` read by `read_item`, with an error (worded by
  // `duplicate`) at each item whose name an earlier item has.
  template <class Item, class Read, class Duplicate>
  std::vector<Item> read_named(const YAML::Node& list, Read read_item, Duplicate duplicate)
  {
    std::vector<Item> items;
    std::set<std::string> names;
    for (const YAML::Node& node : list) {
      Item item = read_item(node);
      if (!item.name.empty() && !names.insert(item.name).second) {
        error(node, duplicate(item));
      }
      items.push_back(std::move(item));
    }
    return items;
  }

  // Starts reading `node`, a table or column (`what`): its line, keys, name
  // and Chinese label; false when it is not a mapping.
  template <class Item>
  bool read_named_map(const YAML::Node& node, std::initializer_list<std::string_view> keys,
                      std::string_view what, Item& item)
  {
    item.line = line_of(node);
    if (!expect_map(node, what)) {
      return false;
    }
    check_keys(node, keys, what);
    item.name = required_scalar(node, "name", what);
    item.label_zh = optional_scalar(node, "label_zh");
    return true;
  }

  Table read_table(const YAML::Node& node)
  {
    Table table;
    if (!read_named_map(node, {"name", "label_zh", "key", "columns"}, "a table", table)) {
      return table;
    }
    table.key = required_scalar(node, "key", "a table");
    const YAML::Node columns = node["columns"];
    if (!columns) {
      error(node, fmt::format("table \"{}\" needs \"columns\"", table.name));
      return table;
    }
    if (!columns.IsSequence()) {
      error(columns, "\"columns\" must be a list");
      return table;
    }
    table.columns = read_named<Column>(
        columns, [this](const YAML::Node& column) { return read_column(column); },
        [&table](const Column& column) {
          return fmt::format("duplicate column \"{}\" in table \"{}\"", column.name, table.name);
        });
    if (!table.key.empty()) {
      const Column* key = table.find_column(table.key);
      if (key == nullptr) {
        error(node["key"],
              fmt::format("key \"{}\" is not a column of table \"{}\"", table.key, table.name));
      } else if (!key->required) {
        error(node["key"], fmt::format("key column \"{}\" must be required", table.key));
      }
    }
    return table;
  }

  Column read_column(const YAML::Node& node)
  {
    Column column;
    if (!read_named_map(node,
                        {"name", "type", "required", "label_zh", "aliases", "min", "max",
                         "due_date", "values", "labels"},
                        "a column", column)) {
      return column;
    }
    column.aliases = string_list(node["aliases"]);
    column.required = flag(node, "required");
    column.due_date = flag(node, "due_date");
    if (const YAML::Node type = node["type"]) {
      column.type = read_type(type);
    } else {
      error(node, fmt::format("column \"{}\" needs \"type\"", column.name));
    }
    read_bound(node, "min", column.min);
    read_bound(node, "max", column.max);
    if ((column.min || column.max) && column.type != ColumnType::integer) {
      error(node,
            fmt::format("column \"{}\": min and max apply to integer columns only", column.name));
    }
    if (column.due_date && column.type != ColumnType::date) {
      error(node["due_date"],
            fmt::format("column \"{}\": due_date applies to date columns only", column.name));
    }
    read_labels(node["labels"], column);
    const YAML::Node values = node["values"];
    if (column.type == ColumnType::enumeration) {
      read_values(node, values, column);
    } else if (values) {
      error(values, fmt::format("column \"{}\": values apply to enum columns only", column.name));
    }
    return column;
  }

  void read_values(const YAML::Node& column_node, const YAML::Node& values, Column& column)
  {
    if (!values || !values.IsSequence() || values.size() == 0) {
      error(values ? values : column_node,
            fmt::format("enum column \"{}\" needs a non-empty list of \"values\"", column.name));
      return;
    }
    if (values.size() >= 255) {
      error(values, fmt::format("enum column \"{}\" has more than 254 values", column.name));
      return;
    }
    std::set<std::string> spellings;
    for (const YAML::Node& node : values) {
      EnumValue value;
      if (node.IsScalar()) {
        value.name = node.Scalar();
      } else if (expect_map(node, "an enum value")) {
        check_keys(node, {"name", "label_zh", "aliases"}, "an enum value");
        value.name = required_scalar(node, "name", "an enum value");
        value.label_zh = optional_scalar(node, "label_zh");
        value.aliases = string_list(node["aliases"]);
      }
      if (!spellings.insert(value.name).second) {
        error(node,
              fmt::format("enum column \"{}\": \"{}\" is declared twice", column.name, value.name));
      }
      for (const std::string& alias : value.aliases) {
        if (alias != value.name && !spellings.insert(alias).second) {
          error(node,
                fmt::format("enum column \"{}\": alias \"{}\" is used twice", column.name, alias));
        }
      }
      column.values.push_back(std::move(value));
    }
  }

  // The optional display names of a string column's values (e.g. region codes).
  void read_labels(const YAML::Node& labels, Column& column)
  {
    if (!labels) {
      return;
    }
    if (column.type != ColumnType::string) {
      error(labels, fmt::format("column \"{}\": labels apply to string columns only", column.name));
      return;
    }
    if (!labels.IsSequence()) {
      error(labels, "\"labels\" must be a list");
      return;
    }
    std::set<std::string> seen;
    for (const YAML::Node& node : labels) {
      if (!expect_map(node, "a label")) {
        continue;
      }
      check_keys(node, {"value", "label_zh", "label_en"}, "a label");
      ValueLabel label{required_scalar(node, "value", "a label"), optional_scalar(node, "label_zh"),
                       optional_scalar(node, "label_en")};
      if (!label.value.empty() && !seen.insert(label.value).second) {
        error(node,
              fmt::format("column \"{}\": \"{}\" is labelled twice", column.name, label.value));
      }
      column.labels.push_back(std::move(label));
    }
  }

  ColumnType read_type(const YAML::Node& node)
  {
    const std::string text = scalar(node, "type");
    for (const TypeName& entry : type_names) {
      if (entry.name == text) {
        return entry.type;
      }
    }
    std::array<std::string_view, 8> canonical{};
    for (std::size_t i = 0; i < canonical.size(); ++i) {
      canonical[i] = type_names[i].name;
    }
    std::string message = fmt::format("unknown type \"{}\"", text);
    if (const auto guess = closest_match(text, canonical)) {
      message += fmt::format("; did you mean \"{}\"?", *guess);
    } else {
      message += " (expected string, integer, number, money, boolean, date, enum or uscc)";
    }
    error(node, message);
    return ColumnType::string;
  }
};

// Checks the parsed `document` and builds its schema; null after any error.
std::shared_ptr<const Schema> read_schema(const YamlDocument& document, Diagnostics& diagnostics)
{
  if (!document.ok()) {
    return nullptr;
  }
  auto schema = std::make_shared<Schema>();
  schema->path = document.path();
  Diagnostics found;
  SchemaReader(document, found).read(document.root(), *schema);
  found.sort();
  diagnostics.append(found);
  return found.has_errors() ? nullptr : schema;
}

} // namespace

std::shared_ptr<const Schema> parse_schema(std::string_view text, const std::string& path,
                                           Diagnostics& diagnostics)
{
  const YamlDocument document(path, std::string(text), diagnostics);
  return read_schema(document, diagnostics);
}

std::shared_ptr<const Schema> load_schema(const std::string& path, Diagnostics& diagnostics)
{
  const YamlDocument document(path, diagnostics);
  return read_schema(document, diagnostics);
}

} // namespace orgaudit::schema
