#pragma once

// Internal to core/store: the two backends behind RunStore::open.
#include "store/run_store.h"

namespace dna::store {

/// An SQLite file store (RunStore::open's errors for a path).
Expected<std::unique_ptr<RunStore>> openSqliteStore(const std::string& path, RunStore::Mode mode);

/// A PostgreSQL store (RunStore::open's errors for a postgresql:// or postgres:// URI).
Expected<std::unique_ptr<RunStore>> openPgStore(const std::string& uri, RunStore::Mode mode);

} // namespace dna::store
