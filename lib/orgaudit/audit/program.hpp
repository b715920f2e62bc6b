#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <orgaudit/data/dataset.hpp>

namespace orgaudit::audit {

// The program figures of SPEC §9, computed from the data (never stored).
// Counts are over every organization of the dataset, whatever its status,
// unless the field says otherwise.
struct ProgramFigures {
  std::size_t high_grade = 0; // active organizations graded 4A or 5A
  std::size_t brand_orgs = 0; // organizations with a brand_org honor at city level or above
  std::size_t brand_orgs_provincial = 0; // … at province level or above
  std::size_t brand_projects = 0;        // brand_project honors
  std::size_t leading_figures = 0;       // leading_figure honors
  std::size_t leading_figures_provincial = 0;
  std::size_t best_practices = 0; // best_practice honors at province level
  std::vector<std::string>
      demonstration_units; // names of orgs with a city-level integrity_demo_unit honor, sorted
  std::size_t venture_projects = 0;    // projects with source venture_philanthropy
  std::size_t venture_rounds = 0;      // distinct years of those projects
  double venture_amount = 0;           // their total amount, yuan
  std::size_t integrity_trainings = 0; // sessions: distinct dates of integrity_training activities
  std::size_t association_interviews = 0; // industry associations with an interview incident
  std::size_t dormant_cleared = 0; // organizations deregistered or revoked (any revoked status)
};

// Computes the figures from `dataset` (which must use the shipped schema's
// table and column names; absent tables count 0).
ProgramFigures compute_program_figures(const data::Dataset& dataset);

} // namespace orgaudit::audit
