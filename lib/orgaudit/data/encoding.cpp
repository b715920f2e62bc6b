#include <orgaudit/data/encoding.hpp>

#include <cerrno>

#include <fmt/format.h>
#include <iconv.h>

#include <orgaudit/core/error.hpp>
#include <orgaudit/core/text.hpp>
#include <orgaudit/data/wording.hpp>

namespace orgaudit::data {

namespace {

std::string lower_ascii(std::string_view text)
{
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

std::string byte_text(std::string_view bytes, std::size_t offset, Lang lang)
{
  if (offset >= bytes.size()) {
    return say(Wording::truncated_sequence, lang);
  }
  return say(Wording::bad_byte, lang, static_cast<unsigned char>(bytes[offset]));
}

// Owns an iconv descriptor.
class Converter {
 public:
  explicit Converter(const char* from) : m_cd(::iconv_open("UTF-8", from))
  {
    if (m_cd == reinterpret_cast<iconv_t>(-1)) {
      throw IoError(fmt::format("iconv cannot convert from {}", from));
    }
  }
  ~Converter() { ::iconv_close(m_cd); }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;

  iconv_t get() const { return m_cd; }

 private:
  iconv_t m_cd;
};

} // namespace

std::optional<Encoding> parse_encoding(std::string_view text)
{
  const std::string name = lower_ascii(text);
  if (name == "auto") {
    return Encoding::automatic;
  }
  if (name == "utf-8" || name == "utf8") {
    return Encoding::utf8;
  }
  if (name == "gbk") {
    return Encoding::gbk;
  }
  if (name == "gb18030") {
    return Encoding::gb18030;
  }
  return std::nullopt;
}

std::optional<std::string> iconv_to_utf8(std::string_view bytes, const char* from,
                                         std::size_t& bad_offset)
{
  Converter converter(from);
  std::string out;
  // Chinese text grows from two bytes to three in UTF-8; start with room for that.
  out.resize(bytes.size() + bytes.size() / 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t written = 0;
  while (in_left > 0) {
    char* out_ptr = out.data() + written;
    std::size_t out_left = out.size() - written;
    const std::size_t result = ::iconv(converter.get(), &in, &in_left, &out_ptr, &out_left);
    written = out.size() - out_left;
    if (result != static_cast<std::size_t>(-1)) {
      break;
    }
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    bad_offset = static_cast<std::size_t>(in - bytes.data());
    return std::nullopt;
  }
  out.resize(written);
  return out;
}

DecodeResult decode_to_utf8(std::string& bytes, Encoding encoding, Lang lang)
{
  DecodeResult result;
  if (encoding == Encoding::utf8 || encoding == Encoding::automatic) {
    const auto bad_utf8 = first_invalid_utf8(bytes);
    if (!bad_utf8) {
      return result;
    }
    if (encoding == Encoding::utf8) {
      result.ok = false;
      result.bad_offset = *bad_utf8;
      result.message = say(Wording::invalid_utf8, lang, byte_text(bytes, *bad_utf8, lang));
      return result;
    }
    std::size_t bad_gb = 0;
    if (auto converted = iconv_to_utf8(bytes, "GB18030", bad_gb)) {
      bytes = std::move(*converted);
      result.converted = true;
      return result;
    }
    // Neither: point at the failure of the reading that got further, since
    // that is most likely the file's real encoding.
    result.ok = false;
    if (bad_gb > *bad_utf8) {
      result.bad_offset = bad_gb;
      result.message = say(Wording::invalid_gb18030_or_utf8, lang, byte_text(bytes, bad_gb, lang));
    } else {
      result.bad_offset = *bad_utf8;
      result.message =
          say(Wording::invalid_utf8_or_gb18030, lang, byte_text(bytes, *bad_utf8, lang));
    }
    return result;
  }
  const char* name = encoding == Encoding::gbk ? "GBK" : "GB18030";
  std::size_t bad = 0;
  if (auto converted = iconv_to_utf8(bytes, name, bad)) {
    bytes = std::move(*converted);
    return result;
  }
  result.ok = false;
  result.bad_offset = bad;
  result.message = say(Wording::invalid_encoding, lang, name, byte_text(bytes, bad, lang));
  return result;
}

} // namespace orgaudit::data
