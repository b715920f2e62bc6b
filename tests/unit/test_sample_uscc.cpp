#include <doctest/doctest.h>

#include <set>
#include <string>

#include <orgaudit/data/uscc.hpp>
#include <orgaudit/sample/profile.hpp>
#include <orgaudit/sample/uscc.hpp>

using namespace orgaudit::sample;

TEST_CASE("a generated code has 5, the type digit, the region and MJ, and passes both checks")
{
  const std::string code = make_uscc(OrgType::foundation, "330523", "000003");
  CHECK(code.size() == 18);
  CHECK(code.substr(0, 10) == "53330523MJ");
  CHECK(code.substr(10, 6) == "000003");
  CHECK(orgaudit::data::uscc_valid(code));
  // The fixture codes of domain.md §8.3 are reproduced from their parts.
  CHECK(make_uscc(OrgType::social_group, "330502", "000001") == "51330502MJ0000018C");
  CHECK(make_uscc(OrgType::social_service_agency, "330521", "000002") == "52330521MJ0000026L");
  CHECK(make_uscc(OrgType::foundation, "330523", "000003") == "53330523MJ00000349");
  CHECK(make_uscc(OrgType::social_group, "330500", "000004") == "51330500MJ00000420");
}

TEST_CASE("serials map to distinct valid codes for every type and region")
{
  const UsccSerials serials(2026, 50'000);
  std::set<std::string> codes;
  for (std::uint64_t serial = 0; serial < 50'000; ++serial) {
    const auto type = static_cast<OrgType>(serial % 3);
    const auto region = static_cast<Region>(serial % 7);
    const std::string tail = serials.tail(serial);
    const std::string code = make_uscc(type, region_code(region), tail);
    REQUIRE(orgaudit::data::uscc_valid(code));
    CHECK(code[1] == "123"[serial % 3]);
    CHECK(code.substr(2, 6) == region_code(region));
    CHECK(tail.find_first_not_of("0123456789") == std::string::npos);
    codes.insert(tail);
  }
  CHECK(codes.size() == 50'000);
}

TEST_CASE("beyond a million serials the tails use the USCC alphabet and stay distinct")
{
  const UsccSerials serials(1, 2'000'000);
  std::set<std::string> tails;
  bool letters = false;
  for (std::uint64_t serial = 0; serial < 20'000; ++serial) {
    const std::string tail = serials.tail(serial);
    REQUIRE(tail.find_first_not_of(orgaudit::data::uscc_alphabet) == std::string::npos);
    letters = letters || tail.find_first_not_of("0123456789") != std::string::npos;
    tails.insert(tail);
  }
  CHECK(letters);
  CHECK(tails.size() == 20'000);
  CHECK(UsccSerials(1, 10).tail(3) != UsccSerials(2, 10).tail(3));
}
