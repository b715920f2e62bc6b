#include <doctest/doctest.h>

#include <orgaudit/report/escape.hpp>

using namespace orgaudit::report;

TEST_CASE("HTML escaping covers the five special characters")
{
  CHECK(html_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(html_escape("\"><img src=x onerror=alert(1)>") ==
        "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  CHECK(html_escape("a & b 'c'") == "a &amp; b &#39;c&#39;");
  CHECK(html_escape("湖州市电梯行业协会") == "湖州市电梯行业协会");
}

TEST_CASE("XML escaping keeps tabs and newlines as references and drops other control characters")
{
  CHECK(xml_escape("<a b=\"c\">'&'</a>") == "&lt;a b=&quot;c&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  CHECK(xml_escape("\tx\ny\rz") == "&#9;x&#10;y&#13;z");
  CHECK(xml_escape(std::string("a\x01\x1B"
                               "b\x7F")) == "ab");
}

TEST_CASE("JSON strings escape quotes, backslashes, control characters and line separators")
{
  std::string out;
  append_json_string(out, "a\"b\\c\n\t\x01 湖州 \xE2\x80\xA8");
  CHECK(out == "\"a\\\"b\\\\c\\n\\t\\u0001 湖州 \\u2028\"");
  out.clear();
  append_json_string(out, "=HYPERLINK(\"http://x\",\"y\")");
  CHECK(out == "\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"");
}

TEST_CASE("CSV cells are quoted per RFC 4180 and neutralized against formulas")
{
  const auto csv = [](std::string_view text) {
    std::string out;
    append_csv_field(out, text);
    return out;
  };
  CHECK(csv("plain") == "plain");
  CHECK(csv("a,b") == "\"a,b\"");
  CHECK(csv("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv("two\nlines") == "\"two\nlines\"");
  CHECK(csv("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(csv("+86") == "'+86");
  CHECK(csv("-1") == "'-1");
  CHECK(csv("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv("\tx") == "'\tx");
  CHECK(csv("\rx") == "\"'\rx\"");
  CHECK(csv("") == "");
  CHECK(looks_like_formula("=1+1"));
  CHECK_FALSE(looks_like_formula("1+1"));
}

TEST_CASE("Markdown escaping keeps tables intact and raw HTML inert")
{
  CHECK(markdown_escape("a|b") == "a\\|b");
  CHECK(markdown_escape("<script>") == "&lt;script&gt;");
  CHECK(markdown_escape("`code` *x* _y_ [z](u) #1") ==
        "\\`code\\` \\*x\\* \\_y\\_ \\[z\\](u) \\#1");
  CHECK(markdown_escape("-减号") == "\\-减号");
  CHECK(markdown_escape("+86") == "\\+86");
  CHECK(markdown_escape("=HYPERLINK(\"x\")") == "\\=HYPERLINK(&quot;x&quot;)");
  CHECK(markdown_escape("@x") == "\\@x");
  CHECK(markdown_escape("\ta\r\nb") == " a<br>b");
}

namespace {

// Byte-at-a-time escapers, the obvious way, to check the block-scanning ones.
std::string reference_xml(std::string_view text)
{
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&apos;";
      break;
    case '\t':
      out += "&#9;";
      break;
    case '\n':
      out += "&#10;";
      break;
    case '\r':
      out += "&#13;";
      break;
    default:
      if (c >= 0x20 && c != 0x7F) {
        out += ch;
      }
    }
  }
  return out;
}

std::string reference_html(std::string_view text)
{
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string reference_json(std::string_view text)
{
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80' &&
        (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
      out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\b') {
      out += "\\b";
    } else if (c == '\f') {
      out += "\\f";
    } else if (c < 0x20) {
      constexpr char digits[] = "0123456789abcdef";
      out += "\\u00";
      out += digits[c >> 4];
      out += digits[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

} // namespace

TEST_CASE("escaping sixteen bytes at a time equals escaping byte by byte")
{
  // Specials at every offset of a block and across block boundaries, in
  // plain, CJK and mixed text.
  const std::string_view pieces[] = {"a",
                                     "湖州",
                                     "&",
                                     "<",
                                     ">",
                                     "\"",
                                     "'",
                                     "\\",
                                     "\t",
                                     "\n",
                                     "\r",
                                     "\x01",
                                     "\x1F",
                                     "\x7F",
                                     "\xE2\x80\xA8",
                                     "\xE2\x80\xA9",
                                     "\xE2\x80\x94",
                                     " ",
                                     "0123456789abcdef"};
  std::uint32_t x = 7;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(x % 40);
    for (int k = 0; k < length; ++k) {
      x = x * 1664525 + 1013904223;
      text += pieces[(x >> 16) % std::size(pieces)];
    }
    x = x * 1664525 + 1013904223;
    CAPTURE(text);
    CHECK(xml_escape(text) == reference_xml(text));
    CHECK(html_escape(text) == reference_html(text));
    std::string json;
    append_json_string(json, text);
    CHECK(json == reference_json(text));
  }
}

TEST_CASE("bidi controls are shown in HTML, not obeyed")
{
  CHECK(html_escape("\u202E会协法书 <b>") == "[U+202E]会协法书 &lt;b&gt;");
  CHECK(html_escape("a\u2066b\u2069c") == "a[U+2066]b[U+2069]c");
  // Other characters that begin with the same byte are copied.
  CHECK(html_escape("“引号”\u2014") == "“引号”\u2014");
  CHECK(html_escape("\xE2") == "\xE2");
}
