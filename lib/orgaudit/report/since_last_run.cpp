#include <orgaudit/report/since_last_run.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/text_table.hpp>

namespace orgaudit::report {

namespace {

struct KindText {
  std::string_view name;
  std::string_view zh;
  std::string_view en;
};

constexpr std::array<KindText, change_kind_count> kind_texts = {{
    {"newly_flagged", "新增标记", "Newly flagged"},
    {"cleared", "标记解除", "Flags cleared"},
    {"grade_down", "等级下降", "Grade down"},
    {"grade_up", "等级上升", "Grade up"},
    {"veto_raised", "新增一票否决", "Vetoes raised"},
    {"veto_lifted", "一票否决解除", "Vetoes lifted"},
    {"turned_failing", "指标转为未通过", "Rules turned failing"},
    {"turned_passing", "指标转为通过", "Rules turned passing"},
    {"appeared", "新出现的社会组织", "Organizations appeared"},
    {"disappeared", "不再出现的社会组织", "Organizations disappeared"},
}};

std::string_view pick(rules::Lang lang, std::string_view zh, std::string_view en)
{
  return lang == rules::Lang::zh ? zh : en;
}

std::string_view heading(rules::Lang lang)
{
  return pick(lang, "自上次运行以来", "Since the last run");
}

std::string previous_line(const SinceLastRun& since, rules::Lang lang)
{
  return since.previous.empty()
             ? std::string(pick(lang, "数据库中尚无此前的运行记录。",
                                "No earlier run is recorded in the database."))
             : fmt::format("{}{}", pick(lang, "上次运行：", "Last run: "), since.previous);
}

std::string more_text(std::size_t more, rules::Lang lang)
{
  return fmt::format(fmt::runtime(pick(lang, "… 另有 {} 个（orgaudit diff 列出全部）",
                                       "… and {} more (orgaudit diff lists them all)")),
                     more);
}

} // namespace

std::string_view change_name(ChangeKind kind)
{
  return kind_texts[static_cast<std::size_t>(kind)].name;
}

std::string_view change_title(ChangeKind kind, rules::Lang lang)
{
  const KindText& text = kind_texts[static_cast<std::size_t>(kind)];
  return pick(lang, text.zh, text.en);
}

std::string since_last_run_text(const SinceLastRun& since, rules::Lang lang, std::size_t listed,
                                std::size_t width)
{
  std::string out =
      fmt::format("{}\n{}\n", heading(lang),
                  cut_to_width(terminal_text("  " + previous_line(since, lang)), width));
  if (since.previous.empty()) {
    return out;
  }
  std::string counts;
  bool any = false;
  for (std::size_t k = 0; k < change_kind_count; ++k) {
    const auto kind = static_cast<ChangeKind>(k);
    counts += fmt::format("{}{} {}", k == 0 ? "" : " · ", change_title(kind, lang),
                          since.of(kind).size());
    any = any || !since.of(kind).empty();
  }
  if (!any) {
    return out + fmt::format("  {}\n", pick(lang, "没有变化。", "Nothing changed."));
  }
  out += cut_to_width(fmt::format("  {}", counts), width) + '\n';
  for (std::size_t k = 0; k < change_kind_count; ++k) {
    const auto& list = since.changes[k];
    if (list.empty()) {
      continue;
    }
    out += fmt::format("  {} ({})\n", change_title(static_cast<ChangeKind>(k), lang), list.size());
    TextTable table({"", "", ""}, {false, false, false});
    for (std::size_t i = 0; i < std::min(listed, list.size()); ++i) {
      table.add({list[i].uscc, shorten(list[i].name, 20), list[i].detail});
    }
    out += table.render(4, width, false);
    if (list.size() > listed) {
      out += fmt::format("    {}\n", more_text(list.size() - listed, lang));
    }
  }
  return out;
}

void append_since_last_run_html(std::string& out, const SinceLastRun& since, rules::Lang lang,
                                std::size_t listed)
{
  out += "<section id=\"since-last-run\">\n<h2>";
  append_html(out, heading(lang));
  out += "</h2>\n<p class=\"meta\">";
  append_html(out, previous_line(since, lang));
  out += "</p>\n";
  if (since.previous.empty()) {
    out += "</section>\n";
    return;
  }
  out += "<div class=\"cards\">";
  for (std::size_t k = 0; k < change_kind_count; ++k) {
    const bool alert =
        !since.changes[k].empty() && (k == static_cast<std::size_t>(ChangeKind::newly_flagged) ||
                                      k == static_cast<std::size_t>(ChangeKind::grade_down) ||
                                      k == static_cast<std::size_t>(ChangeKind::veto_raised));
    out += fmt::format("<div class=\"card{}\"><div class=\"n\">{}</div><div class=\"k\">",
                       alert ? " alert" : "", since.changes[k].size());
    append_html(out, change_title(static_cast<ChangeKind>(k), lang));
    out += "</div></div>";
  }
  out += "</div>\n";
  for (std::size_t k = 0; k < change_kind_count; ++k) {
    const auto& list = since.changes[k];
    if (list.empty()) {
      continue;
    }
    out += "<h3>";
    append_html(out, change_title(static_cast<ChangeKind>(k), lang));
    out += fmt::format(" ({})</h3>\n<div class=\"scroll\"><table class=\"stack\"><tbody>\n",
                       list.size());
    for (std::size_t i = 0; i < std::min(listed, list.size()); ++i) {
      out += "<tr><td><code>";
      append_html(out, list[i].uscc);
      out += "</code></td><td class=\"name\">";
      append_html(out, shorten(list[i].name));
      out += "</td><td class=\"wrap\">";
      append_html(out, list[i].detail);
      out += "</td></tr>\n";
    }
    out += "</tbody></table></div>\n";
    if (list.size() > listed) {
      out += "<p class=\"small\">";
      append_html(out, more_text(list.size() - listed, lang));
      out += "</p>\n";
    }
  }
  out += "</section>\n";
}

} // namespace orgaudit::report
