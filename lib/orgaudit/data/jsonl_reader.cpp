#include <orgaudit/data/jsonl_reader.hpp>

#include <algorithm>
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <orgaudit/core/text.hpp>
#include <orgaudit/data/limits.hpp>
#include <orgaudit/data/wording.hpp>

namespace orgaudit::data {

namespace {

using Json = nlohmann::json;

// Calls `visit(line_text, line_number)` for each non-blank line up to the
// first one over max_record_bytes, whose number it returns (0 if none).
template <typename Visit>
std::uint32_t for_each_line(std::string_view text, bool file_start, Visit&& visit)
{
  if (file_start && text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  std::uint32_t line = 1;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string_view content = text.substr(pos, end - pos);
    if (content.size() > max_record_bytes) {
      return line;
    }
    if (!trim(content).empty()) {
      visit(content, line);
    }
    pos = end + 1;
    ++line;
  }
  return 0;
}

// The message of a parse error without nlohmann's "[json.exception…]" prefix
// and position (nlohmann words it in English: it follows "不是有效的 JSON：").
std::string parse_message(std::string_view what)
{
  if (const auto bracket = what.find("] "); bracket != std::string_view::npos) {
    what.remove_prefix(bracket + 2);
  }
  // "parse error at line 1, column 10: syntax error …": the line is ours to give.
  if (what.starts_with("parse error")) {
    if (const auto colon = what.find(": "); colon != std::string_view::npos) {
      what.remove_prefix(colon + 2);
    }
  }
  return std::string(what);
}

// One JSON line read as a flat object, through nlohmann's SAX interface: its
// keys in file order, each with its value. A number that is not a plain int64
// keeps the text it was written as, so that a message quotes
// 99999999999999999999 as in the file, not as 1e+20. The members are reused
// from line to line.
class LineObject {
 public:
  // Errors are worded in `lang`.
  explicit LineObject(Lang lang) : m_lang(lang) {}

  struct Member {
    std::string key;
    Cell::Kind kind = Cell::Kind::null;
    std::string text; // a string's value, or a number's spelling
    std::int64_t integer = 0;
    double real = 0;
    bool boolean = false;
    bool nested = false; // the value is an array or an object

    // The value as a Cell; its text points into this member.
    Cell cell() const { return {kind, text, integer, real, boolean}; }
  };

  // Reads `line`; false with error() set if it is not one JSON object.
  bool parse(std::string_view line)
  {
    m_count = 0;
    m_depth = 0;
    m_current = nullptr;
    m_error.clear();
    m_object = false;
    Json::sax_parse(line, this);
    if (m_error.empty() && !m_object) {
      m_error = say(Wording::not_a_json_object, m_lang);
    }
    return m_error.empty();
  }

  std::span<const Member> members() const { return {m_members.data(), m_count}; }
  const std::string& error() const { return m_error; }

  // The SAX interface (nlohmann::json_sax); each returns whether to go on.
  bool null() { return value(Cell::Kind::null); }
  bool boolean(bool b)
  {
    if (value(Cell::Kind::boolean)) {
      m_current->boolean = b;
    }
    return m_object;
  }
  bool number_integer(Json::number_integer_t n)
  {
    if (value(Cell::Kind::integer)) {
      m_current->integer = n;
    }
    return m_object;
  }
  bool number_unsigned(Json::number_unsigned_t n)
  {
    if (n <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return number_integer(static_cast<std::int64_t>(n));
    }
    if (value(Cell::Kind::real)) {
      m_current->real = static_cast<double>(n);
      m_current->text = fmt::format("{}", n);
    }
    return m_object;
  }
  bool number_float(Json::number_float_t n, const std::string& spelling)
  {
    if (value(Cell::Kind::real)) {
      m_current->real = n;
      m_current->text = spelling;
    }
    return m_object;
  }
  bool string(std::string& s)
  {
    if (value(Cell::Kind::text)) {
      m_current->text.swap(s);
    }
    return m_object;
  }
  bool binary(Json::binary_t&) { return value(Cell::Kind::null); }
  bool start_object(std::size_t) { return open(true); }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(false); }
  bool end_array() { return close(); }
  bool key(std::string& name)
  {
    if (m_depth != 1) {
      return true;
    }
    // A key given twice keeps its first place and its last value, as a DOM parse does.
    auto* end = m_members.data() + m_count;
    auto* found = std::find_if(m_members.data(), end,
                               [&](const Member& member) { return member.key == name; });
    if (found == end) {
      if (m_count == m_members.size()) {
        m_members.emplace_back();
      }
      found = &m_members[m_count++];
      found->key.swap(name);
    }
    found->kind = Cell::Kind::null;
    found->nested = false;
    m_current = found;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e)
  {
    m_error = say(Wording::invalid_json, m_lang, parse_message(e.what()));
    return false;
  }

 private:
  // Starts a value: true if it is a member's own scalar value (depth 1).
  bool value(Cell::Kind kind)
  {
    if (m_depth == 0) {
      m_object = false; // a bare scalar line
      return false;
    }
    if (m_depth != 1) {
      return false;
    }
    m_current->kind = kind;
    return true;
  }
  bool open(bool object)
  {
    ++m_depth;
    if (m_depth == 1) {
      m_object = object;
    } else if (m_depth == 2) {
      m_current->nested = true;
    }
    return m_object;
  }
  bool close()
  {
    --m_depth;
    return true;
  }

  std::vector<Member> m_members;
  std::size_t m_count = 0;
  int m_depth = 0;
  Member* m_current = nullptr;
  bool m_object = false;
  std::string m_error;
  Lang m_lang;
};

} // namespace

void scan_jsonl(std::string_view text, bool file_start, const std::string& source, Lang lang,
                JsonlScan& scan, Diagnostics& diagnostics)
{
  LineObject object(lang);
  const std::uint32_t long_line =
      for_each_line(text, file_start, [&](std::string_view content, std::uint32_t line) {
        if (!object.parse(content)) {
          diagnostics.error(source, line, 1, object.error());
          return;
        }
        if (scan.first_line == 0) {
          scan.first_line = line;
        }
        for (const auto& member : object.members()) {
          // Past max_columns the header is refused: its keys need not be known.
          if (scan.keys.size() <= max_columns &&
              std::find(scan.keys.begin(), scan.keys.end(), member.key) == scan.keys.end()) {
            scan.keys.push_back(member.key);
          }
        }
      });
  if (long_line != 0) {
    diagnostics.error(source, long_line, 1,
                      say(Wording::line_too_long, lang, max_record_bytes >> 20, max_record_bytes));
    scan.cut = true;
  }
}

bool type_jsonl(std::string_view text, bool file_start, std::span<const std::string> keys,
                RowTyper& typer)
{
  LineObject object(typer.lang());
  std::vector<Cell> cells(keys.size());
  const Lang lang = typer.lang();
  const std::uint32_t long_line =
      for_each_line(text, file_start, [&](std::string_view content, std::uint32_t line) {
        if (!object.parse(content)) {
          return; // reported by scan_jsonl
        }
        std::fill(cells.begin(), cells.end(), Cell{});
        for (const auto& member : object.members()) {
          const auto position = static_cast<std::size_t>(
              std::find(keys.begin(), keys.end(), member.key) - keys.begin());
          if (member.nested) {
            typer.reject_row(line, position + 1, say(Wording::nested_json, lang, member.key));
            return;
          }
          if (member.text.size() > max_field_bytes) {
            typer.reject_row(line, position + 1,
                             say(Wording::value_too_long, lang, member.key, max_field_bytes >> 20,
                                 max_field_bytes));
            return;
          }
          cells[position] = member.cell();
        }
        typer.add_row(cells, line);
      });
  return long_line != 0; // reported by scan_jsonl
}

} // namespace orgaudit::data
