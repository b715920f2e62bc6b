#include <orgaudit/expr/evaluator.hpp>

#include <orgaudit/expr/machine.hpp>

namespace orgaudit::expr {

struct Evaluator::Impl {
  Machine machine;
};

Evaluator::Evaluator(const data::Dataset& dataset, Date as_of)
    : m_impl(std::make_unique<Impl>(Impl{Machine(dataset, as_of)}))
{
}

Evaluator::~Evaluator() = default;

Outcome Evaluator::evaluate(const Program& program, std::size_t org, Evidence* evidence)
{
  return m_impl->machine.evaluate(program, org, evidence);
}

} // namespace orgaudit::expr
