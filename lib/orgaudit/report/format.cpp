#include <orgaudit/report/format.hpp>

#include <array>

#include <orgaudit/report/renderers.hpp>

namespace orgaudit::report {

namespace {

struct FormatInfo {
  Format format;
  std::string_view name;
  std::string_view extension;
  int cost; // relative time to render, measured on samples/huzhou
};

constexpr std::array<FormatInfo, 9> formats = {{{Format::text, "text", "txt", 1},
                                                {Format::json, "json", "json", 4},
                                                {Format::jsonl, "jsonl", "jsonl", 4},
                                                {Format::csv, "csv", "csv", 1},
                                                {Format::md, "md", "md", 2},
                                                {Format::html, "html", "html", 3},
                                                {Format::junit, "junit", "junit.xml", 3},
                                                {Format::sarif, "sarif", "sarif", 2},
                                                {Format::xlsx, "xlsx", "xlsx", 8}}};

} // namespace

std::string_view format_name(Format format)
{
  return formats[static_cast<std::size_t>(format)].name;
}

std::string_view format_extension(Format format)
{
  return formats[static_cast<std::size_t>(format)].extension;
}

int render_cost(Format format)
{
  return formats[static_cast<std::size_t>(format)].cost;
}

std::optional<Format> parse_format(std::string_view name)
{
  for (const FormatInfo& info : formats) {
    if (info.name == name) {
      return info.format;
    }
  }
  return std::nullopt;
}

void render(Format format, const audit::Results& results, const RenderOptions& options, Output& out)
{
  switch (format) {
  case Format::text:
    detail::render_text(results, audit::summarize(results), options, out);
    break;
  case Format::json:
    detail::render_json(results, audit::summarize(results), options, out);
    break;
  case Format::jsonl:
    detail::render_jsonl(results, options, out);
    break;
  case Format::csv:
    detail::render_csv(results, options, out);
    break;
  case Format::md:
    detail::render_markdown(results, audit::summarize(results), options, out);
    break;
  case Format::html:
    detail::render_html(results, audit::summarize(results), options, out);
    break;
  case Format::junit:
    detail::render_junit(results, options, out);
    break;
  case Format::sarif:
    detail::render_sarif(results, options, out);
    break;
  case Format::xlsx:
    detail::render_xlsx(results, audit::summarize(results), options, out);
    break;
  }
}

} // namespace orgaudit::report
