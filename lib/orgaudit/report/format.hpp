#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <orgaudit/audit/evidence.hpp>
#include <orgaudit/audit/program.hpp>
#include <orgaudit/audit/results.hpp>
#include <orgaudit/report/attention.hpp>
#include <orgaudit/report/output.hpp>
#include <orgaudit/rules/ruleset.hpp>

namespace orgaudit::report {

struct SinceLastRun; // since_last_run.hpp

// The output formats of SPEC §6.
enum class Format : std::uint8_t { text, json, jsonl, csv, md, html, junit, sarif, xlsx };

// The format's name as --format spells it ("text", "json", …).
std::string_view format_name(Format format);

// The format named `name`, or nullopt if there is none.
std::optional<Format> parse_format(std::string_view name);

// The file extension a report of this format gets in an output directory ("html", …).
std::string_view format_extension(Format format);

// How long a format takes to render relative to the others (a larger number
// is slower), so that parallel writers can start the slowest first.
int render_cost(Format format);

// Everything a renderer needs besides the results. The command layer fills the
// optional inputs (program figures, evidence, points recoverable) because they
// are computed by other modules; an absent one omits its part of the report.
struct RenderOptions {
  rules::Lang lang = rules::Lang::zh;
  bool bom = false;   // csv: start with a UTF-8 byte-order mark
  bool color = false; // text: ANSI colour (decided by the command through Terminal)
  int width = 100;    // text: terminal columns (at least 60 are used)
  std::string tool_version;
  std::string dataset_display_path; // empty: the dataset's own path
  const audit::EvidenceSource* evidence = nullptr;
  const audit::ProgramFigures* program = nullptr;
  std::function<std::vector<audit::Recoverable>(std::size_t position)> recoverable;
  // Where a renderer puts warnings about its output (e.g. text cut to a
  // spreadsheet's cell limit); null: none are kept.
  std::vector<std::string>* warnings = nullptr;
  // What changed since the last recorded run (--db): the HTML report and the
  // audit summary show it.
  const SinceLastRun* since_last_run = nullptr;
  // html, md: how many organizations get a detailed section (--detail N), the
  // most urgent first; detail_all for all of them.
  std::size_t detail = default_detail;
  // json, jsonl, csv, junit: the threads that render organizations (0: one
  // per core) and how many organizations each renders at a time; the output
  // is the same for any of them. Chunks of 32 (~200 KB of JSON) stay in the
  // processor's cache until written: 512 made the writing slower than one
  // 64 KiB buffer on one thread.
  unsigned jobs = 1;
  std::size_t chunk = 32;
  // Makes an evidence source for one rendering thread (an EvidenceSource need
  // not be thread-safe); without it, a report that shows `evidence` renders
  // on one thread.
  std::function<std::unique_ptr<audit::EvidenceSource>()> make_evidence;
};

// Writes `results` in `format` to `out`. Throws IoError when the output cannot
// be written.
void render(Format format, const audit::Results& results, const RenderOptions& options,
            Output& out);

// The `audit` command's terminal summary: headline figures, grade distribution
// with a bar, the flags, and the files written; at most options.width (≤ 100) columns.
void render_audit_summary(const audit::Results& results, const RenderOptions& options,
                          const std::vector<std::string>& written_files, Output& out);

} // namespace orgaudit::report
