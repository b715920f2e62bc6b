#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <orgaudit/data/csv_reader.hpp>

using namespace orgaudit::data;

namespace {

struct Record {
  std::vector<std::string> fields;
  std::uint32_t line;
  std::size_t unterminated;
};

std::vector<Record> read_all(std::string text)
{
  CsvReader reader(text);
  std::vector<Record> out;
  while (reader.next()) {
    Record record{{}, reader.line(), reader.unterminated_field()};
    for (auto field : reader.fields()) {
      record.fields.emplace_back(field);
    }
    out.push_back(std::move(record));
  }
  return out;
}

using Fields = std::vector<std::string>;

} // namespace

TEST_CASE("plain records, with and without a final newline")
{
  for (const char* text : {"a,b\n1,2\n", "a,b\n1,2"}) {
    const auto records = read_all(text);
    REQUIRE(records.size() == 2);
    CHECK(records[0].fields == Fields{"a", "b"});
    CHECK(records[1].fields == Fields{"1", "2"});
    CHECK(records[1].line == 2);
  }
}

TEST_CASE("a UTF-8 BOM is skipped and CRLF counts as one line end")
{
  const auto records = read_all("\xEF\xBB\xBFuscc,name\r\nA,甲\r\n\r\nB,乙\r\n");
  REQUIRE(records.size() == 3);
  CHECK(records[0].fields == Fields{"uscc", "name"});
  CHECK(records[1].fields == Fields{"A", "甲"});
  CHECK(records[2].fields == Fields{"B", "乙"});
  CHECK(records[2].line == 4); // the blank line counts
}

TEST_CASE("quoted fields hold commas, newlines and doubled quotes")
{
  const auto records =
      read_all("h1,h2,h3\n\"a,b\",\"line1\nline2\",\"say \"\"hi\"\"\"\nnext,x,y\n");
  REQUIRE(records.size() == 3);
  CHECK(records[1].fields == Fields{"a,b", "line1\nline2", "say \"hi\""});
  CHECK(records[1].line == 2);
  CHECK(records[2].line == 4); // the quoted newline moved it down
  CHECK(records[2].fields == Fields{"next", "x", "y"});
}

TEST_CASE("a quoted CRLF inside a field counts as one line")
{
  const auto records = read_all("a\r\n\"x\r\ny\"\r\nz\r\n");
  REQUIRE(records.size() == 3);
  CHECK(records[1].fields == Fields{"x\r\ny"});
  CHECK(records[2].line == 4);
}

TEST_CASE("empty fields, including a trailing one, are kept")
{
  const auto records = read_all("a,b,c\n,,\n1,,\n\"\",2,");
  REQUIRE(records.size() == 4);
  CHECK(records[1].fields == Fields{"", "", ""});
  CHECK(records[2].fields == Fields{"1", "", ""});
  CHECK(records[3].fields == Fields{"", "2", ""});
}

TEST_CASE("an unterminated quote names its field and runs to the end")
{
  const auto records = read_all("a,b\n1,\"open\n2,3\n");
  REQUIRE(records.size() == 2);
  CHECK(records[1].unterminated == 2);
  CHECK(records[1].line == 2);
  CHECK(records[1].fields == Fields{"1", "open\n2,3\n"});
}

TEST_CASE("text after a closing quote is kept and reported")
{
  std::string text = "\"ab\"cd,e\n";
  CsvReader reader(text);
  REQUIRE(reader.next());
  CHECK(reader.stray_quote_field() == 1);
  CHECK(reader.fields()[0] == "abcd");
}

TEST_CASE("a quote inside an unquoted field is kept as written and its field reported")
{
  // Long enough that the SSE2 scan meets the quotes, and short fields for the byte loop.
  std::string text = "id,name,note\n"
                     "7,Deqing \"Sunshine\" Volunteer Service Center,ok\n"
                     "8,plain,a\"b\n"
                     "9,\"quoted \"\"fine\"\"\",x\n";
  CsvReader reader(text);
  REQUIRE(reader.next());
  CHECK(reader.bare_quote_fields().empty());
  REQUIRE(reader.next());
  CHECK(reader.line() == 2);
  CHECK(Fields(reader.fields().begin(), reader.fields().end()) ==
        Fields{"7", "Deqing \"Sunshine\" Volunteer Service Center", "ok"});
  CHECK(std::vector<std::size_t>(reader.bare_quote_fields().begin(),
                                 reader.bare_quote_fields().end()) == std::vector<std::size_t>{2});
  REQUIRE(reader.next());
  CHECK(Fields(reader.fields().begin(), reader.fields().end()) == Fields{"8", "plain", "a\"b"});
  CHECK(std::vector<std::size_t>(reader.bare_quote_fields().begin(),
                                 reader.bare_quote_fields().end()) == std::vector<std::size_t>{3});
  REQUIRE(reader.next());
  CHECK(reader.fields()[1] == "quoted \"fine\"");
  CHECK(reader.bare_quote_fields().empty());
  CHECK_FALSE(reader.next());
}

TEST_CASE("csv_position finds the record line and field of a byte")
{
  const std::string text = "a,b\n\"x\ny\",z\n1,2\xFF\n";
  CHECK(csv_position(text, text.find('z')).line == 2);
  CHECK(csv_position(text, text.find('z')).column == 2);
  CHECK(csv_position(text, text.find('y')).line == 2);
  CHECK(csv_position(text, text.find('y')).column == 1);
  CHECK(csv_position(text, text.find('\xFF')).line == 4);
  CHECK(csv_position(text, text.find('\xFF')).column == 2);
}
