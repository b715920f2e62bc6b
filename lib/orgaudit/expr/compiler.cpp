#include <orgaudit/expr/compiler.hpp>

#include <atomic>

#include <orgaudit/expr/checker.hpp>
#include <orgaudit/expr/parser.hpp>
#include <orgaudit/expr/program.hpp>

namespace orgaudit::expr {

namespace {

// Distinguishes the let: tables of different Compilers, so an Evaluator's
// per-organization cache of let values is never shared between them.
std::atomic<std::uint64_t> next_lets_serial{1};

std::string_view expected_name(Expected expected)
{
  return expected == Expected::boolean ? "bool" : "number";
}

bool satisfies(const Type& type, Expected expected)
{
  switch (expected) {
  case Expected::boolean:
    return type.kind == Kind::boolean || type.kind == Kind::null;
  case Expected::number:
    return type.is_numeric() || type.kind == Kind::null;
  case Expected::any:
    return true;
  }
  return false;
}

} // namespace

struct Compiler::Impl {
  CheckContext context;

  // Parses and checks `source`; null with problems appended if it fails.
  std::shared_ptr<Program> build(std::string_view source, Expected expected,
                                 std::vector<Problem>& problems, std::uint32_t& depth)
  {
    if (source.size() > std::numeric_limits<std::uint32_t>::max()) {
      problems.push_back({0, 1, "expression too long"});
      return nullptr;
    }
    const std::size_t before = problems.size();
    auto ast = parse(source, problems);
    if (!ast) {
      return nullptr;
    }
    auto program = std::make_shared<Program>();
    program->schema = context.schema;
    program->source = std::string(source);
    program->expected = expected;
    program->lets_serial = context.lets_serial;
    for (const LetDefinition& let : context.lets) {
      program->lets.push_back(let.program);
    }
    Checker checker(context, *ast, *program, problems);
    const Checker::Typed result = checker.run();
    if (result.type.kind == Kind::error || problems.size() != before) {
      return nullptr;
    }
    if (!satisfies(result.type, expected)) {
      problems.push_back({0, std::max<std::size_t>(source.size(), 1),
                          "must be a " + std::string(expected_name(expected)) +
                              " expression, this is " + type_name(result.type, *context.schema)});
      return nullptr;
    }
    program->root = result.op;
    program->type = result.type;
    depth = checker.depth();
    return program;
  }
};

Compiler::Compiler(std::shared_ptr<const schema::Schema> schema) : m_impl(std::make_unique<Impl>())
{
  m_impl->context.schema = std::move(schema);
  m_impl->context.lets_serial = next_lets_serial.fetch_add(1);
}

Compiler::~Compiler() = default;

const schema::Schema& Compiler::schema() const
{
  return *m_impl->context.schema;
}

bool Compiler::define(const std::string& name, std::string_view source,
                      std::vector<Problem>& problems)
{
  const schema::Schema& schema = *m_impl->context.schema;
  bool taken = name == "org" || name == "as_of";
  for (std::size_t t = 1; t < schema.tables.size(); ++t) {
    taken = taken || schema.tables[t].name == name;
  }
  for (const LetDefinition& let : m_impl->context.lets) {
    taken = taken || let.name == name;
  }
  if (taken) {
    problems.push_back({0, std::max<std::size_t>(source.size(), 1),
                        "\"" + name + "\" is already defined; choose another let: name"});
    return false;
  }
  std::uint32_t depth = 0;
  auto program = m_impl->build(source, Expected::any, problems, depth);
  if (!program) {
    return false;
  }
  program->let_index = static_cast<std::uint32_t>(m_impl->context.lets.size());
  m_impl->context.lets.push_back({name, program->type, program, depth});
  return true;
}

std::shared_ptr<const Program> Compiler::compile(std::string_view source, Expected expected,
                                                 std::vector<Problem>& problems)
{
  std::uint32_t depth = 0;
  return m_impl->build(source, expected, problems, depth);
}

} // namespace orgaudit::expr
