#pragma once

// Internal to core/store: this process's descriptors of store files and the one-writer lock.
#include "util/expected.h"

#include <cstdint>
#include <optional>
#include <string>

namespace dna::store {

/// A store file by device and inode: every name and link of it is the same file.
struct StoreFileId {
    uint64_t dev = 0;
    uint64_t ino = 0;
};

/// This process's use of the store file at `path` (created when `write` and missing); for a writer also the
/// writer's lock, an open-file-description lock on one byte of the file itself that the kernel drops when the
/// process dies. Errors: "cannot_open", "store_locked". Pair every success with releaseStoreFile.
[[nodiscard]] std::optional<Error> acquireStoreFile(const std::string& path, bool write, StoreFileId& id);

/// Ends one use; the writer's lock goes with the writer's. Descriptors close with the file's last use (closing
/// any descriptor of a file drops every POSIX lock the process holds on it, SQLite's included).
void releaseStoreFile(StoreFileId id, bool writer);

/// Whether a writer holds the file's lock now: a store of this process or another process.
bool storeWriterAlive(StoreFileId id);

} // namespace dna::store
