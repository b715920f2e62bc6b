#include <doctest/doctest.h>

#include <orgaudit/data/uscc.hpp>

using namespace orgaudit::data;

TEST_CASE("the standard's worked example: 91350100M000100Y4Z has check 3")
{
  CHECK(uscc_check_character("91350100M000100Y4") == '3');
  CHECK(uscc_problem("91350100M000100Y4Z") == "check character should be \"3\"");
}

TEST_CASE("real published codes of domain.md §8.3")
{
  for (const char* code :
       {"53100000500019795A", "53100000500021676K", "51100000500009247D", "51100000500002862F",
        "51100000500012681T", "51100000MJ0000632D", "51320000MJ5500855M", "53330000501874064B"}) {
    CAPTURE(code);
    CHECK(uscc_valid(code));
  }
  CHECK(uscc_problem("531000005000074012") == "check character should be \"D\"");
  CHECK(uscc_problem("53100000500020462H") == "check character should be \"K\"");
  CHECK(uscc_problem("51100000500000024G").has_value());
  CHECK(uscc_problem("52420000123406283N").has_value());
}

TEST_CASE("synthetic Huzhou fixtures are valid and one wrong check character is named")
{
  for (const char* code :
       {"51330502MJ0000018C", "52330521MJ0000026L", "53330523MJ00000349", "51330500MJ00000420"}) {
    CAPTURE(code);
    CHECK(uscc_valid(code));
  }
  CHECK(uscc_problem("51330502MJ0000018D") == "check character should be \"C\"");
}

TEST_CASE("USCC format problems come with hints")
{
  CHECK(uscc_problem("51330502mj0000018c") ==
        "has lower-case letters; a USCC is written in capitals (\"51330502MJ0000018C\")");
  CHECK(uscc_problem("51330502MJ000001") == "has 16 characters, expected 18");
  CHECK(uscc_problem("51330502MJ 000018C") ==
        "contains a space; remove the spaces inside the code");
  CHECK(uscc_problem("５1330502MJ0000018C").value().starts_with("contains a non-ASCII"));
  CHECK(uscc_problem("51330502MI0000018C") ==
        "character 10 \"I\" is not allowed (I, O, Z, S and V are never used)");
  CHECK(uscc_problem("5133A502MJ0000018C") == "positions 3-8 (the region code) must be digits");
}
