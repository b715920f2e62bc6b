#include <doctest/doctest.h>

#include <orgaudit/schema/loader.hpp>
#include <orgaudit/schema/schema.hpp>

using namespace orgaudit;
using namespace orgaudit::schema;

namespace {

Column named(std::string name)
{
  Column column;
  column.name = std::move(name);
  return column;
}

Schema schema_with(std::vector<std::string> names)
{
  Table root;
  root.name = "organizations";
  root.is_root = true;
  for (auto& name : names) {
    root.columns.push_back(named(std::move(name)));
  }
  Schema schema;
  schema.tables.push_back(std::move(root));
  return schema;
}

} // namespace

TEST_CASE("the root columns resolve to their indexes in the root table, in any order")
{
  Schema schema = schema_with({"status", "grade", "region", "uscc", "type", "name"});
  CHECK(resolve_root_columns(schema).empty());
  CHECK(schema.root_columns.uscc == 3);
  CHECK(schema.root_columns.name == 5);
  CHECK(schema.root_columns.type == 4);
  CHECK(schema.root_columns.region == 2);
  CHECK(schema.root_columns.status == 0);
  CHECK(schema.root_column(schema.root_columns.region).name == "region");
}

TEST_CASE("resolving names every root column the root table lacks")
{
  Schema schema = schema_with({"uscc", "type", "grade"});
  const auto missing = resolve_root_columns(schema);
  CHECK(missing == std::vector<std::string_view>{"name", "region", "status"});
}

TEST_CASE("the shipped schema's root columns are resolved when it loads")
{
  Diagnostics diagnostics;
  const auto schema = load_schema(std::string(builtin_schema_path), diagnostics);
  REQUIRE(schema);
  const Table& root = schema->root();
  CHECK(root.columns[schema->root_columns.uscc].name == "uscc");
  CHECK(root.columns[schema->root_columns.name].name == "name");
  CHECK(root.columns[schema->root_columns.type].name == "type");
  CHECK(root.columns[schema->root_columns.region].name == "region");
  CHECK(root.columns[schema->root_columns.status].name == "status");
}

TEST_CASE("a value label is found by the value exactly")
{
  Column region = named("region");
  region.labels = {{"330502", "吴兴区", "Wuxing"}, {"330503", "南浔区", "Nanxun"}};
  REQUIRE(region.label_of("330503") != nullptr);
  CHECK(region.label_of("330503")->label_en == "Nanxun");
  CHECK(region.label_of(" 330503") == nullptr);
  CHECK(region.label_of("") == nullptr);
}
