#include <doctest/doctest.h>

#include <cmath>

#include <orgaudit/report/labels.hpp>

using namespace orgaudit;
using report::Ui;

TEST_CASE("Huzhou region codes read as county names")
{
  CHECK(report::region_name("330502", rules::Lang::zh) == "吴兴区");
  CHECK(report::region_name("330503", rules::Lang::zh) == "南浔区");
  CHECK(report::region_name("330521", rules::Lang::zh) == "德清县");
  CHECK(report::region_name("330522", rules::Lang::zh) == "长兴县");
  CHECK(report::region_name("330523", rules::Lang::zh) == "安吉县");
  CHECK(report::region_name("330500", rules::Lang::zh) == "市本级");
  CHECK(report::region_name("330000", rules::Lang::zh) == "浙江省");
  CHECK(report::region_name("330523", rules::Lang::en) == "Anji");
  CHECK(report::region_name("110101", rules::Lang::zh) == "110101");
  CHECK(report::region_name("", rules::Lang::zh) == "（未填）");
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
  CHECK(report::ui(Ui::dormant_cleared, rules::Lang::zh) == "注销或撤销登记的社会组织");
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
