#include <orgaudit/history/labels.hpp>

#include <array>
#include <cstdlib>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <orgaudit/report/labels.hpp>

namespace orgaudit::history {

namespace {

using Pair = std::pair<std::string_view, std::string_view>;

constexpr std::array<Pair, static_cast<std::size_t>(Text::count_)> texts = {{
    {"运行", "run"},
    {"记录于", "recorded"},
    {"命令", "Command"},
    {"运行对比", "Run comparison"},
    {"按规则统计", "By rule"},
    {"两次运行之间没有变化。", "Nothing changed between the two runs."},
    {"… 另有 {} 条（--limit 0 列出全部）", "… and {} more (--limit 0 lists them all)"},
    {"数据库中没有运行记录。", "No run is recorded in the database."},
    {"历次运行", "Trend over the recorded runs"},
    {"本次运行", "this run"},
    {"两次运行的选项不同（--org、--region、--waivers 等），部分变化可能来自选项而非社会组织本身。",
     "The two runs used different options (--org, --region, --waivers, …): some changes may come "
     "from the options, not the organizations."},
    {"两次运行使用的规则集不同（{} → {}），变化可能来自规则而非社会组织本身。",
     "The two runs used different rule sets ({} → {}): changes may come from the rules, not the "
     "organizations."},
    {"定义有变化的规则：", "Rules changed: "},
    {"新增的规则：", "Rules added: "},
    {"删除的规则：", "Rules removed: "},
    {"其中一次运行由较早版本的 orgaudit 记录，没有逐条规则的指纹，有变化的规则可能未全部列出。",
     "One of the runs was recorded by an older orgaudit without rule fingerprints, so not every "
     "changed rule may be named."},
    {"较早", "From"},
    {"较晚", "To"},
    {"变化", "Change"},
}};

std::string joined(const std::vector<std::string>& ids)
{
  return fmt::format("{}", fmt::join(ids, ", "));
}

std::string total_and_grade(const RuleSetInfo& set, const OrgOutcome& org, rules::Lang lang)
{
  return fmt::format("{} {} · {}", report::ui(report::Ui::total, lang), points_text(org.total),
                     set.grade_label(org.grade, lang));
}

} // namespace

std::string_view text(Text key, rules::Lang lang)
{
  const Pair& pair = texts[static_cast<std::size_t>(key)];
  return lang == rules::Lang::zh ? pair.first : pair.second;
}

std::string points_text(std::int64_t hundredths)
{
  return fmt::format("{}{}.{:02}", hundredths < 0 ? "-" : "", std::llabs(hundredths) / 100,
                     std::llabs(hundredths) % 100);
}

std::string describe_run(const RunInfo& run, rules::Lang lang)
{
  std::string out = run.id == 0 ? std::string(text(Text::this_run, lang))
                                : fmt::format("{} {}", text(Text::run, lang), run.id);
  out += fmt::format(" · {} {}", report::ui(report::Ui::as_of, lang), format_date(run.as_of));
  if (!run.finished_at.empty()) {
    out += fmt::format(" · {} {}", text(Text::recorded, lang), run.finished_at);
  }
  return out;
}

std::string change_detail(const Diff& diff, const Change& change, rules::Lang lang)
{
  const RuleSetInfo& from = *diff.from->info.ruleset;
  const RuleSetInfo& to = *diff.to->info.ruleset;
  switch (change.kind) {
  case ChangeKind::grade_down:
  case ChangeKind::grade_up:
    return fmt::format("{} → {} ({} → {})", from.grade_label(change.from->grade, lang),
                       to.grade_label(change.to->grade, lang), points_text(change.from->total),
                       points_text(change.to->total));
  case ChangeKind::newly_flagged: {
    const auto criteria = matched_criteria(to, *change.to, *change.to_rule);
    return to.rules[*change.to_rule].label.get(lang) +
           (criteria.empty() ? std::string() : fmt::format(" ({})", joined(criteria)));
  }
  case ChangeKind::cleared:
    return from.rules[*change.from_rule].label.get(lang);
  case ChangeKind::veto_raised:
  case ChangeKind::veto_lifted: {
    const RuleInfo& rule =
        change.to_rule ? to.rules[*change.to_rule] : from.rules[*change.from_rule];
    return fmt::format("{} {}", rule.id, rule.label.get(lang));
  }
  case ChangeKind::turned_failing:
  case ChangeKind::turned_passing: {
    const RuleInfo& rule = to.rules[*change.to_rule];
    const std::string before =
        change.from_rule ? std::string(report::status_label(
                               status_of(change.from->indicator(*change.from_rule)), lang))
                         : std::string("—");
    return fmt::format(
        "{} {}: {} → {}", rule.id, rule.label.get(lang), before,
        report::status_label(status_of(change.to->indicator(*change.to_rule)), lang));
  }
  case ChangeKind::appeared:
    return total_and_grade(to, *change.to, lang);
  case ChangeKind::disappeared:
    return total_and_grade(from, *change.from, lang);
  }
  return {};
}

std::vector<std::string> comparison_warnings(const Diff& diff, rules::Lang lang)
{
  std::vector<std::string> out;
  const RuleSetInfo& from = *diff.from->info.ruleset;
  const RuleSetInfo& to = *diff.to->info.ruleset;
  if (diff.ruleset.differ) {
    std::string line = fmt::format(fmt::runtime(text(Text::rules_differ, lang)),
                                   fmt::format("{} {}", from.id, from.version),
                                   fmt::format("{} {}", to.id, to.version));
    const std::pair<Text, const std::vector<std::string>*> lists[] = {
        {Text::changed_rules, &diff.ruleset.changed},
        {Text::added_rules, &diff.ruleset.added},
        {Text::removed_rules, &diff.ruleset.removed}};
    for (const auto& [key, ids] : lists) {
      if (!ids->empty()) {
        line += fmt::format("{}{}{}{}", lang == rules::Lang::zh ? "" : " ", text(key, lang),
                            joined(*ids), lang == rules::Lang::zh ? "。" : ".");
      }
    }
    out.push_back(line);
    if (diff.ruleset.fingerprints_unknown) {
      out.emplace_back(text(Text::fingerprints_unknown, lang));
    }
  }
  if (diff.options_differ) {
    out.emplace_back(text(Text::options_differ, lang));
  }
  return out;
}

} // namespace orgaudit::history
