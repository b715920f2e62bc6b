#pragma once

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

namespace orgaudit::audit {

// A table of `rows` × `columns` values in one flat vector, row after row:
// the per-organization results of one kind of rule (rows are organizations,
// columns rules), so that each organization's results are contiguous and a
// worker writes its own rows without touching another's.
template <typename T> class Matrix {
 public:
  Matrix() = default;
  Matrix(std::size_t rows, std::size_t columns)
      : m_rows(rows), m_columns(columns), m_cells(rows * columns)
  {
  }

  std::size_t rows() const { return m_rows; }
  std::size_t columns() const { return m_columns; }

  T& at(std::size_t row, std::size_t column) { return m_cells[row * m_columns + column]; }
  const T& at(std::size_t row, std::size_t column) const
  {
    return m_cells[row * m_columns + column];
  }

  // The `columns` values of `row`.
  std::span<T> row(std::size_t row) { return {m_cells.data() + row * m_columns, m_columns}; }
  std::span<const T> row(std::size_t row) const
  {
    return {m_cells.data() + row * m_columns, m_columns};
  }

  // The rows at `positions` (in that order) as a new matrix of as many rows.
  Matrix select_rows(const std::vector<std::size_t>& positions) const
  {
    Matrix out(positions.size(), m_columns);
    for (std::size_t r = 0; r < positions.size(); ++r) {
      const auto from = row(positions[r]);
      std::copy(from.begin(), from.end(), out.row(r).begin());
    }
    return out;
  }

 private:
  std::size_t m_rows = 0;
  std::size_t m_columns = 0;
  std::vector<T> m_cells;
};

} // namespace orgaudit::audit
