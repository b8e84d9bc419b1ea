#pragma once

// Internal to core/store: the schema of a run store and its forward migrations.
struct sqlite3;

namespace dna::store {

/// Brings the database to the current schema (RunStore::kSchemaVersion) from the version in its
/// PRAGMA user_version, one transaction per version step. Throws SqliteError.
void migrateSchema(sqlite3* db);

} // namespace dna::store
