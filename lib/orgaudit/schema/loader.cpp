#include <orgaudit/schema/loader.hpp>

#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <orgaudit/core/file.hpp>
#include <orgaudit/core/text.hpp>
#include <orgaudit/schema/yaml_reader.hpp>

namespace orgaudit::schema {

namespace {

constexpr std::array<std::string_view, 2> schema_keys = {"schema", "tables"};
constexpr std::array<std::string_view, 4> table_keys = {"name", "label_zh", "key", "columns"};
constexpr std::array<std::string_view, 9> column_keys = {
    "name", "type", "required", "label_zh", "aliases", "min", "max", "due_date", "values"};
constexpr std::array<std::string_view, 3> value_keys = {"name", "label_zh", "aliases"};

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
    check_keys(root, schema_keys, "the schema");
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
    std::set<std::string> names;
    for (const YAML::Node& node : tables) {
      Table table = read_table(node);
      if (!table.name.empty() && !names.insert(table.name).second) {
        error(node, fmt::format("duplicate table \"{}\"", table.name));
      }
      schema.tables.push_back(std::move(table));
    }
    schema.tables.front().is_root = true;
  }

 private:
  Table read_table(const YAML::Node& node)
  {
    Table table;
    table.line = line_of(node);
    if (!expect_map(node, "a table")) {
      return table;
    }
    check_keys(node, table_keys, "a table");
    table.name = required_scalar(node, "name", "a table");
    table.label_zh = optional_scalar(node, "label_zh");
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
    std::set<std::string> names;
    for (const YAML::Node& column_node : columns) {
      Column column = read_column(column_node);
      if (!column.name.empty() && !names.insert(column.name).second) {
        error(column_node,
              fmt::format("duplicate column \"{}\" in table \"{}\"", column.name, table.name));
      }
      table.columns.push_back(std::move(column));
    }
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
    column.line = line_of(node);
    if (!expect_map(node, "a column")) {
      return column;
    }
    check_keys(node, column_keys, "a column");
    column.name = required_scalar(node, "name", "a column");
    column.label_zh = optional_scalar(node, "label_zh");
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
        check_keys(node, value_keys, "an enum value");
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

} // namespace

std::shared_ptr<const Schema> parse_schema(std::string_view text, const std::string& path,
                                           Diagnostics& diagnostics)
{
  const std::size_t errors_before = diagnostics.error_count();
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    diagnostics.error(path, static_cast<std::size_t>(e.mark.line + 1),
                      static_cast<std::size_t>(e.mark.column + 1), fmt::format("YAML: {}", e.msg));
    return nullptr;
  }
  auto schema = std::make_shared<Schema>();
  schema->path = path;
  Diagnostics found;
  SchemaReader(path, found).read(root, *schema);
  found.sort();
  diagnostics.append(found);
  if (diagnostics.error_count() > errors_before) {
    return nullptr;
  }
  return schema;
}

std::shared_ptr<const Schema> load_schema(const std::string& path, Diagnostics& diagnostics)
{
  return parse_schema(read_file(path), path, diagnostics);
}

} // namespace orgaudit::schema
