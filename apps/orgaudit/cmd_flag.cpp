#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <orgaudit/audit/results.hpp>
#include <orgaudit/cli.hpp>
#include <orgaudit/core/error.hpp>
#include <orgaudit/evaluate.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/org_view.hpp>
#include <orgaudit/report/output.hpp>
#include <orgaudit/run_history.hpp>

namespace orgaudit::cli {

namespace {

struct FlagOptions {
  EvaluateOptions evaluate;
  HistoryOptions history;
  std::vector<std::string> only;
};

// One block per flagged organization: its flags and, for each, the criteria
// that matched or lacked data.
void render_flag_text(const audit::Results& results, const std::vector<std::size_t>& flags,
                      rules::Lang lang, report::Output& out)
{
  const rules::RuleSet& set = *results.ruleset;
  const report::OrgView view(*results.dataset);
  for (std::size_t o = 0; o < results.size(); ++o) {
    const std::uint32_t org = results.organizations[o].org;
    out.write(fmt::format("{}  {}  {} · {} · {}\n", view.uscc(org), view.name(org),
                          view.type_label(org, lang), report::region_name(view.region(org), lang),
                          view.status_label(org, lang)));
    for (std::size_t f : flags) {
      if (!results.flag_raised(o, f)) {
        continue;
      }
      const rules::Flag& flag = set.flags[f];
      out.write(fmt::format("  {} {} [{}]\n", flag.id, flag.label.get(lang),
                            rules::severity_name(flag.severity)));
      for (std::size_t c = 0; c < flag.criteria.size(); ++c) {
        const audit::CriterionStatus status = results.criterion(o, f, c);
        if (status == audit::CriterionStatus::no_match) {
          continue;
        }
        out.write(fmt::format("    {} {}: {}\n", flag.criteria[c].id,
                              flag.criteria[c].label.get(lang),
                              audit::criterion_status_name(status)));
      }
    }
  }
}

int run_flag(const FlagOptions& options)
{
  const auto requests = output_requests(options.evaluate, report::Format::text);
  RunHistory history(options.history, "flag");
  const Evaluation evaluation = evaluate(options.evaluate);
  const audit::Results& all = *evaluation.results;
  const rules::RuleSet& set = *evaluation.ruleset;
  std::vector<std::size_t> flags;
  for (const std::string& id : options.only) {
    const auto ref = set.find(id);
    if (!ref || ref->kind != rules::RuleRef::Kind::flag) {
      throw UsageError(fmt::format("--only: the rule set has no flag \"{}\"", id));
    }
    flags.push_back(ref->index);
  }
  if (flags.empty()) {
    for (std::size_t f = 0; f < set.flags.size(); ++f) {
      flags.push_back(f);
    }
  }
  std::vector<std::size_t> positions;
  for (std::size_t o = 0; o < all.size(); ++o) {
    for (std::size_t f : flags) {
      if (all.flag_raised(o, f)) {
        positions.push_back(o);
        break;
      }
    }
  }
  const audit::Results flagged = audit::select_organizations(all, positions);
  std::vector<OutputRequest> others;
  for (const OutputRequest& request : requests) {
    if (request.format != report::Format::text) {
      others.push_back(request);
      continue;
    }
    std::unique_ptr<report::Output> out;
    if (request.file.empty()) {
      out = std::make_unique<report::StreamOutput>(stdout);
    } else {
      out = std::make_unique<report::FileOutput>(request.file);
    }
    render_flag_text(flagged, flags, evaluation.lang, *out);
    out->finish();
  }
  write_outputs(evaluation, flagged, options.evaluate, others);
  // The run recorded is every organization's result, not only the flagged ones.
  history.record(evaluation, options.evaluate);
  if (!options.evaluate.quiet) {
    fmt::print(stderr, "flag: {} of {} organizations flagged\n", flagged.size(), all.size());
  }
  return threshold_exit_code(flagged, options.evaluate);
}

} // namespace

void add_flag_command(CLI::App& app, Command& command)
{
  auto options = std::make_shared<FlagOptions>();
  CLI::App* flag = app.add_subcommand(
      "flag", "List flagged organizations (dormant, noncompliant, …) with criteria");
  add_evaluate_options(*flag, options->evaluate, true, {"text", "json", "jsonl", "csv"});
  add_history_options(*flag, options->history, HistoryUse::record);
  flag->add_option("--only", options->only, "only these flags (comma-separated ids)")
      ->delimiter(',');
  flag->callback(
      [&command, options] { command.action = [options] { return run_flag(*options); }; });
}

} // namespace orgaudit::cli
