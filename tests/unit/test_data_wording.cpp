#include <doctest/doctest.h>

#include <orgaudit/data/wording.hpp>

using namespace orgaudit::data;
using orgaudit::Lang;

TEST_CASE("every message about the data has a Chinese and an English wording, different")
{
  for (std::size_t k = 0; k < static_cast<std::size_t>(Wording::count_); ++k) {
    const auto key = static_cast<Wording>(k);
    CAPTURE(k);
    CHECK_FALSE(wording(key, Lang::zh).empty());
    CHECK_FALSE(wording(key, Lang::en).empty());
    CHECK(wording(key, Lang::zh) != wording(key, Lang::en));
  }
}

TEST_CASE("file-level messages follow the language")
{
  CHECK(say(Wording::both_files, Lang::zh, "a.csv", "a.jsonl") ==
        "a.csv 和 a.jsonl 同时存在；请只保留一个");
  CHECK(say(Wording::both_files, Lang::en, "a.csv", "a.jsonl") ==
        "both a.csv and a.jsonl exist; keep one");
  CHECK(say(Wording::invalid_json, Lang::zh, "syntax error") == "不是有效的 JSON：syntax error");
  CHECK(say(Wording::bad_byte, Lang::en, static_cast<unsigned char>(0xC9)) == "byte 0xC9");
}
