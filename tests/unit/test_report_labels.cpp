#include <doctest/doctest.h>

#include <cmath>

#include <cstdint>
#include <vector>

#include <fmt/format.h>

#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/renderers.hpp>
#include <orgaudit/schema/loader.hpp>

using namespace orgaudit;
using report::Ui;

TEST_CASE("region codes read as the names the shipped schema labels them with")
{
  Diagnostics diagnostics;
  const auto schema = schema::load_schema(std::string(schema::builtin_schema_path), diagnostics);
  REQUIRE(schema);
  const auto name = [&schema](std::string_view code, rules::Lang lang) {
    return report::region_name(*schema, code, lang);
  };
  CHECK(name("330502", rules::Lang::zh) == "吴兴区");
  CHECK(name("330503", rules::Lang::zh) == "南浔区");
  CHECK(name("330521", rules::Lang::zh) == "德清县");
  CHECK(name("330522", rules::Lang::zh) == "长兴县");
  CHECK(name("330523", rules::Lang::zh) == "安吉县");
  CHECK(name("330500", rules::Lang::zh) == "市本级");
  CHECK(name("330000", rules::Lang::zh) == "浙江省");
  CHECK(name("330523", rules::Lang::en) == "Anji");
  CHECK(name("330500", rules::Lang::en) == "Huzhou city");
  CHECK(name("110101", rules::Lang::zh) == "110101");
  CHECK(name("", rules::Lang::zh) == "（未填）");
  CHECK(name("", rules::Lang::en) == "(none)");
}

TEST_CASE(
    "a schema's own region labels name its codes; a label missing in a language shows the code")
{
  Diagnostics diagnostics;
  const auto schema = schema::parse_schema("tables:\n"
                                           "  - name: organizations\n"
                                           "    key: uscc\n"
                                           "    columns:\n"
                                           "      - {name: uscc, type: uscc, required: true}\n"
                                           "      - {name: name, type: string}\n"
                                           "      - {name: type, type: enum, values: [a]}\n"
                                           "      - name: region\n"
                                           "        type: string\n"
                                           "        labels:\n"
                                           "          - {value: '330302', label_zh: 鹿城区, "
                                           "label_en: Lucheng}\n"
                                           "          - {value: '330303', label_zh: 龙湾区}\n"
                                           "      - {name: status, type: enum, values: [active]}\n",
                                           "s.yaml", diagnostics);
  REQUIRE(schema);
  CHECK(report::region_name(*schema, "330302", rules::Lang::zh) == "鹿城区");
  CHECK(report::region_name(*schema, "330302", rules::Lang::en) == "Lucheng");
  CHECK(report::region_name(*schema, "330303", rules::Lang::en) == "330303");
  CHECK(report::region_name(*schema, "330502", rules::Lang::zh) == "330502");
}

TEST_CASE("labels fall back to the other language and every UI text exists in both")
{
  const rules::Label only_en{"", "Audited"};
  CHECK(report::label(only_en, rules::Lang::zh) == "Audited");
  const rules::Label both{"审计", "Audited"};
  CHECK(report::label(both, rules::Lang::en) == "Audited");
  for (std::size_t k = 0; k < static_cast<std::size_t>(Ui::count_); ++k) {
    CAPTURE(k);
    CHECK_FALSE(report::ui(static_cast<Ui>(k), rules::Lang::zh).empty());
    CHECK_FALSE(report::ui(static_cast<Ui>(k), rules::Lang::en).empty());
  }
  CHECK(report::ui(Ui::dormant_cleared, rules::Lang::zh) == "已清理的僵尸型社会组织");
}

TEST_CASE("enum values read as labels")
{
  const schema::EnumValue agency{"social_service_agency", {}, "社会服务机构"};
  CHECK(report::enum_label(agency, rules::Lang::zh) == "社会服务机构");
  CHECK(report::enum_label(agency, rules::Lang::en) == "Social service agency");
  const schema::EnumValue bare{"active", {}, ""};
  CHECK(report::enum_label(bare, rules::Lang::zh) == "Active");
}

TEST_CASE("numbers print in fixed, shortest and grouped forms")
{
  CHECK(report::fixed2(87.5) == "87.50");
  CHECK(report::fixed2(-0.001) == "0.00");
  CHECK(report::fixed2(std::nan("")) == "–");
  CHECK(report::shortest(85.0) == "85");
  CHECK(report::shortest(2.5) == "2.5");
  CHECK(report::shortest(-0.0) == "0");
  CHECK(report::grouped(26000000) == "26,000,000");
  CHECK(report::grouped(999.4) == "999");
  CHECK(report::grouped(1000) == "1,000");
  CHECK(report::grouped(0) == "0");
}

TEST_CASE("long names are shortened by code points")
{
  std::string name;
  for (int i = 0; i < 200; ++i) {
    name += "湖";
  }
  const std::string cut = report::shorten(name);
  CHECK(cut.size() == 120 * 3 + 3);
  CHECK(cut.ends_with("…"));
  CHECK(report::shorten("湖州市电梯行业协会") == "湖州市电梯行业协会");
}

TEST_CASE("shortest prints what fmt prints once rounded to 15 digits, fixed2 what fmt prints")
{
  std::uint32_t x = 3;
  std::vector<double> values = {0.0,           -0.0,  0.005,         -0.005,    1e12,      1e13,
                                1e15,          1e16,  123456789.125, 0.1 + 0.2, 1.0 / 3.0, 87.35,
                                87.35 + 1e-13, -12.5, 5e-5,          99.995};
  for (int k = 0; k < 20000; ++k) {
    x = x * 1664525 + 1013904223;
    const double cents = static_cast<double>(static_cast<std::int32_t>(x) % 2000000);
    values.push_back(cents / 100.0);
    values.push_back(cents / 1000.0);
    values.push_back(cents / 7.0);
  }
  for (double value : values) {
    CAPTURE(value);
    const double noiseless = std::stod(fmt::format("{:.15g}", value));
    CHECK(report::shortest(value) == fmt::format("{}", noiseless == 0 ? 0.0 : noiseless));
    const double rounded = std::round(value * 100.0) / 100.0;
    CHECK(report::fixed2(value) == fmt::format("{:.2f}", rounded == 0 ? 0.0 : rounded));
  }
}

TEST_CASE("numbers carry no floating-point noise in any output")
{
  CHECK(report::shortest(0.9268000000000001) == "0.9268");
  CHECK(report::shortest(75.54000000000001) == "75.54");
  CHECK(report::shortest(0.1 + 0.2) == "0.3");
  CHECK(report::money_text(250000) == "250000.00");
  CHECK(report::money_text(0.1 + 0.2) == "0.30");
  std::string json;
  report::detail::append_real(json, 0.9268000000000001);
  CHECK(json == "0.9268");
}

TEST_CASE("JSON numbers: whole values without the shortest-form search, others exact")
{
  const auto number = [](double value) {
    std::string out;
    report::detail::append_number(out, value);
    return out;
  };
  const auto real = [](double value) {
    std::string out;
    report::detail::append_real(out, value);
    return out;
  };
  CHECK(number(5) == "5");
  CHECK(number(-0.0) == "0");
  CHECK(number(2.5) == "2.5");
  CHECK(number(1e16) == "1e+16");
  CHECK(number(std::nan("")) == "null");
  CHECK(real(87) == "87.0");
  CHECK(real(-0.0) == "0.0");
  CHECK(real(87.35) == "87.35");
  CHECK(real(1e16) == "1e+16");
  CHECK(real(123456789012345.0) == "123456789012345.0");
}
