#pragma once

// Internal to core/store: the schema of a run store and its forward migrations, per backend.
namespace dna::store {

class Connection;

/// Brings an SQLite store to the current schema (RunStore::kSchemaVersion) from the version in its
/// PRAGMA user_version, one transaction per version step. Throws StoreError.
void migrateSchema(Connection& db);

/// Brings a PostgreSQL store (an empty database, or one at an older version in its dna_schema table) to the
/// current schema, in one transaction that holds the store's advisory lock, so writers starting together
/// migrate once. Returns the version found before (0: a new store). Throws StoreError; the caller has
/// checked the version is not newer than this build's.
int migratePgSchema(Connection& db);

} // namespace dna::store
