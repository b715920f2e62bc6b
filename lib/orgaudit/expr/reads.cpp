#include <orgaudit/expr/reads.hpp>

#include <algorithm>

namespace orgaudit::expr {

namespace {

// Inserts `value` into the sorted `list`; false if it was already there.
bool insert_sorted(std::vector<std::uint32_t>& list, std::uint32_t value)
{
  const auto at = std::lower_bound(list.begin(), list.end(), value);
  if (at != list.end() && *at == value) {
    return false;
  }
  list.insert(at, value);
  return true;
}

} // namespace

void add_reads(const Program& program, ProgramReads& reads)
{
  for (const Op& op : program.ops) {
    if (op.code == OpCode::child_list) {
      insert_sorted(reads.tables, op.table);
    } else if (op.code == OpCode::let && op.a < program.lets.size() &&
               insert_sorted(reads.lets, op.a)) {
      add_reads(*program.lets[op.a], reads);
    }
  }
}

ProgramReads reads_of(const Program& program)
{
  ProgramReads reads;
  add_reads(program, reads);
  return reads;
}

} // namespace orgaudit::expr
