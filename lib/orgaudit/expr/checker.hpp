#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/expr/ast.hpp>
#include <orgaudit/expr/program.hpp>
#include <orgaudit/expr/types.hpp>

namespace orgaudit::expr {

// A `let:` name already defined: its type, program and how deep its
// evaluation nests (its own tree plus the lets it uses).
struct LetDefinition {
  std::string name;
  Type type;
  std::shared_ptr<const Program> program;
  std::uint32_t depth = 0;
};

// What a Compiler knows when it checks one expression.
struct CheckContext {
  std::shared_ptr<const schema::Schema> schema;
  std::vector<LetDefinition> lets;
  std::uint64_t lets_serial = 0;
};

// The deepest evaluation (an expression's tree plus those of the lets it uses
// transitively) the evaluator accepts, so it never overflows the stack.
inline constexpr std::uint32_t max_evaluation_depth = 1000;

// Types one parsed expression against the schema and the lets, and writes the
// compiled instructions into `program`. Reports every problem it finds (one
// per mistake: a subexpression already in error is not reported again).
class Checker {
 public:
  struct Typed {
    std::uint32_t op = 0;
    Type type;
  };

  Checker(const CheckContext& context, const Ast& ast, Program& program,
          std::vector<Problem>& problems);

  // Checks the whole tree; the result's type is Kind::error if a problem was found.
  Typed run();
  // How deep evaluation nests, including the lets used.
  std::uint32_t depth() const { return m_depth; }

 private:
  struct Local {
    std::string name;
    Type type;
    std::uint32_t slot = 0;
  };

  Typed check(std::uint32_t node);
  Typed check_identifier(const Node& node);
  Typed check_member(const Node& node);
  Typed check_list(const Node& node);
  Typed check_unary(const Node& node);
  Typed check_binary(const Node& node);
  Typed check_logical(const Node& node);
  Typed check_arithmetic(const Node& node);
  Typed check_comparison(const Node& node);
  Typed check_list_comparison(const Node& node, Typed left, Typed right, Comparison comparison);
  // Turns the string literals of the list literal `list` into codes of `enumeration`.
  bool enum_literals(const Type& enumeration, const Node& list_node, const Typed& list);
  Typed check_in(const Node& node);
  Typed check_conditional(const Node& node);
  Typed check_call(const Node& node);
  Typed check_macro(const Node& node);
  Typed check_function(const Node& node, const std::vector<Typed>& args);
  Typed check_has(const Node& node);
  Typed check_matches(const Node& node, const Typed& subject, std::uint32_t pattern_node);
  Typed check_date(const Node& node, const Typed& arg, std::uint32_t arg_node);

  // An enum value named by a string literal, or a Problem with did-you-mean.
  std::optional<std::uint8_t> enum_literal(const Type& enumeration, const Node& literal);
  // `value` as a string (enums give their canonical value), or a Problem.
  std::optional<Typed> as_string(const Typed& value, const Node& where, std::string_view what);
  Typed widen(const Typed& value);
  // The common type of two branches or list elements, widening ints if needed.
  std::optional<Type> unify(const Type& a, const Type& b) const;
  Typed coerce(const Typed& value, const Type& to);

  Typed fail(const Node& node, std::string message);
  Typed fail_at(std::size_t offset, std::size_t length, std::string message);
  std::uint32_t emit(Op op, const Node& node);
  std::string name_of(const Type& type) const { return type_name(type, *m_context.schema); }
  std::string describe_column(const Type& enumeration) const;

  const CheckContext& m_context;
  const schema::Schema& m_schema;
  const Ast& m_ast;
  Program& m_program;
  std::vector<Problem>& m_problems;
  std::vector<Local> m_locals;
  std::uint32_t m_depth = 0;
};

// "; did you mean \"grade\"?" for the candidate nearest to `word`, or "" if
// none is close enough to be a plausible typo.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

// The value domain of a scalar type, or nullopt for rows, lists, null and dyn.
std::optional<Domain> domain_of(const Type& type);

} // namespace orgaudit::expr
