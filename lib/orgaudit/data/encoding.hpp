#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include <orgaudit/core/lang.hpp>
#include <string_view>

namespace orgaudit::data {

enum class Encoding { automatic, utf8, gbk, gb18030 };

// Parses the --encoding value: "auto", "utf-8" (also "utf8"), "gbk" or
// "gb18030", any case; nullopt for anything else.
std::optional<Encoding> parse_encoding(std::string_view text);

// What decoding a file found: `text` holds UTF-8 on success. On failure
// `bad_offset` is the byte offset of the first byte that could not be decoded
// in the encoding that got furthest, and `message` says what was wrong.
struct DecodeResult {
  bool ok = true;
  bool converted = false; // `auto` found GB18030 and converted it
  std::size_t bad_offset = 0;
  std::string message;
};

// Decodes `bytes` in place into UTF-8. `automatic` keeps valid UTF-8 as it is,
// else converts valid GB18030 (converted = true), else fails. `gbk` and
// `gb18030` convert with iconv; `utf8` only checks. The message is in `lang`.
DecodeResult decode_to_utf8(std::string& bytes, Encoding encoding, Lang lang);

// Converts `bytes` from the iconv encoding `from` to UTF-8. Nullopt with the
// offset of the first undecodable byte in `bad_offset` on failure.
std::optional<std::string> iconv_to_utf8(std::string_view bytes, const char* from,
                                         std::size_t& bad_offset);

} // namespace orgaudit::data
