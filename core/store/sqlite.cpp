#include "store/sqlite.h"

#include <sqlite3.h>

namespace dna::store {

namespace {

[[noreturn]] void fail(sqlite3* db, int rc, const std::string& what)
{
    // Name the store: a reader's message reaches the user as it is.
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    std::string text = file && *file ? "store '" + std::string(file) + "': " : std::string();
    text += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    if ((rc & 0xff) == SQLITE_CORRUPT) {
        text += " (the file is damaged: `dna-cli store check --db FILE` lists what is wrong; restore it from a backup, "
                "or export what is still readable)";
    }
    throw StoreError(text + " [" + what + "]", rc);
}

class SqliteQuery final : public Query {
public:
    SqliteQuery(sqlite3* db, const std::string& sql)
        : m_db(db)
    {
        const int rc = sqlite3_prepare_v2(db, sql.c_str(), int(sql.size()), &m_stmt, nullptr);
        if (rc != SQLITE_OK) {
            fail(db, rc, "preparing '" + sql + "'");
        }
    }
    ~SqliteQuery() override { sqlite3_finalize(m_stmt); }

    void bind(int i, int64_t v) override { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, double v) override { sqlite3_bind_double(m_stmt, i, v); }
    void bind(int i, const std::string& v) override
    {
        sqlite3_bind_text(m_stmt, i, v.data(), int(v.size()), SQLITE_TRANSIENT);
    }
    void bindNull(int i) override { sqlite3_bind_null(m_stmt, i); }
    bool step() override
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) {
            return true;
        }
        if (rc == SQLITE_DONE) {
            m_changes = sqlite3_changes64(m_db);
            m_insertedId = sqlite3_last_insert_rowid(m_db);
            return false;
        }
        fail(m_db, rc, "executing a statement");
    }
    void reset() override
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        m_changes = 0;
    }
    int64_t integer(int col) const override { return sqlite3_column_int64(m_stmt, col); }
    double real(int col) const override { return sqlite3_column_double(m_stmt, col); }
    std::string text(int col) const override
    {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
        return p ? std::string(p, size_t(sqlite3_column_bytes(m_stmt, col))) : std::string();
    }
    bool isNull(int col) const override { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
    int64_t changes() const override { return m_changes; }
    int64_t insertedId() const override { return m_insertedId; }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
    int64_t m_changes = 0;
    int64_t m_insertedId = 0;
};

} // namespace

std::unique_ptr<Query> SqliteConnection::prepare(const std::string& sql)
{
    return std::make_unique<SqliteQuery>(m_db, sql);
}

void SqliteConnection::exec(const std::string& sql)
{
    char* msg = nullptr;
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
        const std::string text = msg ? msg : sqlite3_errstr(rc);
        sqlite3_free(msg);
        const char* file = sqlite3_db_filename(m_db, "main");
        throw StoreError((file && *file ? "store '" + std::string(file) + "': " : std::string()) + text, rc);
    }
}

} // namespace dna::store
