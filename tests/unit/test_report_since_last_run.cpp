#include <doctest/doctest.h>

#include <sstream>

#include <orgaudit/core/text.hpp>
#include <orgaudit/report/since_last_run.hpp>
#include <orgaudit/report/text_table.hpp>

using namespace orgaudit;
using report::ChangeKind;

namespace {

report::SinceLastRun sample()
{
  report::SinceLastRun since;
  since.previous = "运行 3 · 评价基准日 2026-11-27";
  auto& flagged = since.changes[static_cast<std::size_t>(ChangeKind::newly_flagged)];
  for (int i = 0; i < 7; ++i) {
    flagged.push_back({"5133050" + std::to_string(i) + "MJ0000018C",
                       "湖州市某某非常长名称的行业协会商会联合会第" + std::to_string(i) + "分会",
                       "僵尸型社会组织 (Z1, Z3)"});
  }
  since.changes[static_cast<std::size_t>(ChangeKind::grade_down)].push_back(
      {"51330502MJ0001029P", "<script>alert(1)</script>", "良好 → 合格 (82.10 → 71.30)"});
  return since;
}

} // namespace

TEST_CASE("the terminal lines name the last run, count each kind and list a few organizations")
{
  const std::string text = report::since_last_run_text(sample(), rules::Lang::zh, 5, 60);
  CHECK(text.starts_with("自上次运行以来\n  上次运行：运行 3 · 评价基准日 2026-11-27\n"));
  CHECK(text.find("新增标记 (7)") != std::string::npos);
  CHECK(text.find("… 另有 2 个（orgaudit diff 列出全部）") != std::string::npos);
  CHECK(text.find("等级下降 (1)") != std::string::npos);
  CHECK(text.find("标记解除 (") == std::string::npos); // empty kinds are not listed
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    CHECK_MESSAGE(display_width(line) <= 60, line);
  }
}

TEST_CASE("without an earlier run, or without changes, the section says so")
{
  CHECK(report::since_last_run_text({}, rules::Lang::en, 5, 100) ==
        "Since the last run\n  No earlier run is recorded in the database.\n");
  report::SinceLastRun nothing;
  nothing.previous = "run 1";
  CHECK(report::since_last_run_text(nothing, rules::Lang::en, 5, 100) ==
        "Since the last run\n  Last run: run 1\n  Nothing changed.\n");
}

TEST_CASE("the HTML section escapes names and caps each table")
{
  std::string html;
  report::append_since_last_run_html(html, sample(), rules::Lang::en, 3);
  CHECK(html.starts_with("<section id=\"since-last-run\">\n<h2>Since the last run</h2>"));
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("Newly flagged (7)") != std::string::npos);
  CHECK(html.find("… and 4 more (orgaudit diff lists them all)") != std::string::npos);
  CHECK(html.find("<div class=\"card alert\"><div class=\"n\">7</div>") != std::string::npos);
}

TEST_CASE("a text table aligns columns in terminal cells and shows control characters as spaces")
{
  report::TextTable table({"名称", "n"}, {false, true});
  table.add({"湖州\t协会", "5"});
  table.add({"ab", "123"});
  CHECK(table.render(2) == "  名称         n\n  湖州 协会    5\n  ab         123\n");
  CHECK(report::cut_to_width("湖州市电梯行业协会", 9) == "湖州市电…");
}
