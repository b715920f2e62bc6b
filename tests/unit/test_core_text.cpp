#include <doctest/doctest.h>

#include <array>
#include <string>

#include <orgaudit/core/text.hpp>

using namespace orgaudit;

TEST_CASE("UTF-8 validation finds the first ill-formed byte")
{
  CHECK(is_valid_utf8("湖州市电梯行业协会"));
  CHECK(first_invalid_utf8("ab\xC0\xAF") == 2u);       // overlong
  CHECK(first_invalid_utf8("a\xED\xA0\x80") == 1u);    // surrogate
  CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0u); // past U+10FFFF
  CHECK(first_invalid_utf8("\xE6\xB9") == 0u);         // truncated
  CHECK_FALSE(first_invalid_utf8(""));
}

TEST_CASE("UTF-8 validation finds a bad byte at any offset inside long ASCII runs")
{
  // The ASCII fast path reads eight bytes at a time; every alignment must still
  // stop at the exact byte.
  for (std::size_t at = 0; at < 40; ++at) {
    std::string text(40, 'a');
    text[at] = '\xFF';
    CHECK(first_invalid_utf8(text) == at);
    std::string valid(at, 'b');
    valid += "湖州";
    valid += std::string(at % 9, 'c');
    CHECK(is_valid_utf8(valid));
    CHECK(first_invalid_utf8(valid + "\xE6\xB9") == valid.size());
  }
}

TEST_CASE("code points and display width")
{
  CHECK(code_point_count("湖州a") == 3);
  CHECK(byte_offset_of_code_point("湖州a", 2) == 6);
  CHECK(display_width("湖州a") == 5);
  std::string s;
  append_utf8(s, U'州');
  append_utf8(s, U'😀');
  std::size_t pos = 0;
  CHECK(decode_utf8(s, pos) == U'州');
  CHECK(decode_utf8(s, pos) == U'😀');
  CHECK(pos == s.size());
}

TEST_CASE("trim removes ASCII and ideographic spaces")
{
  CHECK(trim("  社会团体\t") == "社会团体");
  CHECK(trim("\xE3\x80\x80基金会\xE3\x80\x80") == "基金会");
  CHECK(trim("   ").empty());
}

TEST_CASE("did-you-mean suggestions")
{
  const std::array<std::string_view, 3> names{"foundation", "social_group",
                                              "social_service_agency"};
  CHECK(closest_match("foundatoin", names) == "foundation");
  CHECK_FALSE(closest_match("company", names));
  CHECK(edit_distance("基金会", "基金") == 1);
}
