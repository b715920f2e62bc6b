#pragma once

#include <string>

namespace SQLite {
class Database;
}

namespace orgaudit::history {

// The version of the history database this orgaudit writes (PRAGMA user_version).
inline constexpr int schema_version = 2;

// Marks a SQLite file as an orgaudit history database (PRAGMA application_id, "ORGA").
inline constexpr int application_id = 0x4F524741;

// Throws IoError naming `display_name` when the file is another kind of
// SQLite database or was written by a newer orgaudit; reads only, so a file
// that is not ours is left untouched.
void check_database(SQLite::Database& db, const std::string& display_name);

// Brings the database up to schema_version, one step per version in a single
// write transaction, so a database written by any earlier orgaudit can be
// read and appended to. Throws as check_database does.
void migrate(SQLite::Database& db, const std::string& display_name);

} // namespace orgaudit::history
