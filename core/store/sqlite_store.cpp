// The SQLite backend of the run store: the file, its writer's lock, its checks and its migrations.
#include "store/backends.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/store_file.h"

#include <sqlite3.h>

#include <sys/stat.h>

#include <filesystem>
#include <sstream>
#include <unistd.h>

namespace dna::store {

namespace {

/// A path as the path part of an SQLite URI: '%', '?' and '#' escaped.
std::string uriEscaped(const std::string& path)
{
    std::string out;
    for (char c : path) {
        if (c == '%' || c == '?' || c == '#') {
            const char* hex = "0123456789ABCDEF";
            out += '%';
            out += hex[(unsigned char)c >> 4];
            out += hex[c & 15];
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

namespace {

/// The first problem PRAGMA quick_check reports, empty when the file is sound.
std::string quickCheck(Connection& db)
{
    try {
        Statement c(db, "PRAGMA quick_check(1)");
        if (!c.step()) {
            return {};
        }
        const std::string r = c.text(0);
        return r == "ok" ? std::string() : r;
    } catch (const StoreError& e) {
        if ((e.code & 0xff) == SQLITE_CORRUPT) {
            return sqlite3_errstr(e.code); // the check could not even walk the file
        }
        throw;
    }
}

/// The SQLite backend: one file, one writer at a time (the file's lock), readers beside it.
class SqliteRunStore final : public RunStore {
public:
    SqliteRunStore(sqlite3* handle, const std::string& path, Mode mode, StoreFileId file, std::string damage)
        : RunStore(std::make_unique<SqliteConnection>(handle), path, mode)
        , m_handle(handle)
        , m_file(file)
    {
        m_damage = std::move(damage);
    }
    ~SqliteRunStore() override
    {
        sqlite3_close(m_handle);
        releaseStoreFile(m_file, m_mode == Mode::ReadWrite); // after the connection
    }

    /// Connection settings; for the writer WAL, the migrations and the recovery of interrupted runs.
    void prepare()
    {
        db().exec("PRAGMA foreign_keys = ON");
        if (m_mode == Mode::ReadWrite) {
            db().exec("PRAGMA journal_mode = WAL");
            db().exec("PRAGMA synchronous = NORMAL");
            migrateSchema(db());
            recoverInterrupted();
        }
    }

    bool writerAlive() const override { return m_mode == Mode::ReadWrite || storeWriterAlive(m_file); }

    std::vector<std::string> integrityCheck() const override
    {
        std::vector<std::string> problems;
        try {
            Statement c(db(), "PRAGMA integrity_check");
            while (c.step()) {
                // A row may hold several problems, one per line, under a "*** in database main ***" heading.
                std::istringstream lines(c.text(0));
                for (std::string line; std::getline(lines, line);) {
                    if (!line.empty() && line != "ok" && line.rfind("*** in database", 0) != 0) {
                        problems.push_back(line);
                    }
                }
            }
        } catch (const StoreError& e) {
            problems.push_back(e.what()); // so damaged that the check stopped
        }
        return problems;
    }

    int schemaVersion() const override
    {
        Statement v(db(), "PRAGMA user_version");
        v.step();
        return int(v.integer(0));
    }

    /// PRAGMA data_version: changes when another connection commits to the file.
    int64_t changeCounter() const override
    {
        Statement v(db(), "PRAGMA data_version");
        v.step();
        return v.integer(0);
    }

private:
    void recoverInterrupted()
    {
        Transaction t(db());
        Statement find(db(), "SELECT id FROM runs WHERE state = 'running'");
        while (find.step()) {
            m_recovered.push_back(find.integer(0));
        }
        Statement mark(db(),
            "UPDATE runs SET state = 'interrupted', finished_at = ?1,"
            " error = 'the process stopped while the run was in progress' WHERE state = 'running'");
        mark.bind(1, nowIso8601()).step();
        t.commit();
    }

    sqlite3* m_handle;
    StoreFileId m_file;
};

} // namespace

Expected<std::unique_ptr<RunStore>> openSqliteStore(const std::string& path, RunStore::Mode mode)
{
    if (path.empty()) {
        return Error { ErrorCode::BadPath, "the store path is empty: give a file such as runs.sqlite" };
    }
    struct stat st { };
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (!exists && mode == RunStore::Mode::ReadOnly) {
        return Error { ErrorCode::CannotOpen, "store '" + path + "' does not exist" };
    }
    if (exists && S_ISDIR(st.st_mode)) {
        return Error { ErrorCode::BadPath,
            "'" + path + "' is a folder; give the store's file inside it (for example '" + path + "/runs.sqlite')" };
    }
    if (exists && !S_ISREG(st.st_mode)) {
        return Error { ErrorCode::BadPath, "'" + path + "' is not a regular file (a device, a pipe or a socket)" };
    }
    if (!exists) {
        // A new store's folder is made here, once for every caller (a failure shows when the file is created).
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    }
    // Readers keep a descriptor only to ask whether a writer is alive; the writer holds its lock on one.
    StoreFileId fileId;
    if (auto e = acquireStoreFile(path, mode == RunStore::Mode::ReadWrite, fileId)) {
        return *e;
    }
    sqlite3* db = nullptr;
    auto failOpen = [&](Error e) -> Expected<std::unique_ptr<RunStore>> {
        sqlite3_close(db);
        releaseStoreFile(fileId, mode == RunStore::Mode::ReadWrite);
        if (!exists) {
            ::unlink(path.c_str()); // the empty file this call created
        }
        return e;
    };
    auto openDb = [&](bool immutable) {
        sqlite3_close(db);
        db = nullptr;
        int flags
            = mode == RunStore::Mode::ReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        std::string name = path;
        if (immutable) {
            // A store on read-only media: WAL needs a writable -shm beside the file, which such media cannot give.
            // Nothing can change the file there, so SQLite may read it as immutable.
            name = "file:" + uriEscaped(path) + "?immutable=1";
            flags |= SQLITE_OPEN_URI;
        }
        const int rc = sqlite3_open_v2(name.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
        if (rc == SQLITE_OK) {
            sqlite3_busy_timeout(db, 5000);
        }
        return rc;
    };
    int rc = openDb(false);
    if (rc != SQLITE_OK) {
        return failOpen({ ErrorCode::CannotOpen, "cannot open store '" + path + "': " + sqlite3_errstr(rc) });
    }
    int version = 0;
    bool ours = true;
    std::string damage;
    auto inspect = [&] {
        SqliteConnection c(db);
        Statement v(c, "PRAGMA user_version");
        v.step();
        version = int(v.integer(0));
        Statement t(c, "SELECT count(*), sum(name = 'runs') FROM sqlite_master WHERE type = 'table'");
        t.step();
        ours = t.integer(0) == 0 || t.integer(1) == 1;
        if (ours) {
            damage = quickCheck(c);
        }
    };
    try {
        try {
            inspect();
        } catch (const StoreError& e) {
            const int primary = e.code & 0xff;
            const bool mediaReadOnly = primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY;
            const std::string parent = path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/') + 1);
            if (mode != RunStore::Mode::ReadOnly || !mediaReadOnly || ::access(parent.c_str(), W_OK) == 0) {
                throw;
            }
            if (openDb(true) != SQLITE_OK) {
                throw;
            }
            inspect();
        }
    } catch (const StoreError& e) {
        const int primary = e.code & 0xff;
        if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
            return failOpen({ ErrorCode::NotAStore,
                "'" + path
                    + "' is not a DNA Explorer store (it is not an SQLite database, or it is damaged); it was left "
                      "untouched. Choose another file or a new name" });
        }
        return failOpen({ ErrorCode::CannotOpen, "cannot read store '" + path + "': " + e.what() });
    }
    if (!ours) {
        return failOpen({ ErrorCode::NotAStore,
            "'" + path + "' is an SQLite database but not a DNA Explorer store; it was left untouched" });
    }
    if (version > RunStore::kSchemaVersion) {
        return failOpen({ ErrorCode::NewerSchema,
            "store '" + path + "' has schema version " + std::to_string(version) + ", newer than this build's "
                + std::to_string(RunStore::kSchemaVersion)
                + "; open it with a newer DNA Explorer (nothing was changed)" });
    }
    if (!damage.empty() && mode == RunStore::Mode::ReadWrite) {
        return failOpen({ ErrorCode::DamagedStore,
            "store '" + path + "' is damaged (SQLite's check says: " + damage
                + "); nothing was written to it. Restore it from a backup, or open it read-only (dna-cli runs, front "
                  "and export, or the explorer) and export what is still readable; `dna-cli store check --db "
                + path + "` lists every problem" });
    }
    if (mode == RunStore::Mode::ReadOnly && version < RunStore::kSchemaVersion) {
        return failOpen({ ErrorCode::OldSchema,
            "store '" + path + "' has schema version " + std::to_string(version)
                + "; open it once for writing to "
                  "migrate it to version "
                + std::to_string(RunStore::kSchemaVersion) });
    }
    std::unique_ptr<SqliteRunStore> store(new SqliteRunStore(db, path, mode, fileId, damage));
    try {
        store->prepare();
    } catch (const StoreError& e) {
        return Error { ErrorCode::CannotOpen, "cannot prepare store '" + path + "': " + e.what() };
    }
    return std::unique_ptr<RunStore>(std::move(store));
}

} // namespace dna::store
