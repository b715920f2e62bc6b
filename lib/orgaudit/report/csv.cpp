#include <cmath>

#include <fmt/format.h>

#include <orgaudit/report/escape.hpp>
#include <orgaudit/report/labels.hpp>
#include <orgaudit/report/ordered_chunks.hpp>
#include <orgaudit/report/org_view.hpp>
#include <orgaudit/report/renderers.hpp>

namespace orgaudit::report::detail {

// Headers and values are in --lang, as people read them (类型 社会团体, 地区
// 吴兴区, 等级 良好, 标记 僵尸型社会组织); numbers are plain. The JSON reports keep
// the canonical names for scripts. Records end in CRLF as RFC 4180 writes them.
void render_csv(const audit::Results& results, const RenderOptions& options, Output& out)
{
  const rules::RuleSet& rules = *results.ruleset;
  const rules::Lang lang = options.lang;
  const OrgView view(*results.dataset);
  std::string buffer;
  if (options.bom) {
    buffer += "\xEF\xBB\xBF";
  }
  bool first = true;
  for (const Ui title : {Ui::uscc, Ui::name, Ui::type, Ui::region, Ui::org_status, Ui::total,
                         Ui::grade, Ui::vetoed, Ui::coverage}) {
    buffer += first ? "" : ",";
    first = false;
    append_csv_field(buffer, ui(title, lang));
  }
  for (const rules::Dimension& dimension : rules.dimensions) {
    buffer += ',';
    append_csv_field(buffer, label(dimension.label, lang));
  }
  buffer += ',';
  append_csv_field(buffer, ui(Ui::flags, lang));
  buffer += "\r\n";
  out.write(buffer);
  const std::string_view separator = lang == rules::Lang::zh ? "；" : "; ";
  const auto make_renderer = [&](unsigned) {
    return
        [&, flags = std::string()](std::string& text, std::size_t begin, std::size_t end) mutable {
          for (std::size_t o = begin; o < end; ++o) {
            const audit::OrgResult& org = results.organizations[o];
            append_csv_field(text, view.uscc(org.org));
            text += ',';
            append_csv_field(text, view.name(org.org));
            text += ',';
            append_csv_field(text, view.type_label(org.org, lang));
            text += ',';
            append_csv_field(text, view.region_label(org.org, lang));
            text += ',';
            append_csv_field(text, view.status_label(org.org, lang));
            text += fmt::format(",{},", shortest(org.total));
            append_csv_field(text, grade_label(rules, org.grade, lang));
            text += fmt::format(",{},{}", ui(org.vetoed ? Ui::yes : Ui::no, lang),
                                shortest(audit::round2(org.coverage * 100.0) / 100.0));
            for (std::size_t d = 0; d < rules.dimensions.size(); ++d) {
              const double score = results.dimension_score(o, d);
              text += ',';
              if (!std::isnan(score)) {
                text += shortest(audit::round2(score));
              }
            }
            flags.clear();
            for (std::size_t f = 0; f < rules.flags.size(); ++f) {
              if (results.flag_raised(o, f)) {
                flags += flags.empty() ? std::string_view() : separator;
                flags += label(rules.flags[f].label, lang);
              }
            }
            text += ',';
            append_csv_field(text, flags);
            text += "\r\n";
          }
        };
  };
  render_in_order(results.size(), options.jobs, options.chunk, make_renderer, out);
}

} // namespace orgaudit::report::detail
