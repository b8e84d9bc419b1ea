#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace dna::store {

/// An SQLite failure, thrown inside the store and turned into an Error at its public boundary.
struct SqliteError : std::runtime_error {
    SqliteError(const std::string& what, int code)
        : std::runtime_error(what)
        , code(code)
    {
    }
    int code;
};

/// A prepared statement: bind by 1-based index, step, read columns by 0-based index.
class Statement {
public:
    Statement(sqlite3* db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, int64_t v);
    Statement& bind(int i, double v);
    Statement& bind(int i, const std::string& v);
    Statement& bindNull(int i);
    /// True while a row is available; false when done.
    bool step();
    void reset();

    int64_t integer(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    bool isNull(int col) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

/// Runs one statement without results.
void exec(sqlite3* db, const char* sql);

/// BEGIN IMMEDIATE now; ROLLBACK when it goes out of scope without commit().
struct Transaction {
    explicit Transaction(sqlite3* db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();
    sqlite3* db;
    bool done = false;
};

} // namespace dna::store
