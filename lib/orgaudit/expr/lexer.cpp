#include <orgaudit/expr/lexer.hpp>

#include <cstdlib>
#include <iterator>
#include <limits>

#include <orgaudit/core/text.hpp>

namespace orgaudit::expr {

namespace {

bool is_ident_start(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

int hex_value(char c)
{
  if (is_digit(c)) {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

class Lexer {
 public:
  Lexer(std::string_view source, std::vector<Problem>& problems)
      : m_source(source), m_problems(problems)
  {
  }

  std::vector<Token> run()
  {
    std::vector<Token> tokens;
    while (true) {
      skip_space_and_comments();
      Token token;
      token.offset = m_pos;
      if (m_pos >= m_source.size()) {
        token.length = 0;
        tokens.push_back(std::move(token));
        return tokens;
      }
      if (lex_one(token)) {
        token.length = m_pos - token.offset;
        tokens.push_back(std::move(token));
      }
    }
  }

 private:
  void problem(std::size_t offset, std::size_t length, std::string message)
  {
    m_problems.push_back({offset, length == 0 ? 1 : length, std::move(message)});
  }

  char peek(std::size_t ahead = 0) const
  {
    return m_pos + ahead < m_source.size() ? m_source[m_pos + ahead] : '\0';
  }

  void skip_space_and_comments()
  {
    while (m_pos < m_source.size()) {
      const char c = m_source[m_pos];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        ++m_pos;
      } else if (c == '/' && peek(1) == '/') {
        while (m_pos < m_source.size() && m_source[m_pos] != '\n') {
          ++m_pos;
        }
      } else {
        return;
      }
    }
  }

  bool lex_one(Token& token)
  {
    const char c = peek();
    if ((c == 'r' || c == 'R') && (peek(1) == '"' || peek(1) == '\'')) {
      ++m_pos;
      return lex_string(token, true);
    }
    if (is_ident_start(c)) {
      while (is_ident_start(peek()) || is_digit(peek())) {
        ++m_pos;
      }
      token.text = std::string(m_source.substr(token.offset, m_pos - token.offset));
      token.kind = token.text == "in" ? TokenKind::in : TokenKind::identifier;
      return true;
    }
    if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
      return lex_number(token);
    }
    if (c == '"' || c == '\'') {
      return lex_string(token, false);
    }
    return lex_punctuation(token);
  }

  bool lex_punctuation(Token& token)
  {
    struct Spelling {
      std::string_view text;
      TokenKind kind;
    };
    // Two-character operators first, so `<=` is not read as `<` then `=`.
    static constexpr Spelling spellings[] = {
        {"<=", TokenKind::less_equal}, {">=", TokenKind::greater_equal},
        {"!=", TokenKind::not_equal},  {"==", TokenKind::equal},
        {"&&", TokenKind::and_and},    {"||", TokenKind::or_or},
        {"(", TokenKind::lparen},      {")", TokenKind::rparen},
        {"[", TokenKind::lbracket},    {"]", TokenKind::rbracket},
        {"{", TokenKind::lbrace},      {"}", TokenKind::rbrace},
        {",", TokenKind::comma},       {".", TokenKind::dot},
        {"?", TokenKind::question},    {":", TokenKind::colon},
        {"+", TokenKind::plus},        {"-", TokenKind::minus},
        {"*", TokenKind::star},        {"/", TokenKind::slash},
        {"%", TokenKind::percent},     {"<", TokenKind::less},
        {">", TokenKind::greater},     {"!", TokenKind::bang},
    };
    const std::string_view rest = m_source.substr(m_pos);
    for (const Spelling& spelling : spellings) {
      if (rest.starts_with(spelling.text)) {
        token.kind = spelling.kind;
        m_pos += spelling.text.size();
        return true;
      }
    }
    const char c = peek();
    if (c == '=' || c == '&' || c == '|') {
      const std::string single(1, c);
      problem(m_pos, 1,
              "single '" + single + "' is not an operator; did you mean '" + single + single +
                  "'?");
      m_pos += 1;
      return false;
    }
    // Report a whole UTF-8 character, not its first byte.
    const std::size_t start = m_pos;
    std::size_t end = m_pos + 1;
    while (end < m_source.size() && (static_cast<unsigned char>(m_source[end]) & 0xC0) == 0x80) {
      ++end;
    }
    problem(start, end - start,
            "unexpected character \"" + std::string(m_source.substr(start, end - start)) + "\"");
    m_pos = end;
    return false;
  }

  bool lex_number(Token& token)
  {
    const std::size_t start = m_pos;
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
      m_pos += 2;
      std::uint64_t value = 0;
      bool overflow = false;
      const std::size_t digits_start = m_pos;
      while (hex_value(peek()) >= 0) {
        const auto digit = static_cast<std::uint64_t>(hex_value(peek()));
        overflow = overflow || value > (std::numeric_limits<std::uint64_t>::max() - digit) / 16;
        value = value * 16 + digit;
        ++m_pos;
      }
      if (m_pos == digits_start) {
        problem(start, m_pos - start, "expected hex digits after \"0x\"");
        return false;
      }
      return finish_int(token, start, value, overflow);
    }
    bool is_double = false;
    while (is_digit(peek())) {
      ++m_pos;
    }
    if (peek() == '.' && is_digit(peek(1))) {
      is_double = true;
      ++m_pos;
      while (is_digit(peek())) {
        ++m_pos;
      }
    }
    if ((peek() == 'e' || peek() == 'E') &&
        (is_digit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && is_digit(peek(2))))) {
      is_double = true;
      m_pos += 2;
      while (is_digit(peek())) {
        ++m_pos;
      }
    }
    const std::string text(m_source.substr(start, m_pos - start));
    if (is_double) {
      token.kind = TokenKind::double_literal;
      token.double_value = std::strtod(text.c_str(), nullptr);
      return true;
    }
    std::uint64_t value = 0;
    bool overflow = false;
    for (char digit : text) {
      const auto d = static_cast<std::uint64_t>(digit - '0');
      overflow = overflow || value > (std::numeric_limits<std::uint64_t>::max() - d) / 10;
      value = value * 10 + d;
    }
    return finish_int(token, start, value, overflow);
  }

  bool finish_int(Token& token, std::size_t start, std::uint64_t value, bool overflow)
  {
    if (peek() == 'u' || peek() == 'U') {
      ++m_pos;
      problem(start, m_pos - start, "unsigned integers are not supported");
      return false;
    }
    if (overflow || value > std::uint64_t{1} << 63) {
      problem(start, m_pos - start, "integer literal out of range");
      return false;
    }
    token.kind = TokenKind::int_literal;
    token.int_value = value;
    return true;
  }

  bool lex_string(Token& token, bool raw)
  {
    const char quote = peek();
    const bool triple = peek(1) == quote && peek(2) == quote;
    m_pos += triple ? 3 : 1;
    std::string value;
    bool ok = true;
    while (true) {
      if (m_pos >= m_source.size() || (!triple && (peek() == '\n' || peek() == '\r'))) {
        problem(token.offset, m_pos - token.offset, "unterminated string literal");
        return false;
      }
      const char c = peek();
      if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
        m_pos += triple ? 3 : 1;
        break;
      }
      if (c == '\\' && !raw) {
        ok = lex_escape(value) && ok;
        continue;
      }
      value.push_back(c);
      ++m_pos;
    }
    if (!is_valid_utf8(value)) {
      problem(token.offset, m_pos - token.offset, "string literal is not valid UTF-8");
      return false;
    }
    token.kind = TokenKind::string_literal;
    token.text = std::move(value);
    return ok;
  }

  // Decodes one escape sequence at m_pos (which is a backslash) into `out`.
  bool lex_escape(std::string& out)
  {
    const std::size_t start = m_pos;
    const char c = peek(1);
    m_pos += 2;
    switch (c) {
    case '\\':
      out.push_back('\\');
      return true;
    case '"':
      out.push_back('"');
      return true;
    case '\'':
      out.push_back('\'');
      return true;
    case '`':
      out.push_back('`');
      return true;
    case '?':
      out.push_back('?');
      return true;
    case 'a':
      out.push_back('\a');
      return true;
    case 'b':
      out.push_back('\b');
      return true;
    case 'f':
      out.push_back('\f');
      return true;
    case 'n':
      out.push_back('\n');
      return true;
    case 'r':
      out.push_back('\r');
      return true;
    case 't':
      out.push_back('\t');
      return true;
    case 'v':
      out.push_back('\v');
      return true;
    case 'x':
    case 'X':
      return lex_code_escape(out, start, 2, 16);
    case 'u':
      return lex_code_escape(out, start, 4, 16);
    case 'U':
      return lex_code_escape(out, start, 8, 16);
    default:
      break;
    }
    if (c >= '0' && c <= '3') {
      m_pos -= 1;
      return lex_code_escape(out, start, 3, 8);
    }
    problem(start, 2, "invalid escape sequence \"\\" + std::string(1, c) + "\"");
    return false;
  }

  bool lex_code_escape(std::string& out, std::size_t start, int digits, int base)
  {
    std::uint32_t value = 0;
    for (int i = 0; i < digits; ++i) {
      const int d = hex_value(peek());
      if (d < 0 || d >= base) {
        problem(start, m_pos - start + 1,
                "invalid escape sequence \"" + std::string(m_source.substr(start, m_pos - start)) +
                    "\"");
        return false;
      }
      value = value * static_cast<std::uint32_t>(base) + static_cast<std::uint32_t>(d);
      ++m_pos;
    }
    // In CEL strings every numeric escape names a code point, \xFF included.
    if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
      problem(start, m_pos - start, "escape sequence is not a valid code point");
      return false;
    }
    append_utf8(out, static_cast<char32_t>(value));
    return true;
  }

  std::string_view m_source;
  std::vector<Problem>& m_problems;
  std::size_t m_pos = 0;
};

} // namespace

std::string_view token_kind_name(TokenKind kind)
{
  // In TokenKind's order.
  static constexpr std::string_view names[] = {"end of expression",
                                               "a name",
                                               "an int",
                                               "a double",
                                               "a string",
                                               "'('",
                                               "')'",
                                               "'['",
                                               "']'",
                                               "'{'",
                                               "'}'",
                                               "','",
                                               "'.'",
                                               "'?'",
                                               "':'",
                                               "'!'",
                                               "'-'",
                                               "'+'",
                                               "'*'",
                                               "'/'",
                                               "'%'",
                                               "'<'",
                                               "'<='",
                                               "'>'",
                                               "'>='",
                                               "'=='",
                                               "'!='",
                                               "'&&'",
                                               "'||'",
                                               "'in'"};
  static_assert(std::size(names) == static_cast<std::size_t>(TokenKind::in) + 1);
  return names[static_cast<std::size_t>(kind)];
}

std::vector<Token> tokenize(std::string_view source, std::vector<Problem>& problems)
{
  return Lexer(source, problems).run();
}

} // namespace orgaudit::expr
