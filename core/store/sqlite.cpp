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
    throw SqliteError(text + " [" + what + "]", rc);
}
} // namespace

Statement::Statement(sqlite3* db, const char* sql)
    : m_db(db)
{
    const int rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        fail(db, rc, std::string("preparing '") + sql + "'");
    }
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement& Statement::bind(int i, int64_t v)
{
    sqlite3_bind_int64(m_stmt, i, v);
    return *this;
}

Statement& Statement::bind(int i, double v)
{
    sqlite3_bind_double(m_stmt, i, v);
    return *this;
}

Statement& Statement::bind(int i, const std::string& v)
{
    sqlite3_bind_text(m_stmt, i, v.data(), int(v.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindNull(int i)
{
    sqlite3_bind_null(m_stmt, i);
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    fail(m_db, rc, "executing a statement");
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int64_t Statement::integer(int col) const { return sqlite3_column_int64(m_stmt, col); }

double Statement::real(int col) const { return sqlite3_column_double(m_stmt, col); }

std::string Statement::text(int col) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    return p ? std::string(p, size_t(sqlite3_column_bytes(m_stmt, col))) : std::string();
}

bool Statement::isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }

void exec(sqlite3* db, const char* sql)
{
    char* msg = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
        const std::string text = msg ? msg : sqlite3_errstr(rc);
        sqlite3_free(msg);
        const char* file = sqlite3_db_filename(db, "main");
        throw SqliteError((file && *file ? "store '" + std::string(file) + "': " : std::string()) + text, rc);
    }
}

Transaction::Transaction(sqlite3* db)
    : db(db)
{
    exec(db, "BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!done) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit()
{
    exec(db, "COMMIT");
    done = true;
}

} // namespace dna::store
