#pragma once

// The fuzz targets of tests/fuzz: each takes one input of the fuzzer, runs it
// through one parser of the library as the command line would, and returns
// normally when the library did (a user error is a normal outcome). A crash, a
// sanitizer report, an exception other than orgaudit::Error escaping, or a
// broken invariant (which aborts) is a finding. The unit tests run the same
// functions on the saved findings (tests/data/fuzz-regressions/TARGET/*).

#include <span>
#include <string_view>

namespace orgaudit::fuzz {

// One target: its name (the fuzzer's binary is fuzz_NAME) and its entry.
struct Target {
  std::string_view name;
  void (*run)(std::string_view input);
};

// Every target, in the order tests/fuzz/run runs them.
std::span<const Target> targets();

// Data directories: byte 0 picks the options (bits 0-1 the encoding: auto,
// utf-8, gbk, gb18030; bit 2 --lenient), byte 1 the piece size (1-255 bytes
// but at least a 64th of the input; 0 the whole file), the rest the tables' files in schema order,
// separated by lines "%%" (organizations first; an empty part writes no file: the table is absent).
void csv(std::string_view input);
void jsonl(std::string_view input);
// The same input as csv(), read as one piece on one thread and in pieces on
// two threads: aborts unless the datasets and the diagnostics are equal.
void csv_diff(std::string_view input);
// The input is a SQLite database file.
void sqlite(std::string_view input);
// Byte 0 picks what the expression must give (bool, number, any); the rest
// holds `let:` definitions (a line with the name, then the expression) and
// last the expression, separated by lines ";;", checked in that order against
// the shipped schema.
void expr(std::string_view input);
// Rule-set files r0.yaml, r1.yaml, … separated by lines "#%%"; r0.yaml is
// loaded (its `extends:` may name the others) against the shipped schema.
void rules(std::string_view input);
// A waivers file, checked against the shipped rule set.
void waivers(std::string_view input);
// A schema file.
void schema(std::string_view input);

} // namespace orgaudit::fuzz
