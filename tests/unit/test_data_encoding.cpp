#include <doctest/doctest.h>

#include <string>

#include <orgaudit/data/encoding.hpp>

using namespace orgaudit::data;
using orgaudit::Lang;

namespace {

// "社会团体,正常\n" in GB18030 (as iconv -t GB18030 writes it).
const std::string gb18030_text = "\xC9\xE7\xBB\xE1\xCD\xC5\xCC\xE5,\xD5\xFD\xB3\xA3\n";

} // namespace

TEST_CASE("parse_encoding knows the four names in any case")
{
  CHECK(parse_encoding("auto") == Encoding::automatic);
  CHECK(parse_encoding("UTF-8") == Encoding::utf8);
  CHECK(parse_encoding("utf8") == Encoding::utf8);
  CHECK(parse_encoding("GBK") == Encoding::gbk);
  CHECK(parse_encoding("gb18030") == Encoding::gb18030);
  CHECK_FALSE(parse_encoding("latin1"));
}

TEST_CASE("auto keeps valid UTF-8 unchanged")
{
  std::string text = "社会团体,正常\n";
  const auto result = decode_to_utf8(text, Encoding::automatic, Lang::en);
  CHECK(result.ok);
  CHECK_FALSE(result.converted);
  CHECK(text == "社会团体,正常\n");
}

TEST_CASE("auto converts valid GB18030 and says so")
{
  std::string text = gb18030_text;
  const auto result = decode_to_utf8(text, Encoding::automatic, Lang::en);
  CHECK(result.ok);
  CHECK(result.converted);
  CHECK(text == "社会团体,正常\n");
}

TEST_CASE("explicit gb18030 and gbk convert without the auto flag")
{
  for (Encoding encoding : {Encoding::gb18030, Encoding::gbk}) {
    std::string text = gb18030_text;
    const auto result = decode_to_utf8(text, encoding, Lang::en);
    CHECK(result.ok);
    CHECK_FALSE(result.converted);
    CHECK(text == "社会团体,正常\n");
  }
}

TEST_CASE("bytes that are neither UTF-8 nor GB18030 fail at the first bad byte")
{
  std::string text = "abc,\xFF,d\n";
  const auto result = decode_to_utf8(text, Encoding::automatic, Lang::en);
  CHECK_FALSE(result.ok);
  CHECK(result.bad_offset == 4);
  CHECK(result.message == "invalid UTF-8 (byte 0xFF), and not GB18030 either");
  std::string again = "abc,\xFF,d\n";
  CHECK(decode_to_utf8(again, Encoding::automatic, Lang::zh).message ==
        "不是有效的 UTF-8 编码（字节 0xFF），也不是 GB18030");
}

TEST_CASE("GB18030 with a stray byte points at that byte, past the Chinese text")
{
  std::string text = gb18030_text + "x\x80y\n";
  const std::size_t stray = gb18030_text.size() + 1;
  const auto result = decode_to_utf8(text, Encoding::automatic, Lang::en);
  CHECK_FALSE(result.ok);
  CHECK(result.bad_offset == stray);
  CHECK(result.message == "invalid GB18030 (byte 0x80), and not UTF-8 either");
}

TEST_CASE("--encoding utf-8 refuses GB18030 bytes")
{
  std::string text = gb18030_text;
  const auto result = decode_to_utf8(text, Encoding::utf8, Lang::en);
  CHECK_FALSE(result.ok);
  CHECK(result.bad_offset == 0);
  CHECK(result.message == "invalid UTF-8 (byte 0xC9)");
}
