#pragma once

#include <cstdint>
#include <vector>

#include <orgaudit/expr/program.hpp>

namespace orgaudit::expr {

// What a compiled expression reads besides the organization's own row, found
// in its instructions and, transitively, in those of the let: values it uses.
struct ProgramReads {
  std::vector<std::uint32_t> lets;   // let indices (Program::lets), ascending
  std::vector<std::uint32_t> tables; // child tables (Schema::tables indices), ascending
};

// The lets and child tables `program` reads, directly or through its lets.
ProgramReads reads_of(const Program& program);

// Adds the reads of `program` to `reads`, keeping both lists sorted and unique.
void add_reads(const Program& program, ProgramReads& reads);

} // namespace orgaudit::expr
