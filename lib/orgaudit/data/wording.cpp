#include <orgaudit/data/wording.hpp>

#include <array>

namespace orgaudit::data {

namespace {

using Pair = std::pair<std::string_view, std::string_view>;

// Chinese first, as the bureau reads it; the English is what the messages
// said before they were translated, so scripts that read them keep working.
constexpr std::array<Pair, static_cast<std::size_t>(Wording::count_)> wordings = {{
    {"不是有效日期", "no such date"},
    {"不是日期（请写作 YYYY-MM-DD、YYYY/MM/DD 或 YYYY年M月D日）",
     "not a date (use YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日)"},
    {"早于 1949 年", "before 1949"},
    {"晚于评价基准日 {}", "after the audit date {}"},
    {"不是整数", "not an integer"},
    {"超出整数范围", "too large for an integer"},
    {"超出范围（{} 至 {}）", "out of range ({} to {})"},
    {"小于 {}", "less than {}"},
    {"大于 {}", "more than {}"},
    {"不是数字", "not a number"},
    {"不能为负数", "must not be negative"},
    {"不是是否值（请写 是/否、true/false、1/0 或 yes/no）",
     "not a boolean (use true/false, 1/0, yes/no or 是/否)"},
    {"应为整数", "expected an integer"},
    {"应为数字", "expected a number"},
    {"应为是否值", "expected a boolean"},
    {"应为日期", "expected a date"},
    {"含有 NUL 字节", "contains a NUL byte"},
    {"不是可用的值；是否应为 \"{}\"？", "unknown value; did you mean \"{}\"?"},
    {"不是可用的值（{}）", "unknown value (expected {})"},
    {"、", ", "},
    {"{} 为空；每一行都要写明所属社会组织的代码",
     "{} is empty; every row needs its organization's code"},
    {"{} {} 超过 {} {}", "{} {} exceeds {} {}"},
    {"{} \"{}\": 不是 6 位行政区划代码", "{} \"{}\": not a 6-digit administrative division code"},
    {"{} 已填写，但登记状态为正常（只有注销或撤销的社会组织才有终止日期）",
     "{} is given, but status is active (only a deregistered or revoked organization has a "
     "closing date)"},
    {"{} 已填写，但登记状态为正常", "{} is given, but status is active"},
    {"{} 为空；登记状态为 {}，须填写注销/撤销/吊销日期",
     "{} is empty; status {} needs the date of 注销/撤销/吊销"},
    {"{} {} 不晚于 {} {}", "{} {} is not after {} {}"},
    {"{} \"{}\": 第 1 位是 \"{}\"，不是 \"5\"（民政部门登记）",
     "{} \"{}\": position 1 is \"{}\", not \"5\" (civil affairs)"},
    {"{} \"{}\": 第 2 位 \"{}\" 与类型 {} 不符",
     "{} \"{}\": position 2 \"{}\" does not match type {}"},
    {"{} \"{}\": 第 3-8 位 \"{}\" 与行政区划代码 \"{}\" 不符",
     "{} \"{}\": positions 3-8 \"{}\" do not match region \"{}\""},
    {"字段过多：{} 个，表头只有 {} 个", "too many fields: {}, the header has {}"},
    {"字段过少：{} 个，表头有 {} 个", "too few fields: {}, the header has {}"},
    {"重复的代码（首次出现在第 {} 行）", "duplicate key (first on line {})"},
    {"没有社会组织使用此代码", "no organization has this code"},
    {"所属社会组织已被跳过", "its organization was skipped"},
    {"；已跳过此行", "; row skipped"},
    {"未知的列 \"{}\"（已忽略）", "unknown column \"{}\" (ignored)"},
    {"没有列名的列（已忽略）", "column without a name (ignored)"},
    {"；是否应为 \"{}\"？", "; did you mean \"{}\"?"},
    {"重复的列 \"{}\"（与第 {} 列相同）", "duplicate column \"{}\" (also column {})"},
    {"缺少必需的列 \"{}\"", "missing required column \"{}\""},
    {"含有空格；请删除代码中的空格", "contains a space; remove the spaces inside the code"},
    {"含有非 ASCII 字符（如全角字符）；请用半角字符输入代码",
     "contains a non-ASCII (e.g. full-width) character; type the code in half-width ASCII"},
    {"含有小写字母；统一社会信用代码用大写字母书写（\"{}\"）",
     "has lower-case letters; a USCC is written in capitals (\"{}\")"},
    {"有 {} 个字符，应为 18 个", "has {} characters, expected 18"},
    {"第 {} 位字符 \"{}\" 不可用（不使用 I、O、Z、S、V）",
     "character {} \"{}\" is not allowed (I, O, Z, S and V are never used)"},
    {"第 3-8 位（行政区划代码）必须是数字", "positions 3-8 (the region code) must be digits"},
    {"校验码应为 \"{}\"", "check character should be \"{}\""},
    {"组织机构代码校验码（第 17 位）应为 \"{}\"",
     "organization code check character (position 17) should be \"{}\""},
    {"缺少 {}：数据集必须包含{}", "no {}: a dataset needs its {}"},
    {"缺少 {}：{}情况不明，不按空表处理；读取此表的规则都计为数据缺失",
     "no {}: the {} is unknown, not taken as empty; every rule that reads it is counted as missing "
     "data"},
    {"没有任何社会组织", "no organizations"},
    {"\"{}\" 数据表", "table \"{}\""},
    {"文件末尾的字节序列不完整", "a truncated sequence at the end"},
    {"字节 0x{:02X}", "byte 0x{:02X}"},
    {"不是有效的 UTF-8 编码（{}）", "invalid UTF-8 ({})"},
    {"不是有效的 GB18030 编码（{}），也不是 UTF-8", "invalid GB18030 ({}), and not UTF-8 either"},
    {"不是有效的 UTF-8 编码（{}），也不是 GB18030", "invalid UTF-8 ({}), and not GB18030 either"},
    {"不是有效的 {} 编码（{}）", "invalid {} ({})"},
    {"不是有效的 UTF-8，已按 GB18030 读取（可用 --encoding gb18030 明确指定）",
     "not valid UTF-8; read as GB18030 (pass --encoding gb18030 to say so)"},
    {"不是有效的 JSON：{}", "invalid JSON: {}"},
    {"{} 和 {} 同时存在；请只保留一个", "both {} and {} exist; keep one"},
    {"未知的编码 \"{}\"（可用 auto、utf-8、gbk 或 gb18030）",
     "unknown encoding \"{}\" (use auto, utf-8, gbk or gb18030)"},
    {"不是目录，也不是 SQLite 文件（*.db、*.sqlite）",
     "not a directory or a SQLite file (*.db, *.sqlite)"},
    {"没有这个目录或文件", "no such directory or file"},
    {"未知的数据表 \"{}\"", "unknown table \"{}\""},
    {"数据表 \"{}\" 给出了两次", "table \"{}\" is given twice"},
    {"未加引号的字段中有引号，已按原样读取：{}（按 CSV 规范应写作 {}）",
     "quote inside an unquoted field, kept as written: {} (RFC 4180 would write {})"},
    {"引号没有闭合（从这里一直到文件末尾都在引号内）",
     "unterminated quoted field (the quote runs to the end of the file)"},
    {"闭合引号后还有文字（字段内的引号应写作 \"\"）",
     "text after a closing quote (write \"\" for a quote inside a field)"},
    {"空文件：没有表头行", "empty file: no header row"},
    {"表头中的引号没有闭合", "unterminated quoted field in the header"},
    {"空文件：没有 JSON 对象", "empty file: no JSON objects"},
    {"不是 SQLite 数据库", "not a SQLite database"},
    {"SQLite 数据库已损坏：文件不完整或内容有误（{}）",
     "damaged SQLite database: truncated or corrupt ({})"},
    {"{} 或 {}", "{} or {}"},
    {"每行应为一个 JSON 对象", "expected a JSON object on each line"},
    {"{}：不能使用嵌套的 JSON 数组或对象", "{}: nested JSON arrays and objects are not allowed"},
    {"记录超过 {} MB（{} 字节），文件的其余部分未读取",
     "record over {} MB ({} bytes); the rest of the file is not read"},
    {"这一行超过 {} MB（{} 字节），文件的其余部分未读取",
     "line over {} MB ({} bytes); the rest of the file is not read"},
    {"字段超过 {} MB（{} 字节）", "field over {} MB ({} bytes)"},
    {"{}：值超过 {} MB（{} 字节）", "{}: value over {} MB ({} bytes)"},
    {"有 {} 列，超过上限 {} 列", "{} columns, more than the limit of {}"},
    {"另有 {} 个未知的列（已忽略）", "{} more unknown columns (ignored)"},
}};

} // namespace

std::string_view wording(Wording key, Lang lang)
{
  const Pair& pair = wordings[static_cast<std::size_t>(key)];
  return lang == Lang::zh ? pair.first : pair.second;
}

} // namespace orgaudit::data
