#pragma once

#include <orgaudit/core/date.hpp>

namespace orgaudit {

// The first day on which an evaluation grade (社会组织评估等级) announced on
// `awarded` is no longer valid (domain.md §2.3). A grade announced from
// 2026-03-01 on is valid from Jan 1 of the next year to Dec 31 of year 5, so
// it expires on Jan 1 of the award year + 6; an earlier one is valid for five
// years (民政部令第39号) and expires on the same date five calendar years later.
// The rule set's `grade_valid` let encodes the same periods.
Date grade_expires_on(Date awarded);

// True if a grade announced on `awarded` is held and still valid on `day`: the
// weeks between the announcement and the Jan 1 a 2026-rule period starts count
// as valid, since a dataset holds the latest grade only.
bool grade_valid_on(Date awarded, Date day);

} // namespace orgaudit
