#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/schema/schema.hpp>

namespace orgaudit::expr {

// A problem in one expression: a byte range of its source and a complete,
// user-facing message (`unknown column "grdae" of organizations; did you mean
// "grade"?`). The rules loader maps the offset to a file line and column.
struct Problem {
  std::size_t offset = 0;
  std::size_t length = 1;
  std::string message;
};

// What an expression must produce: `pass:`, `when:`, `applies:` need a bool,
// `score:` a number (int or double); `let:` values may be anything.
enum class Expected { boolean, number, any };

// A parsed, type-checked and compiled expression. Only a Compiler makes one,
// so an unchecked expression can never be evaluated. Immutable and shared
// between threads.
class Program;

// Checks and compiles expressions against a schema (SPEC §4). Variables: `org`
// (a row of the root table), one list per child table named after it, `as_of`,
// and every name given to define() before.
class Compiler {
 public:
  explicit Compiler(std::shared_ptr<const schema::Schema> schema);
  ~Compiler();
  Compiler(const Compiler&) = delete;
  Compiler& operator=(const Compiler&) = delete;

  // Checks `source` and makes it available to later expressions as `name` (a
  // rule set's `let:`). Returns false, with every problem appended, if it does
  // not check; the name is then not defined.
  bool define(const std::string& name, std::string_view source, std::vector<Problem>& problems);

  // Parses, checks and compiles `source`; returns null, with every problem
  // appended, if it does not check or does not produce `expected`.
  std::shared_ptr<const Program> compile(std::string_view source, Expected expected,
                                         std::vector<Problem>& problems);

  const schema::Schema& schema() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace orgaudit::expr
