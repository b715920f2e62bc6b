#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include <orgaudit/core/terminal.hpp>
#include <orgaudit/core/text.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/org_view.hpp>
#include <orgaudit/report/renderers.hpp>
#include <orgaudit/report/since_last_run.hpp>
#include <orgaudit/report/skipped.hpp>

namespace orgaudit::report {

namespace {

constexpr std::string_view bold = "1";
constexpr std::string_view red = "31";
constexpr std::string_view green = "32";
constexpr std::string_view yellow = "33";

// Data may hold control characters (a leading tab, an ESC that would drive the
// terminal); they are shown as spaces.
std::string terminal_safe(std::string_view text)
{
  std::string out(text);
  for (char& c : out) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      c = ' ';
    }
  }
  return out;
}

// `text` cut to at most `width` terminal cells (an ellipsis marks a cut) and
// padded with spaces to exactly `width`, or to the right when `right`.
std::string fit(std::string_view raw, std::size_t width, bool right = false)
{
  const std::string text = terminal_safe(raw);
  std::size_t cells = display_width(text);
  std::string out;
  if (cells <= width) {
    out = text;
  } else {
    std::size_t pos = 0;
    cells = 0;
    while (pos < text.size()) {
      std::size_t next = pos;
      decode_utf8(text, next);
      const std::size_t w = display_width(std::string_view(text).substr(pos, next - pos));
      if (cells + w + 1 > width) {
        break;
      }
      cells += w;
      pos = next;
    }
    out = text.substr(0, pos) + "…";
    cells += 1;
  }
  const std::string pad(width > cells ? width - cells : 0, ' ');
  return right ? pad + out : out + pad;
}

std::string_view grade_color(const rules::RuleSet& rules, int grade)
{
  if (grade == audit::ungraded) {
    return yellow;
  }
  if (grade == 0) {
    return green;
  }
  return static_cast<std::size_t>(grade) + 1 == rules.grades.size() ? red : std::string_view();
}

std::string paint(const RenderOptions& options, std::string_view code, std::string_view text)
{
  return code.empty() ? std::string(text) : Terminal().paint(options.color, code, text);
}

// `text` cut to `width` cells, without padding.
std::string fit_line(std::string_view text, std::size_t width)
{
  std::string line = fit(text, width);
  line.erase(line.find_last_not_of(' ') + 1);
  return line;
}

std::size_t usable_width(const RenderOptions& options)
{
  return static_cast<std::size_t>(std::clamp(options.width, 60, 100));
}

// "label: a, b, c" on lines of at most `width` cells, continued with an indent.
std::string wrapped_list(std::string_view label, const std::vector<std::string_view>& items,
                         std::size_t width)
{
  std::string out(label);
  out += ':';
  std::size_t cells = display_width(out);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string item = fmt::format(" {}{}", items[i], i + 1 < items.size() ? "," : "");
    if (cells + item.size() > width && cells > 2) {
      out += "\n ";
      cells = 1;
    }
    out += item;
    cells += item.size();
  }
  return out + '\n';
}

std::string headline(const audit::Results& results, const audit::Summary& summary,
                     const RenderOptions& options)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  const std::size_t width = usable_width(options);
  std::string out =
      paint(options, bold,
            fit_line(fmt::format("{} · {} {} · {} {}", label(rules.title, lang), rules.id,
                                 rules.version, ui(Ui::as_of, lang), format_date(results.as_of)),
                     width));
  out += '\n';
  out += fit_line(fmt::format("{} {} · {} {} · {} {} · {} {}", ui(Ui::organizations, lang),
                              summary.organizations, ui(Ui::mean_total, lang),
                              fixed2(summary.mean_total), ui(Ui::vetoed, lang), summary.vetoed,
                              ui(Ui::flagged, lang), summary.flagged),
                  width);
  out += '\n';
  return out;
}

std::string grade_line(const rules::RuleSet& rules, const audit::Summary& summary,
                       const RenderOptions& options)
{
  std::string out = fmt::format("{}:", ui(Ui::grade_distribution, options.lang));
  for (std::size_t g = 0; g <= rules.grades.size(); ++g) {
    const int grade = g == rules.grades.size() ? audit::ungraded : static_cast<int>(g);
    out += fmt::format(" {} {}", grade_label(rules, grade, options.lang), summary.grades[g]);
    out += g == rules.grades.size() ? "" : " ·";
  }
  return fit_line(out, usable_width(options)) + "\n";
}

// The table's columns at a given width: the name takes what is left; below
// 100 columns the type, region and flags narrow, below 80 type and region go.
struct Columns {
  std::size_t name = 0, type = 12, region = 10, flags = 12;
  explicit Columns(std::size_t width)
  {
    if (width < 80) {
      type = region = 0;
      flags = 8;
    } else if (width < 100) {
      type = region = flags = 8;
    }
    const std::size_t fixed = 18 + 7 + 10 + flags + 4 + (type > 0 ? type + region + 2 : 0);
    name = width - fixed;
  }
};

std::string table_row(const Columns& columns, std::string_view uscc, std::string_view name,
                      std::string_view type, std::string_view region, std::string_view total,
                      const std::string& grade, const std::string& flags)
{
  std::string row = fit(uscc, 18) + ' ' + fit(name, columns.name) + ' ';
  if (columns.type > 0) {
    row += fit(type, columns.type) + ' ' + fit(region, columns.region) + ' ';
  }
  row += fit(total, 7, true) + ' ' + grade + ' ' + flags;
  // Padding at the end of a line is noise in files and pipes.
  row.erase(row.find_last_not_of(' ') + 1);
  return row;
}

} // namespace

namespace detail {

void render_text(const audit::Results& results, const audit::Summary& summary,
                 const RenderOptions& options, Output& out)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  const OrgView view(*results.dataset);
  const Columns columns(usable_width(options));
  std::string buffer = headline(results, summary, options);
  buffer += grade_line(rules, summary, options);
  buffer += '\n';
  buffer += paint(options, bold,
                  table_row(columns, ui(Ui::uscc, lang), ui(Ui::name, lang), ui(Ui::type, lang),
                            ui(Ui::region, lang), ui(Ui::total, lang), fit(ui(Ui::grade, lang), 10),
                            fit(ui(Ui::flags, lang), columns.flags)));
  buffer += '\n';
  std::string flags;
  for (std::size_t o = 0; o < results.size(); ++o) {
    const audit::OrgResult& org = results.organizations[o];
    flags.clear();
    for (std::size_t f = 0; f < rules.flags.size(); ++f) {
      if (results.flag_raised(o, f)) {
        flags += flags.empty() ? "" : lang == rules::Lang::zh ? "、" : ", ";
        flags += label(rules.flags[f].label, lang);
      }
    }
    std::string grade = std::string(grade_label(rules, org.grade, lang));
    if (org.vetoed) {
      grade += "*";
    }
    buffer += table_row(
        columns, view.uscc(org.org), view.name(org.org), view.type_label(org.org, lang),
        view.region_label(org.org, lang), fixed2(org.total),
        paint(options, grade_color(rules, org.grade), fit(grade, 10)),
        paint(options, flags.empty() ? std::string_view() : red, fit(flags, columns.flags)));
    buffer += '\n';
    if (buffer.size() > 1 << 16) {
      out.write(buffer);
      buffer.clear();
    }
  }
  if (summary.vetoed > 0) {
    buffer += fmt::format("* {}\n", ui(Ui::vetoed, lang));
  }
  out.write(buffer);
}

} // namespace detail

void render_audit_summary(const audit::Results& results, const RenderOptions& options,
                          const std::vector<std::string>& written_files, Output& out)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  const audit::Summary summary = audit::summarize(results);
  const std::size_t bar_width = usable_width(options) - 40;
  std::string buffer = headline(results, summary, options);
  buffer += wrapped_list(ui(Ui::tables_used, lang), results.dataset->table_names(false),
                         usable_width(options));
  if (const auto absent = results.dataset->table_names(true); !absent.empty()) {
    buffer += paint(options, red,
                    wrapped_list(ui(Ui::tables_absent, lang), absent, usable_width(options)));
  }
  if (const std::string skipped = skipped_sentence(*results.dataset, lang); !skipped.empty()) {
    buffer += paint(options, red, skipped) + '\n';
  }
  if (options.since_last_run != nullptr) {
    buffer += '\n' + since_last_run_text(*options.since_last_run, lang, 5, usable_width(options));
  }
  buffer += fmt::format("\n{}\n", paint(options, bold, ui(Ui::grade_distribution, lang)));
  for (std::size_t g = 0; g <= rules.grades.size(); ++g) {
    const int grade = g == rules.grades.size() ? audit::ungraded : static_cast<int>(g);
    const double share =
        summary.organizations == 0
            ? 0
            : static_cast<double>(summary.grades[g]) / static_cast<double>(summary.organizations);
    const auto filled =
        static_cast<std::size_t>(std::lround(share * static_cast<double>(bar_width)));
    std::string bar;
    for (std::size_t i = 0; i < bar_width; ++i) {
      bar += i < filled ? "█" : "░";
    }
    buffer += fmt::format("  {} {:>9} {} {:>5.1f}%\n", fit(grade_label(rules, grade, lang), 14),
                          summary.grades[g], paint(options, grade_color(rules, grade), bar),
                          share * 100.0);
  }
  if (!rules.flags.empty()) {
    buffer += fmt::format("\n{}\n", paint(options, bold, ui(Ui::flags, lang)));
    for (std::size_t f = 0; f < rules.flags.size(); ++f) {
      buffer +=
          fmt::format("  {} {:>9}\n", fit(label(rules.flags[f].label, lang), 40), summary.flags[f]);
    }
  }
  if (!summary.most_failed.empty()) {
    buffer += fmt::format("\n{}\n", paint(options, bold, ui(Ui::most_failed, lang)));
    for (std::size_t k = 0; k < std::min<std::size_t>(5, summary.most_failed.size()); ++k) {
      const rules::Indicator& indicator = rules.indicators[summary.most_failed[k].indicator];
      buffer += fmt::format("  {} {} {:>9}\n", fit(indicator.id, 10),
                            fit(label(indicator.label, lang), 50), summary.most_failed[k].total());
    }
  }
  if (!written_files.empty()) {
    buffer += fmt::format("\n{}\n", paint(options, bold, ui(Ui::files_written, lang)));
    for (const std::string& file : written_files) {
      buffer += fmt::format("  {}\n", terminal_safe(file));
    }
  }
  out.write(buffer);
}

} // namespace orgaudit::report
