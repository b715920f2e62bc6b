#include <array>
#include <utility>

#include <fmt/format.h>

#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/findings.hpp>
#include <orgaudit/report/html_parts.hpp>
#include <orgaudit/report/labels.hpp>

// The parts of the HTML report that lead a reader in: the table of contents,
// the most urgent organizations of the one-page summary, and the texts only
// the HTML report prints.
namespace orgaudit::report::detail {

namespace {

using Pair = std::pair<std::string_view, std::string_view>;

constexpr std::array<Pair, static_cast<std::size_t>(HtmlText::count_)> html_table = {{
    {"目录", "Contents"},
    {"摘要", "Summary"},
    {"最需关注的社会组织", "Organizations needing attention most"},
    {"按一票否决、被标记、不合格、总分由低到高的顺序，列出 {} 个有问题的社会组织中的前 {} 个。",
     "The first {1} of the {0} organizations with findings: vetoed, flagged, failing, lowest "
     "total first."},
    {"原因", "Why"},
    {"{} 项问题", "{} findings"},
    {"本报告只列出最需关注的 {} 个社会组织的评价详情（--detail {}；一票否决、被标记、不合格、"
     "总分最低者优先）。另有 {} 个有问题的社会组织未列出详情：请查看 report.xlsx、report.csv "
     "或 report.json（audit 命令与本报告一同写出），或运行 orgaudit explain "
     "统一社会信用代码；使用 --detail all 可列出全部。",
     "This report details only the {0} organizations needing attention most (--detail {1}; "
     "vetoed, flagged, failing, lowest total first). {2} more organizations with findings are "
     "not detailed here: see report.xlsx, report.csv or report.json (audit writes them beside "
     "this report), or run orgaudit explain USCC; --detail all lists them all."},
    {"本报告列出最需关注的 {} 个社会组织的评价详情（一票否决、被标记、不合格、总分最低者优先；"
     "默认以明细约 16 MB 为限，以便快速打开）。另有 {} 个有问题的社会组织未列出详情：请查看 "
     "report.xlsx、report.csv 或 report.json（audit 命令与本报告一同写出），或运行 orgaudit "
     "explain 统一社会信用代码；使用 --detail N 指定个数，--detail all 列出全部。",
     "This report details the {0} organizations needing attention most (vetoed, flagged, failing, "
     "lowest total first; by default as many as fit in about 16 MB of details, so that it opens "
     "quickly). "
     "{1} more organizations with findings are not detailed here: see report.xlsx, report.csv or "
     "report.json (audit writes them beside this report), or run orgaudit explain USCC; --detail "
     "N sets the number, --detail all lists them all."},
    {"另有 {} 个有此标记的社会组织未列出详情（见 report.xlsx 的标记工作表或 report.json）。",
     "{} more organizations with this flag are not detailed here (see the flags sheet of "
     "report.xlsx, or report.json)."},
    {"打印版只含最需关注的 {} 个社会组织的详情，其余 {} 个请在浏览器中查看本报告。",
     "The printout details only the {} organizations needing attention most; see the other {} "
     "in a browser."},
    {"最需关注的前 {} 个社会组织以表格列出详情；其后的 {} 个以简明格式列出，内容相同，每行一项："
     "规则 · 指标 · 状态 · 得分 · 严重程度 · 整改建议（这样本报告能在浏览器中很快打开和打印）。",
     "The {} organizations needing attention most are detailed in tables; the other {} in a "
     "compact form with the same content, a line per finding: rule · indicator · status · points "
     "· severity · remediation (so that the report opens and prints quickly)."},
    {"自上次运行以来", "Since the last run"},
}};

// How many organizations the summary lists as most urgent (it must fit on one A4 page).
constexpr std::size_t urgent_rows = 10;

void append_link(std::string& out, std::string_view id, std::string_view text)
{
  out += "<li><a href=\"#";
  out += id;
  out += "\">";
  append_html(out, text);
  out += "</a></li>";
}

// Why an organization is among the most urgent: its vetoes and flags, else its finding count.
std::string urgency_reason(const audit::Results& results, std::size_t o, rules::Lang lang)
{
  const rules::RuleSet& rules = *results.ruleset;
  std::string why;
  const auto add = [&why](std::string_view text) {
    why += why.empty() ? "" : "、";
    why += text;
  };
  for (std::size_t v = 0; v < rules.vetoes.size(); ++v) {
    if (results.veto_held(o, v)) {
      add(label(rules.vetoes[v].label, lang));
    }
  }
  for (std::size_t f = 0; f < rules.flags.size(); ++f) {
    if (results.flag_raised(o, f)) {
      add(label(rules.flags[f].label, lang));
    }
  }
  return why.empty() ? fmt::format(fmt::runtime(html_text(HtmlText::finding_count, lang)),
                                   org_findings(results, o).size())
                     : why;
}

} // namespace

std::string_view html_text(HtmlText key, rules::Lang lang)
{
  const Pair& pair = html_table[static_cast<std::size_t>(key)];
  return lang == rules::Lang::zh ? pair.first : pair.second;
}

void append_toc(std::string& out, const RenderOptions& options)
{
  const rules::Lang lang = options.lang;
  out += "<nav id=\"toc\" class=\"toc\">\n<h2>";
  append_html(out, html_text(HtmlText::contents, lang));
  out += "</h2>\n<ol>";
  append_link(out, "summary", html_text(HtmlText::summary, lang));
  if (options.since_last_run != nullptr) {
    append_link(out, "since-last-run", html_text(HtmlText::since_last_run, lang));
  }
  append_link(out, "dimensions", ui(Ui::dimension_scores, lang));
  append_link(out, "regions", ui(Ui::by_region, lang));
  append_link(out, "types", ui(Ui::by_type, lang));
  if (options.program != nullptr) {
    append_link(out, "program", ui(Ui::program, lang));
  }
  append_link(out, "flagged", ui(Ui::flagged_orgs, lang));
  append_link(out, "most-failed", ui(Ui::most_failed, lang));
  append_link(out, "orgs", ui(Ui::org_sections, lang));
  append_link(out, "rules", ui(Ui::rules_basis, lang));
  out += "</ol>\n</nav>\n";
}

void append_urgent_section(std::string& out, const audit::Results& results, const OrgView& view,
                           const DetailSelection& detail, const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  const std::size_t rows = std::min(urgent_rows, detail.order.size());
  out += "<section id=\"urgent\">\n<h2>";
  append_html(out, html_text(HtmlText::urgent, lang));
  out += "</h2>\n<p class=\"small\">";
  append_html(out, fmt::format(fmt::runtime(html_text(HtmlText::urgent_scope, lang)),
                               detail.order.size(), rows));
  out += "</p>\n<div class=\"scroll\"><table class=\"stack\">\n<thead><tr>";
  append_th(out, ui(Ui::name, lang));
  append_th(out, ui(Ui::uscc, lang));
  append_th(out, ui(Ui::region, lang));
  append_th(out, ui(Ui::total, lang), true);
  append_th(out, ui(Ui::grade, lang));
  append_th(out, html_text(HtmlText::why, lang));
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t k = 0; k < rows; ++k) {
    const std::size_t o = detail.order[k];
    const audit::OrgResult& org = results.organizations[o];
    out += "<tr><td class=\"who\">";
    if (detail.has_section[o]) {
      out += "<a href=\"#org-";
      append_html(out, view.uscc(org.org));
      out += "\">";
    }
    append_name(out, view.name(org.org));
    out += detail.has_section[o] ? "</a></td><td><code>" : "</td><td><code>";
    append_html(out, view.uscc(org.org));
    out += "</code></td><td class=\"nowrap\">";
    append_html(out, view.region_label(org.org, lang));
    out += "</td><td class=\"num\">";
    out += fixed2(org.total);
    out += "</td><td class=\"nowrap ";
    out += grade_class(rules, org.grade);
    out += "\">";
    append_html(out, grade_label(rules, org.grade, lang));
    out += "</td><td class=\"wrap block\">";
    append_html(out, urgency_reason(results, o, lang));
    out += "</td></tr>\n";
  }
  out += "</tbody></table></div>\n</section>\n";
}

} // namespace orgaudit::report::detail
