#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <orgaudit/core/error.hpp>
#include <orgaudit/core/interrupt.hpp>
#include <orgaudit/core/text.hpp>
#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/findings.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/org_view.hpp>
#include <orgaudit/report/renderers.hpp>

namespace orgaudit::report::detail {

namespace {

// Excel holds at most 32,767 characters (UTF-16 units) in a cell; longer
// text is cut there, with a warning.
constexpr std::size_t max_cell_units = 32767;

// The byte length of the longest prefix of `text` (whole code points) that
// fits in `units` UTF-16 units, or npos if all of it does.
std::size_t cut_for_excel(std::string_view text, std::size_t units)
{
  std::size_t used = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    used += length == 4 ? 2 : 1;
    if (used > units) {
      return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

// libxlsxwriter writes a file by name; this is the temporary one, removed in
// every case once its bytes are copied to the output.
class TemporaryFile {
 public:
  TemporaryFile()
  {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "orgaudit-XXXXXX.xlsx").string();
    const int fd = ::mkstemps(pattern.data(), 5);
    if (fd < 0) {
      throw IoError("cannot create a temporary file for the xlsx report");
    }
    ::close(fd);
    m_path = pattern;
  }
  ~TemporaryFile()
  {
    std::error_code ec;
    std::filesystem::remove(m_path, ec);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
};

// The cell formats of the workbook: bold headers, scores with two decimals,
// money with thousands separators and two decimals.
struct Formats {
  lxw_format* header = nullptr;
  lxw_format* score = nullptr;
  lxw_format* money = nullptr;
};

// How a number cell reads: as written, a score (0.00) or money (#,##0.00).
enum class NumberStyle : std::uint8_t { plain, score, money };

// A sheet written row by row (the workbook is in constant-memory mode, so
// rows must come in order), with an autofilter over its header and rows.
class Sheet {
 public:
  Sheet(lxw_workbook* book, std::string_view name, const Formats& formats) : m_formats(formats)
  {
    m_sheet = workbook_add_worksheet(book, std::string(name).c_str());
    worksheet_freeze_panes(m_sheet, 1, 0);
  }
  void widths(const std::vector<double>& widths)
  {
    for (std::size_t c = 0; c < widths.size(); ++c) {
      worksheet_set_column(m_sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                           nullptr);
    }
  }
  void header(const std::vector<std::string_view>& titles)
  {
    for (std::string_view title : titles) {
      text(title, m_formats.header);
    }
    next_row();
  }
  // Text is written as a string cell, which Excel never evaluates, so a
  // formula-like value needs no ' prefix (that is for CSV). Empty text leaves
  // the cell blank; text over Excel's limit is cut and counted.
  void text(std::string_view value, lxw_format* format = nullptr)
  {
    if (value.empty()) {
      ++m_column;
      return;
    }
    std::string cell(value);
    if (const std::size_t cut = cut_for_excel(cell, max_cell_units); cut != std::string::npos) {
      cell.resize(cut);
      ++m_cut_cells;
    }
    check(worksheet_write_string(m_sheet, m_row, m_column, cell.c_str(), format));
    advance();
  }
  // How many cells text() cut to Excel's limit.
  std::size_t cut_cells() const { return m_cut_cells; }
  void number(double value, NumberStyle style = NumberStyle::plain)
  {
    if (std::isfinite(value)) {
      lxw_format* format = style == NumberStyle::score   ? m_formats.score
                           : style == NumberStyle::money ? m_formats.money
                                                         : nullptr;
      check(worksheet_write_number(m_sheet, m_row, m_column, without_noise(value), format));
    }
    advance();
  }
  void skip_to(lxw_col_t column) { m_column = column; }
  // Puts an autofilter on the header row over every column written, so that
  // each column can be filtered and sorted in Excel and WPS.
  void filter()
  {
    check(worksheet_autofilter(m_sheet, 0, 0, m_row == 0 ? 0 : m_row - 1, m_last_column));
  }
  void next_row()
  {
    // The workbook is built in memory and a temporary file before any byte
    // reaches the output, so an interrupt is noticed here too.
    check_interrupted();
    ++m_row;
    m_column = 0;
  }

 private:
  static void check(lxw_error error)
  {
    if (error != LXW_NO_ERROR) {
      throw IoError(fmt::format("xlsx report: {}", lxw_strerror(error)));
    }
  }
  void advance()
  {
    m_last_column = std::max(m_last_column, m_column);
    ++m_column;
  }
  lxw_worksheet* m_sheet = nullptr;
  Formats m_formats;
  lxw_col_t m_last_column = 0;
  lxw_row_t m_row = 0;
  lxw_col_t m_column = 0;
  std::size_t m_cut_cells = 0;
};

void write_summary(Sheet& sheet, const audit::Results& results, const audit::Summary& summary,
                   const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  sheet.widths({36, 48});
  sheet.header({ui(Ui::item, lang), ui(Ui::value, lang)});
  const auto text_row = [&](std::string_view key, std::string_view value) {
    sheet.text(key);
    sheet.text(value);
    sheet.next_row();
  };
  const auto number_row = [&](std::string_view key, double value,
                              NumberStyle style = NumberStyle::plain) {
    sheet.text(key);
    sheet.number(value, style);
    sheet.next_row();
  };
  text_row(ui(Ui::ruleset, lang),
           fmt::format("{} ({} {})", label(rules.title, lang), rules.id, rules.version));
  text_row(ui(Ui::as_of, lang), format_date(results.as_of));
  text_row(ui(Ui::dataset, lang), options.dataset_display_path.empty()
                                      ? results.dataset->path
                                      : options.dataset_display_path);
  text_row(ui(Ui::tables_used, lang), table_list(*results.dataset, false, lang));
  text_row(ui(Ui::tables_absent, lang), table_list(*results.dataset, true, lang));
  number_row(ui(Ui::organizations, lang), static_cast<double>(summary.organizations));
  number_row(ui(Ui::mean_total, lang), summary.mean_total, NumberStyle::score);
  for (std::size_t g = 0; g <= rules.grades.size(); ++g) {
    number_row(
        grade_label(rules, g == rules.grades.size() ? audit::ungraded : static_cast<int>(g), lang),
        static_cast<double>(summary.grades[g]));
  }
  number_row(ui(Ui::vetoed, lang), static_cast<double>(summary.vetoed));
  for (std::size_t f = 0; f < rules.flags.size(); ++f) {
    number_row(label(rules.flags[f].label, lang), static_cast<double>(summary.flags[f]));
  }
  for (std::size_t d = 0; d < rules.dimensions.size(); ++d) {
    number_row(
        fmt::format("{} · {}", ui(Ui::average, lang), label(rules.dimensions[d].label, lang)),
        std::isnan(summary.dimension_means[d]) ? summary.dimension_means[d]
                                               : audit::round2(summary.dimension_means[d]),
        NumberStyle::score);
  }
  if (options.program != nullptr) {
    const audit::ProgramFigures& p = *options.program;
    for (const ProgramFigureRow& figure : program_figure_rows(p, lang)) {
      if (figure.value) {
        number_row(ui(figure.key, lang), *figure.value,
                   figure.key == Ui::venture_amount ? NumberStyle::money : NumberStyle::plain);
      } else {
        text_row(ui(figure.key, lang), figure.text);
      }
    }
    std::string units = p.honors_known ? "" : std::string(ui(Ui::unknown_figure, lang));
    for (const std::string& name : p.demonstration_units) {
      units += units.empty() ? "" : "、";
      units += name;
    }
    text_row(ui(Ui::demonstration_units, lang), units);
  }
}

void write_organizations(Sheet& sheet, const audit::Results& results, const OrgView& view,
                         rules::Lang lang)
{
  const rules::RuleSet& rules = *results.ruleset;
  std::vector<std::string_view> titles = {
      ui(Ui::uscc, lang),   ui(Ui::name, lang),       ui(Ui::type, lang),
      ui(Ui::region, lang), ui(Ui::org_status, lang), ui(Ui::total, lang),
      ui(Ui::grade, lang),  ui(Ui::vetoed, lang),     ui(Ui::coverage, lang)};
  std::vector<double> widths = {22, 36, 14, 14, 10, 9, 10, 9, 10};
  for (const rules::Dimension& dimension : rules.dimensions) {
    titles.push_back(label(dimension.label, lang));
    widths.push_back(12);
  }
  titles.push_back(ui(Ui::flags, lang));
  widths.push_back(20);
  sheet.widths(widths);
  sheet.header(titles);
  for (std::size_t o = 0; o < results.size(); ++o) {
    const audit::OrgResult& org = results.organizations[o];
    sheet.text(view.uscc(org.org));
    sheet.text(view.name(org.org));
    sheet.text(view.type_label(org.org, lang));
    sheet.text(view.region_label(org.org, lang));
    sheet.text(view.status_label(org.org, lang));
    sheet.number(org.total, NumberStyle::score);
    sheet.text(grade_label(rules, org.grade, lang));
    sheet.text(org.vetoed ? ui(Ui::vetoed, lang) : "");
    sheet.number(audit::round2(org.coverage * 100.0) / 100.0, NumberStyle::score);
    for (std::size_t d = 0; d < rules.dimensions.size(); ++d) {
      sheet.number(audit::round2(results.dimension_score(o, d)), NumberStyle::score);
    }
    std::string flags;
    for (std::size_t f = 0; f < rules.flags.size(); ++f) {
      if (results.flag_raised(o, f)) {
        flags += flags.empty() ? "" : "; ";
        flags += label(rules.flags[f].label, lang);
      }
    }
    sheet.text(flags);
    sheet.next_row();
  }
}

// One row per organization with findings and one column per rule that can
// fail (indicators, vetoes, flags, in rule-set order): a cell holds the
// finding ("未通过 0/3", "数据缺失", "一票否决", "被标记") and is empty
// otherwise, so filtering a column lists the organizations failing that rule.
// A finding costs one cell instead of a row, which keeps the sheet small and
// within Excel's row limit for a whole province. What each rule means and how
// to fix it is on the rules sheet.
void write_findings(Sheet& sheet, const audit::Results& results, const OrgView& view,
                    rules::Lang lang)
{
  const rules::RuleSet& rules = *results.ruleset;
  using Kind = rules::RuleRef::Kind;
  std::vector<std::string> headers;
  const auto add_header = [&](Kind kind, std::size_t index) {
    const rules::RuleRef ref{kind, index, 0};
    const std::string_view id = display_id(rules, ref);
    headers.push_back(id.empty() ? label(rules.info(ref).label, lang)
                                 : fmt::format("{} {}", id, label(rules.info(ref).label, lang)));
  };
  for (std::size_t i = 0; i < rules.indicators.size(); ++i) {
    add_header(Kind::indicator, i);
  }
  for (std::size_t v = 0; v < rules.vetoes.size(); ++v) {
    add_header(Kind::veto, v);
  }
  for (std::size_t f = 0; f < rules.flags.size(); ++f) {
    add_header(Kind::flag, f);
  }
  constexpr lxw_col_t first_rule_column = 3;
  std::vector<std::string_view> titles = {ui(Ui::uscc, lang), ui(Ui::name, lang),
                                          ui(Ui::finding_count, lang)};
  std::vector<double> widths = {22, 36, 8};
  for (const std::string& header : headers) {
    titles.push_back(header);
    widths.push_back(14);
  }
  sheet.widths(widths);
  sheet.header(titles);
  const auto column_of = [&](const rules::RuleRef& ref) {
    std::size_t column = ref.index;
    if (ref.kind != Kind::indicator) {
      column += rules.indicators.size();
    }
    if (ref.kind == Kind::flag) {
      column += rules.vetoes.size();
    }
    return static_cast<lxw_col_t>(first_rule_column + column);
  };
  for (std::size_t o = 0; o < results.size(); ++o) {
    const std::vector<Finding> findings = org_findings(results, o);
    if (findings.empty()) {
      continue;
    }
    const std::uint32_t org = results.organizations[o].org;
    sheet.text(view.uscc(org));
    sheet.text(view.name(org));
    sheet.number(static_cast<double>(findings.size()));
    for (const Finding& finding : findings) {
      sheet.skip_to(column_of(finding.rule));
      switch (finding.rule.kind) {
      case Kind::indicator:
        if (finding.status == audit::Status::fail || finding.status == audit::Status::partial) {
          sheet.text(fmt::format("{} {}/{}", status_label(finding.status, lang),
                                 shortest(finding.earned), shortest(finding.points)));
        } else {
          sheet.text(status_label(finding.status, lang));
        }
        break;
      case Kind::veto:
        sheet.text(ui(Ui::vetoed, lang));
        break;
      default:
        sheet.text(ui(Ui::flagged, lang));
        break;
      }
    }
    sheet.next_row();
  }
}

// Every rule of the set once: its kind, dimension, points, severity,
// remediation and basis.
void write_rules(Sheet& sheet, const rules::RuleSet& rules, rules::Lang lang)
{
  sheet.widths({10, 10, 14, 36, 8, 10, 48, 48});
  sheet.header({ui(Ui::rule, lang), ui(Ui::type, lang), ui(Ui::dimension, lang),
                ui(Ui::indicator, lang), ui(Ui::points, lang), ui(Ui::severity, lang),
                ui(Ui::remediation, lang), ui(Ui::basis, lang)});
  for (const rules::RuleRef& ref : rules.all_rules()) {
    sheet.text(display_id(rules, ref));
    sheet.text(rule_kind_label(ref.kind, lang));
    sheet.text(ref.kind == rules::RuleRef::Kind::indicator
                   ? std::string_view(
                         label(rules.dimensions[rules.indicators[ref.index].dimension].label, lang))
                   : std::string_view());
    sheet.text(label(rules.info(ref).label, lang));
    sheet.number(rules.points(ref), NumberStyle::score);
    sheet.text(severity_label(rules.info(ref).severity, lang));
    sheet.text(label(rules.info(ref).remediation, lang));
    sheet.text(basis_text(rules.info(ref), lang));
    sheet.next_row();
  }
}

void write_flags(Sheet& sheet, const audit::Results& results, const OrgView& view,
                 const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  sheet.widths({22, 36, 24, 48, 60});
  sheet.header({ui(Ui::uscc, lang), ui(Ui::name, lang), ui(Ui::flags, lang), ui(Ui::criteria, lang),
                ui(Ui::evidence, lang)});
  for (std::size_t o = 0; o < results.size(); ++o) {
    const std::uint32_t org = results.organizations[o].org;
    for (std::size_t f = 0; f < rules.flags.size(); ++f) {
      if (!results.flag_raised(o, f)) {
        continue;
      }
      const rules::Flag& flag = rules.flags[f];
      std::string criteria;
      for (std::size_t c = 0; c < flag.criteria.size(); ++c) {
        criteria += fmt::format("{}{} {}: {}", c == 0 ? "" : "; ", flag.criteria[c].id,
                                label(flag.criteria[c].label, lang),
                                criterion_status_label(results.criterion(o, f, c), lang));
      }
      sheet.text(view.uscc(org));
      sheet.text(view.name(org));
      sheet.text(label(flag.label, lang));
      sheet.text(criteria);
      sheet.text(options.evidence != nullptr
                     ? evidence_text(
                           *results.dataset,
                           options.evidence->evidence(o, {rules::RuleRef::Kind::flag, f, 0}), lang)
                     : std::string());
      sheet.next_row();
    }
  }
}

} // namespace

void render_xlsx(const audit::Results& results, const audit::Summary& summary,
                 const RenderOptions& options, Output& out)
{
  const rules::Lang lang = options.lang;
  const OrgView view(*results.dataset);
  const TemporaryFile file;
  lxw_workbook_options book_options{};
  book_options.constant_memory = LXW_TRUE;
  book_options.use_zip64 = LXW_TRUE;
  lxw_workbook* book = workbook_new_opt(file.path().c_str(), &book_options);
  if (book == nullptr) {
    throw IoError("cannot create the xlsx report");
  }
  try {
    // The creation time comes from the audit date, not the clock, so two runs give the same bytes.
    lxw_doc_properties properties{};
    std::string title(ui(Ui::title, lang));
    properties.title = title.data();
    properties.created = static_cast<std::time_t>(results.as_of.days) * 86400;
    workbook_set_properties(book, &properties);
    Formats formats;
    formats.header = workbook_add_format(book);
    format_set_bold(formats.header);
    formats.score = workbook_add_format(book);
    format_set_num_format(formats.score, "0.00");
    formats.money = workbook_add_format(book);
    format_set_num_format(formats.money, "#,##0.00");
    const bool zh = lang == rules::Lang::zh;
    Sheet summary_sheet(book, zh ? "概况" : "summary", formats);
    write_summary(summary_sheet, results, summary, options);
    Sheet organizations(book, zh ? "社会组织" : "organizations", formats);
    write_organizations(organizations, results, view, lang);
    Sheet findings(book, zh ? "问题" : "findings", formats);
    write_findings(findings, results, view, lang);
    Sheet flags(book, zh ? "标记" : "flags", formats);
    write_flags(flags, results, view, options);
    Sheet rule_sheet(book, zh ? "规则" : "rules", formats);
    write_rules(rule_sheet, *results.ruleset, lang);
    for (Sheet* sheet : {&summary_sheet, &organizations, &findings, &flags, &rule_sheet}) {
      sheet->filter();
    }
    const std::size_t cut = summary_sheet.cut_cells() + organizations.cut_cells() +
                            findings.cut_cells() + flags.cut_cells() + rule_sheet.cut_cells();
    if (cut > 0 && options.warnings != nullptr) {
      options.warnings->push_back(fmt::format(
          "{} cell{} longer than Excel's limit of 32,767 characters {} cut in the XLSX report; "
          "the JSON and CSV reports hold the full text",
          cut, cut == 1 ? "" : "s", cut == 1 ? "was" : "were"));
    }
  } catch (...) {
    workbook_close(book);
    throw;
  }
  const lxw_error closed = workbook_close(book);
  if (closed != LXW_NO_ERROR) {
    throw IoError(fmt::format("cannot write the xlsx report: {}", lxw_strerror(closed)));
  }
  std::ifstream in(file.path(), std::ios::binary);
  std::string chunk(1 << 16, '\0');
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    out.write(std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad()) {
    throw IoError("cannot read back the xlsx report");
  }
}

} // namespace orgaudit::report::detail
