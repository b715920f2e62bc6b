#pragma once

#include <string>

#include <orgaudit/core/diagnostic.hpp>
#include <orgaudit/data/dataset_builder.hpp>
#include <orgaudit/schema/schema.hpp>

namespace orgaudit::data {

// Reads every table of `schema` from the SQLite file at `path` into
// `builder`: tables and columns named like the CSV canonical names (or their
// aliases), native INTEGER/REAL values taken as numbers. A missing child
// table is empty; a missing organizations table is an error. Diagnostics name
// the table as the file and its row number (1-based, rowid order) as the line.
// Throws IoError if the file is not a readable SQLite database.
void read_sqlite(const std::string& path, const schema::Schema& schema, DatasetBuilder& builder,
                 Diagnostics& diagnostics);

} // namespace orgaudit::data
