#include <orgaudit/report/html_style.hpp>

namespace orgaudit::report {

// System fonts only (the report must not fetch anything); the CJK families
// come first on each platform so Chinese text never falls back to a bitmap font.
std::string_view html_style()
{
  return R"css(
:root{--ink:#1d2433;--muted:#5b6475;--line:#d9dee7;--soft:#f4f6f9;--accent:#8a1c1c;
--good:#2e7d4f;--fair:#2f6db5;--pass:#b7791f;--bad:#c0392b;--grey:#9aa3b2}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;line-height:1.55;font-size:15px;
font-family:-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",
"Source Han Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif}
main{max-width:1080px;margin:0 auto;padding:24px 28px 48px}
header.cover{border-bottom:3px solid var(--accent);padding-bottom:14px;margin-bottom:8px}
h1{font-size:26px;margin:0 0 6px;color:var(--accent);letter-spacing:.02em}
h2{font-size:19px;margin:34px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h3{font-size:16px;margin:20px 0 8px}
.meta{color:var(--muted);font-size:13px;margin:2px 0}
.meta b{color:var(--ink);font-weight:600}
.meta.alert,.meta.alert b{color:var(--bad)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:var(--soft)}
.card .n{font-size:24px;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.card .k{color:var(--muted);font-size:13px}
.card.alert .n{color:var(--bad)}
.bars{display:grid;grid-template-columns:minmax(5em,max-content) minmax(120px,1fr) max-content;
gap:7px 10px;align-items:center;max-width:760px;margin:8px 0 14px;font-size:13.5px}
.bars .lbl{text-align:right;overflow-wrap:anywhere}
.bars .val{color:var(--muted);font-variant-numeric:tabular-nums;white-space:nowrap}
.bars svg.bar{display:block;width:100%;height:16px;border-radius:3px}
.bars .track{fill:#eef1f5}
.t-neutral{fill:var(--fair)}.t-good{fill:var(--good)}.t-fair{fill:var(--fair)}
.t-pass{fill:var(--pass)}.t-bad{fill:var(--bad)}.t-muted{fill:var(--grey)}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:14px;margin:6px 0 12px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.name,.wrap{overflow-wrap:anywhere;word-break:break-word}
.name{max-width:28em}
td.nowrap{white-space:nowrap}
td.who{min-width:9em}td.crit{min-width:16em}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.92em}
td>code{white-space:nowrap}#rules td.wrap{min-width:8em}
.pill{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;line-height:20px;white-space:nowrap;
border:1px solid currentColor}
.s-pass{color:var(--good)}.s-partial{color:var(--pass)}.s-fail,.s-error{color:var(--bad)}
.s-missing{color:var(--fair)}.s-not_applicable,.s-waived{color:var(--grey)}
.g-0{color:var(--good)}.g-mid{color:var(--fair)}.g-last{color:var(--bad)}.g-none{color:var(--grey)}
article.org{border:1px solid var(--line);border-radius:8px;padding:4px 16px 10px;margin:14px 0;
break-inside:avoid-page;content-visibility:auto;contain-intrinsic-size:auto 900px}
article.org h3{margin:12px 0 4px}
article.org .facts{display:flex;flex-wrap:wrap;gap:4px 18px;font-size:13px;color:var(--muted);margin-bottom:6px}
article.org .facts b{color:var(--ink)}
article.org.brief{contain-intrinsic-size:auto 420px}
article.org .facts-line{font-size:13px;color:var(--muted);margin:0 0 6px}
article.org .lines{white-space:pre-line;font-size:13px;margin:4px 0}
.small{font-size:13px;color:var(--muted)}
.evidence{font-size:12.5px;color:var(--muted);overflow-wrap:anywhere}
ul.plain{margin:4px 0 8px;padding-left:20px}
nav.toc{margin:14px 0 4px;font-size:14px}
nav.toc h2{font-size:15px;margin:0 0 4px;border:none;padding:0}
nav.toc ol{margin:0;padding-left:22px;columns:3 14em;column-gap:28px}
nav.toc a,#urgent a{color:var(--fair)}
.note{border-left:4px solid var(--pass);background:var(--soft);padding:8px 12px;font-size:14px}
.print-only{display:none}
footer{margin-top:40px;padding-top:10px;border-top:1px solid var(--line);color:var(--muted);font-size:12px;
overflow-wrap:anywhere}
@media screen and (max-width:700px){
 main{padding:14px 12px 32px}
 body{font-size:14px}
 h1{font-size:21px}
 .cards{grid-template-columns:repeat(3,1fr);gap:8px}
 .card{padding:8px 9px}
 .card .n{font-size:19px}
 .card .k{font-size:12px}
 table{font-size:13px}
 th,td{padding:5px 6px}
 article.org{padding:2px 10px 8px}
 table.stack thead{display:none}
 table.stack tr{display:block;padding:7px 0;border-bottom:1px solid var(--line)}
 table.stack td{display:inline-block;border:none;padding:1px 10px 1px 0;text-align:left}
 table.stack td.block{display:block}
}
@media print{
 @page{size:A4;margin:14mm 12mm}
 body{font-size:10.5pt;line-height:1.45}
 main{max-width:none;padding:0}
 h2{break-after:avoid}
 h3{break-after:avoid}
 nav.toc,.screen-only,.evidence{display:none}
 .print-only{display:block}
 #summary{break-after:page}
 #summary h2{font-size:12.5pt;margin:12px 0 6px}
 #summary .cards{grid-template-columns:repeat(5,1fr);gap:6px}
 #summary .card{padding:3px 8px}
 #summary .card .n{font-size:15pt}
 #summary .card .k{font-size:8.5pt}
 #summary .bars{font-size:9.5pt;gap:4px 10px;margin:4px 0}
 #summary table{font-size:9pt;margin:2px 0}
 #summary th,#summary td{padding:2px 5px}
 section.page{break-before:page}
 .card,th{background:none}
 .card{border-color:#999}
 tr,article.org .facts{break-inside:avoid}
 .scroll{overflow:visible}
 .bars .track{fill:#f0f0f0}
 .bars{break-inside:avoid}
 a{color:inherit;text-decoration:none}
}
)css";
}

} // namespace orgaudit::report
