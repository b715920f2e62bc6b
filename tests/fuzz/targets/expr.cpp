// The expression target: lexer, parser and checker of lib/orgaudit/expr on
// `let:` definitions and one expression, against the shipped schema.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/expr/compiler.hpp>

#include "../support.hpp"
#include "../targets.hpp"

namespace orgaudit::fuzz {

void expr(std::string_view input)
{
  if (input.empty()) {
    return;
  }
  static constexpr expr::Expected expected[] = {expr::Expected::boolean, expr::Expected::number,
                                                expr::Expected::any};
  const auto wanted = expected[static_cast<unsigned char>(input[0]) % 3];
  const auto parts = split_parts(input.substr(1), ";;", 32);
  expr::Compiler compiler(shipped_schema());
  std::vector<expr::Problem> problems;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    const std::size_t name_end = std::min(parts[i].find('\n'), parts[i].size());
    compiler.define(std::string(parts[i].substr(0, name_end)),
                    parts[i].substr(std::min(name_end + 1, parts[i].size())), problems);
  }
  compiler.compile(parts.back(), wanted, problems);
}

} // namespace orgaudit::fuzz
