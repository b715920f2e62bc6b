#include <orgaudit/audit/results.hpp>

namespace orgaudit::audit {

std::string_view status_name(Status status)
{
  switch (status) {
  case Status::pass:
    return "pass";
  case Status::partial:
    return "partial";
  case Status::fail:
    return "fail";
  case Status::missing:
    return "missing";
  case Status::not_applicable:
    return "not_applicable";
  case Status::waived:
    return "waived";
  case Status::error:
    return "error";
  }
  return "?";
}

std::string_view criterion_status_name(CriterionStatus status)
{
  switch (status) {
  case CriterionStatus::no_match:
    return "no_match";
  case CriterionStatus::match:
    return "match";
  case CriterionStatus::missing:
    return "missing";
  }
  return "?";
}

} // namespace orgaudit::audit
