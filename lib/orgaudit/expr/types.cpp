#include <orgaudit/expr/types.hpp>

namespace orgaudit::expr {

Type Type::enumeration(std::size_t table, std::size_t column)
{
  return Type{Kind::enumeration, Kind::dyn, static_cast<std::uint16_t>(table),
              static_cast<std::uint16_t>(column)};
}

Type Type::row(std::size_t table)
{
  return Type{Kind::row, Kind::dyn, static_cast<std::uint16_t>(table), 0};
}

Type Type::list_of(Type element)
{
  return Type{Kind::list, element.kind, element.table, element.column};
}

std::string type_name(const Type& type, const schema::Schema& schema)
{
  switch (type.kind) {
  case Kind::error:
    return "error";
  case Kind::null:
    return "null";
  case Kind::dyn:
    return "dyn";
  case Kind::boolean:
    return "bool";
  case Kind::integer:
    return "int";
  case Kind::real:
    return "double";
  case Kind::string:
    return "string";
  case Kind::date:
    return "date";
  case Kind::enumeration: {
    const auto& table = schema.tables[type.table];
    return "enum " + table.name + "." + table.columns[type.column].name;
  }
  case Kind::row:
    return "row<" + schema.tables[type.table].name + ">";
  case Kind::list:
    return "list<" + type_name(type.element_type(), schema) + ">";
  }
  return "?";
}

Type column_value_type(const schema::Schema& schema, std::size_t table, std::size_t column)
{
  switch (schema.tables[table].columns[column].type) {
  case schema::ColumnType::string:
  case schema::ColumnType::uscc:
    return Type::of(Kind::string);
  case schema::ColumnType::integer:
    return Type::of(Kind::integer);
  case schema::ColumnType::number:
  case schema::ColumnType::money:
    return Type::of(Kind::real);
  case schema::ColumnType::boolean:
    return Type::of(Kind::boolean);
  case schema::ColumnType::date:
    return Type::of(Kind::date);
  case schema::ColumnType::enumeration:
    return Type::enumeration(table, column);
  }
  return Type::of(Kind::error);
}

} // namespace orgaudit::expr
