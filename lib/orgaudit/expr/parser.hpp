#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <orgaudit/expr/ast.hpp>
#include <orgaudit/expr/compiler.hpp>

namespace orgaudit::expr {

// Parses `source` with CEL's grammar and precedence. Returns the tree, or
// nullopt with every syntax problem appended (messages say what was expected,
// e.g. "expected ')' after the arguments of exists()").
std::optional<Ast> parse(std::string_view source, std::vector<Problem>& problems);

} // namespace orgaudit::expr
