#pragma once

#include <string>
#include <string_view>

namespace orgaudit::report {

// Appends `text` with & < > " ' replaced by entities, safe in HTML element
// content and quoted attributes; a bidirectional embedding, override or
// isolate character (U+202A–U+202E, U+2066–U+2069), which would reorder the
// text around it, is shown as "[U+202E]" instead.
void append_html(std::string& out, std::string_view text);
std::string html_escape(std::string_view text);

// Appends a table header cell holding `text` (escaped), right-aligned for a
// column of numbers.
void append_th(std::string& out, std::string_view text, bool number = false);

// Appends `text` escaped for XML 1.0 content and attributes: the five entities,
// control characters other than tab, LF and CR dropped (XML cannot carry
// them), and tab, LF and CR as character references so attributes keep them.
void append_xml(std::string& out, std::string_view text);
std::string xml_escape(std::string_view text);

// Appends `text` as a JSON string literal (with the quotes). Control
// characters become \n, \t, … or \u00XX; U+2028/U+2029 are escaped so the
// output is also valid JavaScript; everything else is copied as UTF-8.
void append_json_string(std::string& out, std::string_view text);

// True if a spreadsheet would read a cell starting like `text` as a formula
// (it begins with = + - @, a tab or a CR; SPEC §6).
bool looks_like_formula(std::string_view text);

// Appends one RFC 4180 CSV field: neutralized against formula injection,
// quoted when it holds a comma, quote, CR or LF (quotes doubled).
void append_csv_field(std::string& out, std::string_view text);

// Appends `text` for a Markdown table cell or paragraph: HTML-escaped (so raw
// HTML cannot run in renderers that allow it), with | ` * _ [ ] \ # escaped
// by a backslash, line breaks as <br>, tabs as spaces, and a leading = + - @
// backslash-escaped.
void append_markdown(std::string& out, std::string_view text);
std::string markdown_escape(std::string_view text);

} // namespace orgaudit::report
