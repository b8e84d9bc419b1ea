#pragma once

// Internal to core/store: the SQLite side of sql.h.
#include "store/sql.h"

struct sqlite3;

namespace dna::store {

/// A connection over an open sqlite3 handle (closed by the owner, not by this object).
class SqliteConnection final : public Connection {
public:
    explicit SqliteConnection(sqlite3* db)
        : m_db(db)
    {
    }
    std::unique_ptr<Query> prepare(const std::string& sql) override;
    void exec(const std::string& sql) override;
    void begin() override { exec("BEGIN IMMEDIATE"); }
    const char* returningId() const override { return ""; }
    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db;
};

} // namespace dna::store
