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
  CHECK(neutralize_formula("=1+1") == "'=1+1");
  CHECK(neutralize_formula("1+1") == "1+1");
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
