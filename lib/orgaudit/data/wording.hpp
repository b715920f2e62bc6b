#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include <orgaudit/core/lang.hpp>

namespace orgaudit::data {

// Every fixed piece of text of the messages about a user's data, in both
// languages (the table is in wording.cpp). Each is a format string.
enum class Wording : std::uint8_t {
  no_such_date,
  not_a_date,
  before_1949,
  after_as_of,
  not_an_integer,
  too_large_for_integer,
  out_of_range,
  less_than,
  more_than,
  not_a_number,
  negative,
  not_a_boolean,
  expected_integer,
  expected_number,
  expected_boolean,
  expected_date,
  nul_byte,
  unknown_value_guess,
  unknown_value_list,
  list_separator,
  key_empty,
  exceeds,
  not_a_region,
  closed_but_active,
  reason_but_active,
  closed_on_empty,
  not_after,
  uscc_not_civil_affairs,
  uscc_type_mismatch,
  uscc_region_mismatch,
  too_many_fields,
  too_few_fields,
  duplicate_key,
  no_organization,
  organization_skipped,
  row_skipped,
  unknown_column,
  nameless_column,
  did_you_mean,
  duplicate_column,
  missing_column,
  uscc_space,
  uscc_non_ascii,
  uscc_lower_case,
  uscc_length,
  uscc_character,
  uscc_region_digits,
  uscc_check,
  uscc_organization_check,
  no_root_file,
  absent_table,
  no_organizations,
  sqlite_table,
  truncated_sequence,
  bad_byte,
  invalid_utf8,
  invalid_gb18030_or_utf8,
  invalid_utf8_or_gb18030,
  invalid_encoding,
  read_as_gb18030,
  invalid_json,
  both_files,
  unknown_encoding,
  not_a_dataset,
  no_such_path,
  unknown_table,
  table_twice,
  bare_quote,
  unterminated_quote,
  text_after_quote,
  no_header,
  header_unterminated,
  no_json_objects,
  not_sqlite,
  damaged_sqlite,
  either_file,
  not_a_json_object,
  nested_json,
  record_too_long,
  line_too_long,
  field_too_long,
  value_too_long,
  too_many_columns,
  more_unknown_columns,
  count_
};

// The format string of `key` in `lang`.
std::string_view wording(Wording key, Lang lang);

// `key` in `lang` with its arguments put in.
template <typename... Args> std::string say(Wording key, Lang lang, Args&&... args)
{
  return fmt::format(fmt::runtime(wording(key, lang)), std::forward<Args>(args)...);
}

} // namespace orgaudit::data
