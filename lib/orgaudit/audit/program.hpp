#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <orgaudit/audit/results.hpp>

namespace orgaudit::audit {

// The program figures of SPEC §9, computed from the data (never stored), with
// the meanings of the Huzhou article. They count only the organizations of a
// run's selection (--org, --region) and their child rows, as of its as_of.
struct ProgramFigures {
  std::size_t organizations = 0; // the organizations the figures are computed over
  // Organizations on the register on as_of (active, or closed after it) whose
  // 4A or 5A grade is valid on as_of (core/grade_validity.hpp): "4A级及以上150家".
  std::size_t high_grade = 0;
  std::size_t brand_orgs = 0; // organizations with a brand_org honor at city level or above
  std::size_t brand_orgs_provincial = 0;      // … at province level or above
  std::size_t brand_projects = 0;             // brand_project honors at city level or above
  std::size_t leading_figures = 0;            // leading_figure honors at city level or above
  std::size_t leading_figures_provincial = 0; // … at province level or above
  std::size_t best_practices = 0; // organizations with a province-level best_practice honor
  std::vector<std::string>
      demonstration_units; // names of orgs with a city-level integrity_demo_unit honor, sorted
  std::size_t venture_projects = 0;    // projects with source venture_philanthropy
  std::size_t venture_rounds = 0;      // distinct years of those projects
  double venture_amount = 0;           // their total amount, yuan
  std::size_t integrity_trainings = 0; // sessions: distinct dates of integrity_training activities
  std::size_t association_interviews = 0; // industry associations with an interview incident
  // Organizations closed as dormant (closed_reason dormant) on or before as_of:
  // "清理309家僵尸型社会组织"; other closures do not count.
  std::size_t dormant_cleared = 0;
  // Whether the table a figure is read from is in the dataset: a figure read
  // from an absent table is unknown, not 0 (SPEC §2), and reports say so.
  // honors: brand_*, leading_*, best_practices, demonstration_units;
  // projects: venture_*; activities: integrity_trainings; incidents:
  // association_interviews.
  bool honors_known = true;
  bool projects_known = true;
  bool activities_known = true;
  bool incidents_known = true;
};

// Computes the figures over the organizations of `results` as of results.as_of,
// from its dataset (which must use the shipped schema's table and column
// names; absent columns count 0, absent tables make their figures unknown).
ProgramFigures compute_program_figures(const Results& results);

} // namespace orgaudit::audit
