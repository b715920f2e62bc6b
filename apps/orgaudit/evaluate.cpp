#include <orgaudit/evaluate.hpp>

#include <algorithm>
#include <cstdio>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <orgaudit/audit/engine.hpp>
#include <orgaudit/audit/evidence.hpp>
#include <orgaudit/audit/program.hpp>
#include <orgaudit/choices.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/core/file.hpp>
#include <orgaudit/core/parallel.hpp>
#include <orgaudit/core/text.hpp>
#include <orgaudit/progress.hpp>
#include <orgaudit/report/org_view.hpp>
#include <orgaudit/report/output.hpp>
#include <orgaudit/report/skipped.hpp>
#include <orgaudit/rules/loader.hpp>
#include <orgaudit/rules/waivers.hpp>

namespace orgaudit::cli {

std::vector<std::string> all_format_names()
{
  std::vector<std::string> names;
  for (auto f = static_cast<int>(report::Format::text); f <= static_cast<int>(report::Format::xlsx);
       ++f) {
    names.emplace_back(report::format_name(static_cast<report::Format>(f)));
  }
  return names;
}

void add_evaluate_options(CLI::App& command, EvaluateOptions& options, bool data_required,
                          const std::vector<std::string>& formats, const std::string& default_data,
                          bool with_output)
{
  add_data_options(command, options.data, data_required, true, default_data);
  options.schema_option = command.get_option("--schema");
  options.rules = rules::builtin_ruleset_path;
  command.add_option("--rules", options.rules,
                     "rule-set file (default: the built-in Zhejiang rule set)");
  command.add_option(
      "--waivers", options.waivers,
      "waivers YAML file: organizations and rules exempted, with reason, approver and expiry");
  command.add_option("--org", options.organizations, "only this organization (USCC; repeatable)");
  command.add_option("--region", options.regions,
                     "only organizations of this region code (repeatable)");
  std::string names;
  for (const auto& f : formats) {
    names += names.empty() ? f : "|" + f;
  }
  command
      .add_option("--format", options.formats,
                  fmt::format("output format {}[:FILE] (repeatable)", names))
      ->check([formats](const std::string& value) {
        const std::string name = value.substr(0, value.find(':'));
        return std::find(formats.begin(), formats.end(), name) != formats.end()
                   ? std::string()
                   : fmt::format("unknown format \"{}\"", name);
      });
  if (with_output) {
    command.add_option("--output", options.output, "write the output to FILE instead of stdout");
  }
  command.add_option("--lang", options.lang, "language of labels: zh or en")
      ->check(CLI::IsMember({"zh", "en"}));
  command.add_option("--fail-on", options.fail_on, "exit 1 if a finding is at or above SEVERITY")
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}));
  command.add_option("--fail-below", options.fail_below,
                     "exit 1 if an organization's grade is below GRADE");
  command.add_option("--jobs", options.jobs, "worker threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  command.add_flag("--quiet", options.quiet, "no warnings or summaries on stderr");
  command.add_flag("--no-color", options.no_color, "never colour the output");
  command
      .add_option("--progress", options.progress, "progress bar on stderr: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command.add_flag("--bom", options.bom, "csv: start with a UTF-8 byte-order mark (Excel, WPS)");
  // What --fail-below and --only may name, read from the built-in rule set
  // only when --help is printed.
  command.footer([] {
    Diagnostics diagnostics;
    const auto set = rules::load_ruleset(rules::builtin_ruleset_path, diagnostics);
    return set ? "The built-in rule set:\n" + rule_set_summary(*set) + "\n" : std::string();
  });
}

void add_detail_option(CLI::App& command, EvaluateOptions& options)
{
  command
      .add_option_function<std::string>(
          "--detail",
          [&options](const std::string& value) {
            options.detail = value == "all" ? report::detail_all : std::stoull(value);
          },
          fmt::format("html, md: detail only the N organizations needing attention most (vetoed, "
                      "flagged, failing, lowest totals first); 0 none, all every one (default: as "
                      "many as fit in about {} MB of details)",
                      report::detail_budget / 1'000'000))
      ->type_name("N|all")
      ->check(
          [](const std::string& value) {
            const bool digits = !value.empty() && value.size() <= 18 &&
                                std::all_of(value.begin(), value.end(),
                                            [](char c) { return c >= '0' && c <= '9'; });
            return digits || value == "all"
                       ? std::string()
                       : fmt::format("--detail takes a number or \"all\", not \"{}\"", value);
          },
          "N|all");
}

namespace {

void print_warnings(const Diagnostics& diagnostics, bool quiet)
{
  if (!quiet && !diagnostics.empty()) {
    std::fputs(diagnostics.format(20).c_str(), stderr);
  }
}

// --quiet leaves stderr to errors: no progress unless --progress always asks for it.
ProgressMode progress_mode(const std::string& text, bool quiet)
{
  return text == "always"           ? ProgressMode::always
         : text == "never" || quiet ? ProgressMode::never
                                    : ProgressMode::automatic;
}

} // namespace

Evaluation evaluate(const EvaluateOptions& options)
{
  Evaluation evaluation;
  evaluation.terminal =
      Terminal::detect(options.no_color, progress_mode(options.progress, options.quiet));
  evaluation.lang = options.lang == "en" ? rules::Lang::en : rules::Lang::zh;

  const bool explicit_schema =
      options.schema_option != nullptr && options.schema_option->count() > 0;
  Diagnostics rule_diagnostics;
  evaluation.ruleset = rules::load_ruleset(options.rules, rule_diagnostics,
                                           explicit_schema ? options.data.schema : std::string());
  if (!evaluation.ruleset) {
    rule_diagnostics.sort();
    throw RulesError(std::move(rule_diagnostics));
  }
  if (!options.fail_below.empty()) {
    fail_below_rank(*evaluation.ruleset, options.fail_below); // a usage error if unknown
  }
  data::LoadOptions load = load_options(options.data);
  load.jobs = options.jobs;
  load.lang = evaluation.lang;
  std::vector<rules::Waiver> waivers;
  if (!options.waivers.empty()) {
    Diagnostics waiver_diagnostics;
    waivers =
        rules::load_waivers(options.waivers, *evaluation.ruleset, load.as_of, waiver_diagnostics);
    if (waiver_diagnostics.has_errors()) {
      throw RulesError(std::move(waiver_diagnostics));
    }
    print_warnings(waiver_diagnostics, options.quiet);
  }

  evaluation.dataset =
      load_dataset_checked(options.data.data, evaluation.ruleset->schema, load, options.quiet);

  audit::EngineOptions engine;
  for (const std::string& organization : options.organizations) {
    engine.organizations.push_back(resolve_organization(*evaluation.dataset, organization));
  }
  engine.as_of = load.as_of;
  engine.jobs = worker_count(options.jobs);
  engine.regions = options.regions;
  engine.waivers = std::move(waivers);
  ProgressBar progress(evaluation.terminal.progress());
  engine.progress = [&progress](std::size_t done, std::size_t total) {
    progress.update(done, total);
  };
  Diagnostics engine_diagnostics;
  auto results = std::make_shared<audit::Results>(
      audit::run_audit(evaluation.ruleset, evaluation.dataset, engine, engine_diagnostics));
  if (engine_diagnostics.has_errors()) {
    throw RulesError(std::move(engine_diagnostics));
  }
  if (!options.quiet) {
    const auto& set = *evaluation.ruleset;
    for (std::size_t i = 0; i < set.indicators.size(); ++i) {
      if (results->divisions_by_zero[i] > 0) {
        fmt::print(stderr,
                   "orgaudit: warning: {}: division by zero (treated as missing data) for {} "
                   "organization(s)\n",
                   set.indicators[i].id, results->divisions_by_zero[i]);
      }
    }
  }
  evaluation.results = std::move(results);
  return evaluation;
}

std::vector<OutputRequest> output_requests(const EvaluateOptions& options, report::Format fallback)
{
  std::vector<OutputRequest> requests;
  for (const std::string& value : options.formats) {
    const auto colon = value.find(':');
    OutputRequest request;
    request.format = *report::parse_format(value.substr(0, colon));
    if (colon != std::string::npos) {
      request.file = value.substr(colon + 1);
      if (request.file.empty()) {
        throw UsageError(fmt::format("--format {}: the file name after ':' is empty", value));
      }
    }
    requests.push_back(request);
  }
  if (requests.empty()) {
    requests.push_back({fallback, {}});
  }
  std::size_t to_stdout = 0;
  for (OutputRequest& request : requests) {
    if (request.file.empty() && !options.output.empty() && to_stdout == 0) {
      request.file = options.output;
      continue;
    }
    to_stdout += request.file.empty() ? 1 : 0;
  }
  if (to_stdout > 1) {
    throw UsageError(
        "at most one --format may go to stdout; give the others a file (--format FMT:FILE)");
  }
  return requests;
}

std::unique_ptr<report::Output> open_output(const OutputRequest& request)
{
  if (request.file.empty()) {
    return std::make_unique<report::StreamOutput>(stdout);
  }
  return std::make_unique<report::FileOutput>(request.file);
}

report::RenderOptions render_options(const Evaluation& evaluation, const EvaluateOptions& options,
                                     bool to_terminal)
{
  report::RenderOptions render;
  render.lang = evaluation.lang;
  render.bom = options.bom;
  render.color = to_terminal && evaluation.terminal.stdout_color();
  render.width = std::min(evaluation.terminal.width(), 200);
  render.tool_version = ORGAUDIT_VERSION;
  render.since_last_run = evaluation.since_last_run.get();
  render.detail = options.detail;
  render.jobs = options.jobs;
  return render;
}

void write_outputs(const Evaluation& evaluation, const audit::Results& results,
                   const EvaluateOptions& options, const std::vector<OutputRequest>& requests,
                   const std::string& skipped_csv)
{
  const audit::ProgramFigures program = audit::compute_program_figures(*evaluation.results);
  // TracingEvidence keeps one evaluator, so each rendering makes its own; so
  // are its warnings, printed once every output is in place.
  std::vector<std::vector<std::string>> warnings(requests.size());
  auto render_to = [&](const OutputRequest& request, report::Output& out) {
    const audit::TracingEvidence evidence(results);
    report::RenderOptions render = render_options(evaluation, options, request.file.empty());
    render.warnings = &warnings[static_cast<std::size_t>(&request - requests.data())];
    render.evidence = &evidence;
    render.make_evidence = [&results] { return std::make_unique<audit::TracingEvidence>(results); };
    render.program = &program;
    render.recoverable = [&results](std::size_t position) {
      return audit::points_recoverable(results, position);
    };
    report::render(request.format, results, render, out);
  };
  std::vector<const OutputRequest*> file_requests;
  for (const OutputRequest& request : requests) {
    if (!request.file.empty()) {
      file_requests.push_back(&request);
    }
  }
  // The costliest formats start first, so that no core is left with a long one at the end.
  std::stable_sort(file_requests.begin(), file_requests.end(),
                   [](const OutputRequest* a, const OutputRequest* b) {
                     return report::render_cost(a->format) > report::render_cost(b->format);
                   });
  // Files render in parallel (they only read the results), each into its own
  // temporary file; only when every one is complete are they put in place,
  // together: if one cannot be, none replaces what was there.
  std::vector<std::unique_ptr<report::FileOutput>> files(file_requests.size());
  for_each_parallel(file_requests.size(), options.jobs, [&](std::size_t i) {
    files[i] = std::make_unique<report::FileOutput>(file_requests[i]->file);
    render_to(*file_requests[i], *files[i]);
  });
  std::vector<AtomicFile*> atomic_files;
  for (const auto& file : files) {
    atomic_files.push_back(&file->file());
  }
  std::optional<report::FileOutput> skipped;
  if (!skipped_csv.empty()) {
    skipped.emplace(skipped_csv);
    report::render_skipped_csv(*evaluation.dataset, evaluation.lang, true, *skipped);
    atomic_files.push_back(&skipped->file());
  }
  commit_together(atomic_files, options.jobs);
  for (const OutputRequest& request : requests) {
    if (request.file.empty()) {
      report::StreamOutput out(stdout);
      render_to(request, out);
      out.finish();
    }
  }
  for (std::size_t r = 0; r < requests.size(); ++r) {
    for (const std::string& warning : warnings[r]) {
      fmt::print(stderr, "orgaudit: warning: {}: {}\n",
                 requests[r].file.empty() ? "stdout" : requests[r].file, warning);
    }
  }
}

namespace {

// Prints on stderr how many organizations crossed a --fail-on / --fail-below
// line and the first 20 of them, so that a failed cron job says who.
void print_crossed(const audit::Results& results, const std::vector<std::size_t>& crossed,
                   std::string_view option, std::string_view line, const EvaluateOptions& options)
{
  if (crossed.empty() || options.quiet) {
    return;
  }
  const report::OrgView view(*results.dataset);
  fmt::print(stderr, "orgaudit: {}: {} of {} organizations {}\n", option, crossed.size(),
             results.size(), line);
  constexpr std::size_t shown = 20;
  for (std::size_t k = 0; k < crossed.size() && k < shown; ++k) {
    const std::uint32_t org = results.organizations[crossed[k]].org;
    fmt::print(stderr, "  {}  {}\n", view.uscc(org), view.name(org));
  }
  if (crossed.size() > shown) {
    fmt::print(stderr, "  … and {} more\n", crossed.size() - shown);
  }
}

bool finding_at_or_above(const audit::Results& results, std::size_t o, rules::Severity threshold)
{
  const rules::RuleSet& set = *results.ruleset;
  for (std::size_t i = 0; i < set.indicators.size(); ++i) {
    if (audit::is_finding(results.indicator(o, i).status) &&
        set.indicators[i].severity >= threshold) {
      return true;
    }
  }
  for (std::size_t v = 0; v < set.vetoes.size(); ++v) {
    if (results.veto_held(o, v) && set.vetoes[v].severity >= threshold) {
      return true;
    }
  }
  for (std::size_t f = 0; f < set.flags.size(); ++f) {
    if (results.flag_raised(o, f) && set.flags[f].severity >= threshold) {
      return true;
    }
  }
  return false;
}

} // namespace

std::size_t fail_below_rank(const rules::RuleSet& set, std::string_view grade)
{
  std::vector<Choice> choices;
  for (const rules::Grade& candidate : set.grades) {
    choices.push_back({candidate.id, candidate.label.zh, candidate.label.en});
  }
  choices.push_back({"ungraded", "未定级", "Ungraded"});
  return choose("--fail-below", "grade", grade, choices);
}

int threshold_exit_code(const audit::Results& results, const EvaluateOptions& options)
{
  const rules::RuleSet& set = *results.ruleset;
  int code = 0;
  if (!options.fail_on.empty()) {
    const rules::Severity threshold = *rules::parse_severity(options.fail_on);
    std::vector<std::size_t> crossed;
    for (std::size_t o = 0; o < results.size(); ++o) {
      if (finding_at_or_above(results, o, threshold)) {
        crossed.push_back(o);
      }
    }
    print_crossed(results, crossed, "--fail-on " + options.fail_on,
                  fmt::format("have a finding at or above {}", options.fail_on), options);
    code = crossed.empty() ? code : 1;
  }
  if (!options.fail_below.empty()) {
    // Grades are listed best first; ungraded ranks below every grade.
    const std::size_t limit = fail_below_rank(set, options.fail_below);
    std::vector<std::size_t> crossed;
    for (std::size_t o = 0; o < results.size(); ++o) {
      const int grade = results.organizations[o].grade;
      const std::size_t rank =
          grade == audit::ungraded ? set.grades.size() : static_cast<std::size_t>(grade);
      if (rank > limit) {
        crossed.push_back(o);
      }
    }
    const std::string name =
        limit < set.grades.size()
            ? fmt::format("{} ({})", set.grades[limit].id, set.grades[limit].label.zh)
            : std::string("ungraded (未定级)");
    print_crossed(results, crossed, "--fail-below " + options.fail_below,
                  fmt::format("are graded below {}", name), options);
    code = crossed.empty() ? code : 1;
  }
  return code;
}

} // namespace orgaudit::cli
